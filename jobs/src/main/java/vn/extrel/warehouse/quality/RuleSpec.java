package vn.extrel.warehouse.quality;

import java.math.BigDecimal;
import java.util.List;
import vn.extrel.warehouse.table.RuleAction;

/**
 * A rule as written in {@code config/rules/*.yaml}, every key of every kind of check, with the
 * defaults filled in. {@link RuleCatalog} checks it, then makes it the {@link Rule} of its kind.
 *
 * @param warnAbove failing rows allowed before the rule warns (default 0)
 * @param errorAbove failing rows allowed before the rule is an error and its action applies
 *     (default 0)
 * @param checks for yoy: which {@link YoyCheck}s to run (default: all)
 */
record RuleSpec(
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
    String source) {

  RuleSpec {
    columns =
        columns == null ? (column == null ? List.of() : List.of(column)) : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    checks = checks == null ? List.of(YoyCheck.values()) : List.copyOf(checks);
    action = action == null ? RuleAction.WARN : action;
    warnAbove = warnAbove == null ? 0L : warnAbove;
    errorAbove = errorAbove == null ? 0L : errorAbove;
  }

  /** The rule of its kind, once checked (a check is named). */
  Rule toRule(String file) {
    Rule.Common common =
        new Rule.Common(
            id, description, table, columns, where, action, warnAbove, errorAbove, file);
    return switch (check) {
      case NOT_NULL -> new Rule.NotNull(common);
      case UNIQUE -> new Rule.Unique(common);
      case ACCEPTED_VALUES -> new Rule.AcceptedValues(common, values);
      case RANGE -> new Rule.Range(common, min, max);
      case RELATIONSHIP -> new Rule.Relationship(common, to);
      case TOTALS -> new Rule.Totals(common);
      case YOY -> new Rule.Yoy(common, indicators, ratioBetween, checks);
    };
  }
}
