package vn.extrel.warehouse.parse;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The outcome of reading one number: a value (null for an empty cell) and the rule that produced
 * it, or a reason code and a message saying why the text is not a number.
 */
public record ParsedNumber(BigDecimal value, String rule, String reason, String message)
    implements Serializable {

  public static ParsedNumber ok(BigDecimal value, String rule) {
    return new ParsedNumber(value, rule, null, null);
  }

  public static ParsedNumber empty() {
    return new ParsedNumber(null, "empty", null, null);
  }

  public static ParsedNumber error(String reason, String message) {
    return new ParsedNumber(null, null, reason, message);
  }

  public boolean failed() {
    return reason != null;
  }

  public boolean isEmpty() {
    return reason == null && value == null;
  }
}
