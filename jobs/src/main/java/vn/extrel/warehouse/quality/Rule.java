package vn.extrel.warehouse.quality;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * A data-quality rule from {@code config/rules/*.yaml}.
 *
 * @param table the silver table checked: {@code fdi}, {@code trade}, {@code activity}; or {@code
 *     indicators} for year-over-year checks
 * @param check what the rule checks ({@link RuleCheck})
 * @param where a Spark SQL condition: the rule applies to the rows that satisfy it
 * @param action what a failure does ({@link RuleAction})
 * @param warnAbove failing rows allowed before the rule warns (default 0)
 * @param errorAbove failing rows allowed before the rule is an error and its action applies
 *     (default 0)
 * @param ratioBetween for yoy: the plausible band of the year-over-year ratio
 * @param checks for yoy: which {@link YoyCheck}s to run (default: all)
 */
public record Rule(
    String id,
    String description,
    String table,
    RuleCheck check,
    List<String> columns,
    String column,
    List<String> values,
    BigDecimal min,
    BigDecimal max,
    String where,
    String to,
    List<String> indicators,
    List<Double> ratioBetween,
    List<YoyCheck> checks,
    RuleAction action,
    Long warnAbove,
    Long errorAbove,
    String source)
    implements Serializable {

  public Rule {
    columns =
        columns == null ? (column == null ? List.of() : List.of(column)) : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    checks = checks == null ? List.of(YoyCheck.values()) : List.copyOf(checks);
    action = action == null ? RuleAction.WARN : action;
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

  /** How the rule comes out for a number of failing rows. */
  public RuleStatus status(long failing) {
    if (failing > errorAbove && action != RuleAction.WARN) {
      return RuleStatus.ERROR;
    }
    return failing > warnAbove ? RuleStatus.WARN : RuleStatus.PASS;
  }

  /** Whether the rule, so come out, rejects the file (status error, action fail). */
  public boolean rejects(RuleStatus status) {
    return status == RuleStatus.ERROR && action == RuleAction.FAIL;
  }
}
