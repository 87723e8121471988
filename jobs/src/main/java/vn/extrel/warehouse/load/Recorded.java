package vn.extrel.warehouse.load;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.table.FileLoadsTable;
import vn.extrel.warehouse.util.Failpoints;

/**
 * The run's records, written last: the rules' results, the revision list, ops.file_loads and the
 * manifest.
 *
 * @param dqErrors the number of rule errors
 * @param manifest the manifest as this run wrote it, for the state file (no need to read it back)
 */
record Recorded(int dqErrors, Map<String, Manifest.Entry> manifest) {

  static Recorded write(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Fresh fresh,
      Reparsed again,
      Pruned gone,
      Gold gold) {
    List<Row> dq = new ArrayList<>(fresh.dq());
    dq.addAll(again.dq());
    Set<String> fileScoped = new HashSet<>(again.files());
    fileScoped.addAll(BronzeStage.versions(scan.plan().tasks()).keySet());
    int dqErrors =
        RuleResults.write(
            spark, w, runId, dq, fileScoped, gold.tableWide(), gold.ran(), gold.revisions());
    Failpoints.hit(Failpoints.BEFORE_MANIFEST);
    List<Manifest.Entry> updates = new ArrayList<>(scan.plan().touched());
    updates.addAll(fresh.updates());
    updates.addAll(gone.updates());
    if (!scan.plan().tasks().isEmpty()) {
      writeFileLoads(spark, w, runId, updates, scan.plan().tasks());
    }
    Map<String, Manifest.Entry> manifest =
        scan.manifest()
            .upsert(
                spark, scan.known(), updates, DeltaWrites.commitInfo(runId, "manifest", List.of()));
    return new Recorded(dqErrors, manifest);
  }

  /**
   * One ops.file_loads row per file version read: its accounting and revision; a rerun replaces it.
   */
  private static void writeFileLoads(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<Manifest.Entry> entries,
      List<FileTask> tasks) {
    Set<String> read = new HashSet<>();
    tasks.forEach(t -> read.add(t.path()));
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Manifest.Entry e : entries) {
      if (read.contains(e.path())) {
        rows.add(
            RowFactory.create(
                runId,
                e.path(),
                e.sha256(),
                e.size(),
                new Timestamp(e.modifiedMillis()),
                e.layout(),
                e.target(),
                e.status().wire(),
                e.errorCode(),
                e.error(),
                e.rowsRead(),
                e.rowsLoaded(),
                e.rowsQuarantined(),
                e.rowsExcluded(),
                e.revision(),
                now));
      }
    }
    DeltaWrites.replaceWhere(
        spark.createDataFrame(rows, FileLoadsTable.SCHEMA).coalesce(1),
        w.path(FileLoadsTable.ID),
        DeltaWrites.versions(
            FileLoadsTable.SOURCE_PATH, FileLoadsTable.SHA256, BronzeStage.versions(tasks)),
        DeltaWrites.commitInfo(runId, "file-loads", read));
  }
}
