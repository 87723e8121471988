package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.table.FileStatus;

/** The rows of vanished files removed from silver (with {@code --prune}). */
record Pruned(
    Written written, List<String> paths, List<FileOutcome> outcomes, List<Manifest.Entry> updates) {
  static final Pruned NONE = new Pruned(Written.NONE, List.of(), List.of(), List.of());

  /**
   * @param prune whether the run was asked to prune ({@code --prune})
   */
  static Pruned run(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      boolean prune,
      Stages stages,
      WarehouseConfig config) {
    List<Manifest.Entry> vanished = scan.plan().vanished();
    if (!prune || vanished.isEmpty()) {
      return NONE;
    }
    List<String> paths = vanished.stream().map(Manifest.Entry::path).toList();
    Written written =
        stages.time(
            "prune",
            paths.size() + " files",
            () -> new SilverStage(config).prune(spark, w, runId, paths));
    List<FileOutcome> outcomes = new ArrayList<>();
    List<Manifest.Entry> updates = new ArrayList<>();
    for (Manifest.Entry e : vanished) {
      outcomes.add(
          new FileOutcome(
              e.path(),
              e.layout(),
              e.target(),
              e.sha256(),
              FileStatus.PRUNED,
              null,
              e.path() + ": no longer in the input folder; its rows were removed",
              0,
              0,
              0,
              0));
      updates.add(pruned(e, runId));
    }
    return new Pruned(written, paths, List.copyOf(outcomes), List.copyOf(updates));
  }

  private static Manifest.Entry pruned(Manifest.Entry e, String runId) {
    return new Manifest.Entry(
        e.path(),
        e.size(),
        e.modifiedMillis(),
        e.sha256(),
        e.layout(),
        e.layoutHash(),
        e.target(),
        FileStatus.PRUNED,
        null,
        null,
        0,
        0,
        0,
        0,
        e.revision(),
        e.firstRun(),
        runId,
        e.changeStamp());
  }
}
