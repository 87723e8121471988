package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.quality.PublishedRatios;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.quality.Revisions;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.RuleStatus;

/** The run's rows of ops.dq_results, written near the end of the run, before the manifest. */
final class RuleResults {
  private RuleResults() {}

  /**
   * Writes the rule results in one commit: those about files replace earlier results for the same
   * files, the revisions and published ratios (found over all of silver each time gold is computed)
   * replace the earlier set, the table-wide ones replace the earlier run's. Returns how many are
   * errors.
   */
  static int write(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<Row> fileRows,
      Set<String> files,
      List<Row> tableRows,
      boolean tablesChanged,
      List<Row> revisions) {
    List<Row> rows = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    if (!files.isEmpty()) {
      rows.addAll(fileRows);
      replaced.add(
          DqResultsTable.RULE
              + " NOT IN ('"
              + Reconciler.RULE
              + "', '"
              + Revisions.RULE
              + "', '"
              + PublishedRatios.RULE
              + "') AND "
              + DeltaWrites.in(DqResultsTable.SOURCE_PATH, files));
    }
    if (revisions != null) {
      rows.addAll(revisions);
      replaced.add(
          DqResultsTable.RULE + " IN ('" + Revisions.RULE + "', '" + PublishedRatios.RULE + "')");
    }
    if (tablesChanged) {
      rows.addAll(tableRows);
      replaced.add(DqResultsTable.SOURCE_PATH + " IS NULL");
    }
    if (!replaced.isEmpty()) {
      // One commit, not one per kind: each costs a Delta write, and a reader sees all of this
      // run's findings or none of them.
      DeltaWrites.replaceWhere(
          spark.createDataFrame(rows, DqResultsTable.SCHEMA).coalesce(1),
          w.path(DqResultsTable.ID),
          replaced.stream().map(p -> "(" + p + ")").collect(Collectors.joining(" OR ")),
          DeltaWrites.commitInfo(runId, "rules", files));
    }
    return errors(fileRows) + errors(tableRows);
  }

  private static int errors(List<Row> results) {
    return (int)
        results.stream()
            .filter(r -> RuleStatus.ERROR.wire().equals(r.getAs(DqResultsTable.STATUS)))
            .count();
  }
}
