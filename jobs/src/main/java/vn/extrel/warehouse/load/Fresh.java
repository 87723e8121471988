package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.util.Failpoints;

/**
 * The new and changed files through bronze and silver.
 *
 * @param loaded the file versions now in silver (path to SHA-256): read, and rejected by no rule
 * @param dq the row and totals rules' results
 * @param outcomes one per file read
 * @param updates their manifest entries
 */
record Fresh(
    Written written,
    Map<String, String> loaded,
    List<Row> dq,
    List<FileOutcome> outcomes,
    List<Manifest.Entry> updates) {
  static final Fresh NONE = new Fresh(Written.NONE, Map.of(), List.of(), List.of(), List.of());

  static Fresh load(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Stages stages,
      WarehouseConfig config,
      LoadListener listener) {
    List<FileTask> tasks = scan.plan().tasks();
    if (tasks.isEmpty()) {
      return NONE;
    }
    BronzeStage.Written bronze =
        stages.time(
            "bronze",
            tasks.size() + " files",
            () -> new BronzeStage(config).write(spark, w, runId, tasks));
    Failpoints.hit(Failpoints.AFTER_BRONZE);
    Map<String, BronzeStage.FileStats> stats = bronze.stats();
    Map<String, String> read = new LinkedHashMap<>();
    for (FileTask t : tasks) {
      if (stats.getOrDefault(t.path(), new BronzeStage.FileStats()).errorCode == null) {
        read.put(t.path(), t.sha256());
      }
    }
    SilverPass pass =
        stages.time(
            "silver",
            read.size() + " files",
            () -> SilverPass.run(spark, w, runId, read, bronze.headers(), config));
    List<FileOutcome> outcomes = new ArrayList<>();
    List<Manifest.Entry> updates = new ArrayList<>();
    for (FileTask t : tasks) {
      FileOutcome o =
          outcome(
              t, stats.getOrDefault(t.path(), new BronzeStage.FileStats()), pass.result(), config);
      outcomes.add(o);
      listener.fileFinished(runId, o);
      updates.add(manifestEntry(t, o, scan.plan(), runId, config));
    }
    Map<String, String> loaded = new LinkedHashMap<>(read);
    pass.result().rejected().keySet().forEach(loaded::remove);
    return new Fresh(
        Written.of("bronze.source_rows", bronze.rows()).plus(pass.written()),
        Collections.unmodifiableMap(loaded),
        pass.dq(),
        List.copyOf(outcomes),
        List.copyOf(updates));
  }

  private static FileOutcome outcome(
      FileTask t, BronzeStage.FileStats s, SilverStage.Result silver, WarehouseConfig config) {
    String layout = t.layoutId();
    String target = config.targetsOf(layout);
    if (s.errorCode != null) {
      return new FileOutcome(
          t.path(),
          layout,
          target,
          t.sha256(),
          FileStatus.FAILED,
          s.errorCode,
          s.error,
          // Nothing of a failed file reaches silver: it counts no rows, so read = loaded +
          // quarantined + excluded holds for it and for the run (bronze keeps what was read).
          0,
          0,
          0,
          0);
    }
    if (silver.rejected().containsKey(t.path())) {
      return new FileOutcome(
          t.path(),
          layout,
          target,
          t.sha256(),
          FileStatus.FAILED,
          "RULE_FAILED",
          silver.rejected().get(t.path()),
          0,
          0,
          0,
          0);
    }
    SilverStage.Placed p = silver.placed().getOrDefault(t.path(), new SilverStage.Placed(0, 0, 0));
    return new FileOutcome(
        t.path(),
        layout,
        target,
        t.sha256(),
        FileStatus.LOADED,
        null,
        null,
        s.rowsRead(),
        p.loaded(),
        p.quarantined(),
        p.excluded());
  }

  private static Manifest.Entry manifestEntry(
      FileTask t, FileOutcome o, LoadPlan plan, String runId, WarehouseConfig config) {
    SourceFile f = plan.files().get(t.path());
    Manifest.Entry m = plan.known().get(t.path());
    boolean newVersion = m == null || !t.sha256().equals(m.sha256());
    return new Manifest.Entry(
        t.path(),
        f.size(),
        f.modifiedMillis(),
        t.sha256(),
        o.layout(),
        config.layoutHash(o.layout()),
        o.target(),
        o.status(),
        o.errorCode(),
        o.message(),
        o.rowsRead(),
        o.rowsLoaded(),
        o.rowsQuarantined(),
        o.rowsExcluded(),
        (m == null ? 0 : m.revision()) + (newVersion ? 1 : 0),
        m == null ? runId : m.firstRun(),
        runId,
        f.changeStamp());
  }
}
