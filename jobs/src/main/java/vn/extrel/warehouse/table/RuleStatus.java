package vn.extrel.warehouse.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code status} of a row of {@code ops.dq_results}: how a check came out. */
public enum RuleStatus {
  /** No failing row above the rule's allowance. */
  PASS,
  /** Failing rows above {@code warn_above}: recorded, the data loads. */
  WARN,
  /**
   * Failing rows above {@code error_above} under a {@code fail} or {@code quarantine} action: the
   * action applies.
   */
  ERROR;

  /** The word the YAML and the tables use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every word, for error messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(RuleStatus::wire).toList();
  }

  @Override
  public String toString() {
    return wire();
  }
}
