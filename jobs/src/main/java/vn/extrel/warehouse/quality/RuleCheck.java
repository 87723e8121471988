package vn.extrel.warehouse.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of data-quality check a rule of config/rules can name ({@code check:}). */
public enum RuleCheck {
  /** The columns have a value. */
  NOT_NULL,
  /** The key columns are unique within each file version. */
  UNIQUE,
  /** The column's value is one of a list. */
  ACCEPTED_VALUES,
  /** The column's value lies within min and max. */
  RANGE,
  /** The column names a partner of silver.partner. */
  RELATIONSHIP,
  /** Settles the action of totals reconciliation. */
  TOTALS,
  /** Year-over-year sanity of gold's total indicators. */
  YOY;

  /** The word the YAML and the tables use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every word, for error messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(RuleCheck::wire).toList();
  }

  /** Whether the check is decided row by row, in one pass over a file's facts. */
  public boolean rowCheck() {
    return switch (this) {
      case NOT_NULL, ACCEPTED_VALUES, RANGE, RELATIONSHIP -> true;
      case UNIQUE, TOTALS, YOY -> false;
    };
  }

  @Override
  public String toString() {
    return wire();
  }
}
