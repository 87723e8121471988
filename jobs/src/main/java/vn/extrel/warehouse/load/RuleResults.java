package vn.extrel.warehouse.load;

import java.util.List;
import java.util.Set;
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
   * Writes the rule results: those about files replace earlier results for the same files, the
   * table-wide ones replace the earlier run's. Returns how many are errors.
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
    String info = DeltaWrites.commitInfo(runId, "rules", files);
    if (!files.isEmpty()) {
      DeltaWrites.replaceWhere(
          spark.createDataFrame(fileRows, DqResultsTable.SCHEMA).coalesce(1),
          w.path(DqResultsTable.ID),
          DqResultsTable.RULE
              + " NOT IN ('"
              + Reconciler.RULE
              + "', '"
              + Revisions.RULE
              + "', '"
              + PublishedRatios.RULE
              + "') AND "
              + DeltaWrites.in(DqResultsTable.SOURCE_PATH, files),
          info);
    }
    if (revisions != null) {
      // The revisions are found over all of silver each time gold is computed: they replace the
      // earlier set.
      DeltaWrites.replaceWhere(
          spark.createDataFrame(revisions, DqResultsTable.SCHEMA).coalesce(1),
          w.path(DqResultsTable.ID),
          DqResultsTable.RULE + " IN ('" + Revisions.RULE + "', '" + PublishedRatios.RULE + "')",
          info);
    }
    if (tablesChanged) {
      DeltaWrites.replaceWhere(
          spark.createDataFrame(tableRows, DqResultsTable.SCHEMA).coalesce(1),
          w.path(DqResultsTable.ID),
          DqResultsTable.SOURCE_PATH + " IS NULL",
          info);
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
