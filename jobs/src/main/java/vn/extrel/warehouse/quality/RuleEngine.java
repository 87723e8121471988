package vn.extrel.warehouse.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.FactTable;

/**
 * Applies the data-quality rules with Spark, each family by its own class. Row rules (not_null,
 * accepted_values, range, relationship) run on the facts about to be written, file by file, so a
 * rule can quarantine the rows it rejects or reject a whole file before anything is written;
 * table-wide rules (unique, yoy) run after the write. Every rule leaves a result per file or per
 * finding in ops.dq_results.
 */
public final class RuleEngine {

  /** The result of the row rules for one table's facts. */
  public record RowOutcome(
      List<Row> results, Map<String, String> rejected, Column quarantine, Column reason) {}

  /**
   * What the totals rule decided: its results, and the files it rejects, each with why.
   *
   * @param results rows for ops.dq_results
   * @param rejected by path, in the order found
   */
  public record Totals(List<Row> results, Map<String, String> rejected) {}

  private final RuleCatalog catalog;
  private final Reference reference;
  private final String runId;

  public RuleEngine(RuleCatalog catalog, Reference reference, String runId) {
    this.catalog = catalog;
    this.reference = reference;
    this.runId = runId;
  }

  private List<Rule.RowRule> rowRules(FactTable target) {
    return catalog.ofKind(Rule.RowRule.class).stream()
        .filter(r -> target.name().equals(r.table()))
        .toList();
  }

  public boolean hasRowRules(FactTable target) {
    return !rowRules(target).isEmpty();
  }

  /** Counts each row rule's failures per file in one pass over the facts. */
  public RowOutcome rows(Dataset<Row> facts, FactTable target) {
    RowRules.Outcome o = new RowRules(rowRules(target), reference, target).check(facts);
    return new RowOutcome(rows(o.results()), o.rejected(), o.quarantine(), o.reason());
  }

  /** Facts a quarantine rule rejected, as silver.quarantine rows. */
  public static Dataset<Row> asQuarantine(
      Dataset<Row> failing, Column reason, FactTable target, String runId) {
    return RowRules.asQuarantine(failing, reason, target, runId);
  }

  /** Duplicates of the unique rules' key columns within each file version, after the write. */
  public List<Row> unique(Dataset<Row> table, FactTable target) {
    return rows(new UniquenessRules(catalog.ofKind(Rule.Unique.class)).check(table, target));
  }

  /**
   * Year-over-year sanity of the indicators just computed, and unit and status consistency in
   * silver.
   */
  public List<Row> yoy(Dataset<Row> gold, Map<String, Dataset<Row>> silver) {
    List<RuleResult> out = new ArrayList<>();
    for (Rule.Yoy r : catalog.ofKind(Rule.Yoy.class)) {
      out.addAll(YoySanity.check(r, gold));
      out.addAll(SilverConsistency.check(r, silver));
    }
    return rows(out);
  }

  /**
   * Summary of reconciliation for a file under the totals rule, if there is one; decides rejection.
   */
  public Totals totals(Map<String, Long> mismatchesByFile) {
    TotalsRules.Outcome o =
        new TotalsRules(catalog.ofKind(Rule.Totals.class)).decide(mismatchesByFile);
    return new Totals(rows(o.results()), o.rejected());
  }

  private List<Row> rows(List<RuleResult> results) {
    return results.stream().map(r -> r.row(runId)).toList();
  }
}
