package vn.extrel.warehouse.quality;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A data-quality rule from {@code config/rules/*.yaml}.
 *
 * @param table the silver table checked: {@code fdi}, {@code trade}, {@code activity}; or {@code
 *     indicators} for year-over-year checks
 * @param check {@code not_null}, {@code unique}, {@code accepted_values}, {@code range}, {@code
 *     relationship}, {@code totals} (settles the action of totals reconciliation), {@code yoy}
 * @param where a Spark SQL condition: the rule applies to the rows that satisfy it
 * @param action {@code warn} (record), {@code quarantine} (move failing rows to silver.quarantine),
 *     {@code fail} (reject the file, keeping its previous version; for table-wide checks, fail the
 *     run)
 * @param warnAbove failing rows allowed before the rule warns (default 0)
 * @param errorAbove failing rows allowed before the rule is an error and its action applies
 *     (default 0)
 * @param ratioBetween for yoy: the plausible band of the year-over-year ratio
 * @param checks for yoy: which of {@code missing_base}, {@code ratio_band}, {@code unit_change},
 *     {@code mixed_status} to run (default: all)
 */
public record Rule(
    String id,
    String description,
    String table,
    String check,
    List<String> columns,
    String column,
    List<String> values,
    BigDecimal min,
    BigDecimal max,
    String where,
    String to,
    List<String> indicators,
    List<Double> ratioBetween,
    List<String> checks,
    String action,
    Long warnAbove,
    Long errorAbove,
    String source)
    implements Serializable {

  public static final String WARN = "warn";
  public static final String QUARANTINE = "quarantine";
  public static final String FAIL = "fail";

  public Rule {
    columns =
        columns == null ? (column == null ? List.of() : List.of(column)) : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    checks =
        checks == null
            ? List.of("missing_base", "ratio_band", "unit_change", "mixed_status")
            : List.copyOf(checks);
    action = action == null ? WARN : action;
    warnAbove = warnAbove == null ? 0L : warnAbove;
    errorAbove = errorAbove == null ? 0L : errorAbove;
  }

  public Rule withSource(String file) {
    return new Rule(
        id,
        description,
        table,
        check,
        columns,
        column,
        values,
        min,
        max,
        where,
        to,
        indicators,
        ratioBetween,
        checks,
        action,
        warnAbove,
        errorAbove,
        file);
  }

  /** pass, warn or error for a number of failing rows. */
  public String status(long failing) {
    if (failing > errorAbove && (FAIL.equals(action) || QUARANTINE.equals(action))) {
      return "error";
    }
    return failing > warnAbove ? "warn" : "pass";
  }
}
