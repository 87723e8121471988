package vn.extrel.warehouse.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The year-over-year checks a {@code yoy} rule runs ({@code checks:}). */
public enum YoyCheck {
  /** A year without the year before it. */
  MISSING_BASE,
  /** A ratio to the year before outside the rule's band. */
  RATIO_BAND,
  /** The source unit changes between two years. */
  UNIT_CHANGE,
  /** A preliminary figure compared with a final one. */
  MIXED_STATUS;

  /** The word the YAML and the tables use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every word, for error messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(YoyCheck::wire).toList();
  }

  @Override
  public String toString() {
    return wire();
  }
}
