package vn.extrel.warehouse.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a data-quality rule does when it fails ({@code action:} in config/rules, {@code action} of
 * {@code ops.dq_results}).
 */
public enum RuleAction {
  /** Record the failure: the rows load. */
  WARN,
  /** Move the failing rows to silver.quarantine with their reason. */
  QUARANTINE,
  /** Reject the file, keeping its previous version (for table-wide checks, fail the run). */
  FAIL;

  /** The word the YAML and the tables use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every word, for error messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(RuleAction::wire).toList();
  }

  @Override
  public String toString() {
    return wire();
  }
}
