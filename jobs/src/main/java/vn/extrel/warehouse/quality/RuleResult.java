package vn.extrel.warehouse.quality;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * How a rule came out for a file, a file's dataset or a table: an {@code ops.dq_results} row once
 * the run is known.
 *
 * @param target the silver table, {@code indicators}, or null for a file's totals
 * @param path the file, or null for a table-wide result
 */
public record RuleResult(
    Rule rule,
    RuleStatus status,
    String target,
    String dataset,
    String path,
    long failing,
    String message) {

  /** A result with the status the rule gives its failing rows. */
  static RuleResult of(Rule rule, String target, long failing, String message) {
    return new RuleResult(rule, rule.status(failing), target, null, null, failing, message);
  }

  /**
   * The tail of a finding's message that names its first case ({@code "; first: ..."}), or nothing
   * when there is none: every rule ends its message the same way.
   */
  static String firstCase(String described) {
    return described == null ? "" : "; first: " + described;
  }

  /** {@link #firstCase(String)} of the first of {@code cases}, as {@code describe} puts it. */
  static String firstCase(List<Row> cases, Function<Row, String> describe) {
    return cases.isEmpty() ? "" : firstCase(describe.apply(cases.get(0)));
  }

  public Row row(String runId) {
    return DqResultsTable.row(
        runId,
        rule.id(),
        status,
        rule.action(),
        DqResultsTable.Place.of(
            target,
            dataset,
            path,
            rule.columns().isEmpty() ? null : String.join(",", rule.columns())),
        DqResultsTable.Amounts.NONE,
        failing,
        message);
  }
}
