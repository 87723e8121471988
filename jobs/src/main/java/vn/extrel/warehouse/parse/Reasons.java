package vn.extrel.warehouse.parse;

/**
 * Reason codes for quarantined rows; stable strings an analyst can filter on in silver.quarantine.
 */
public final class Reasons {
  private Reasons() {}

  public static final String NOT_A_NUMBER = "NOT_A_NUMBER";
  public static final String AMBIGUOUS_NUMBER = "AMBIGUOUS_NUMBER";
  public static final String NOT_AN_INTEGER = "NOT_AN_INTEGER";
  public static final String MISSING_REQUIRED = "MISSING_REQUIRED";
  public static final String BAD_YEAR = "BAD_YEAR";
  public static final String BAD_DATE = "BAD_DATE";
  public static final String BAD_PERIOD = "BAD_PERIOD";
  public static final String UNKNOWN_PARTNER = "UNKNOWN_PARTNER";
  public static final String PARTNER_COUNTRY_MISMATCH = "PARTNER_COUNTRY_MISMATCH";
  public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
  public static final String UNIT_MISMATCH = "UNIT_MISMATCH";
  public static final String UNIT_UNKNOWN = "UNIT_UNKNOWN";
  public static final String UNKNOWN_MEASURE = "UNKNOWN_MEASURE";
  public static final String FORMULA_ERROR = "FORMULA_ERROR";

  /** A data-quality rule with action quarantine rejected the value (see config/rules). */
  public static final String RULE_VIOLATION = "RULE_VIOLATION";
}
