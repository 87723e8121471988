package vn.extrel.warehouse.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;

/**
 * What the scan found.
 *
 * @param known the manifest as the last run left it
 * @param plan what to read, and the outcome of every file not read
 * @param reparseAll layouts or reference lists changed: every current file is parsed again
 * @param regold the indicators must be computed again even if silver did not change
 */
record Scan(
    Manifest manifest,
    Map<String, Manifest.Entry> known,
    LoadPlan plan,
    boolean reparseAll,
    boolean regold) {

  static Scan of(
      SparkSession spark,
      Warehouse w,
      String runId,
      String input,
      Optional<RunRecords.Fingerprints> previous,
      boolean force,
      WarehouseConfig config) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    InputScanner scanner = InputScanner.of(config);
    List<SourceFile> files =
        InputScanner.isLocal(input) ? scanner.scanLocal(input) : scanner.scan(input, hadoop);
    Manifest manifest = new Manifest(w);
    Map<String, Manifest.Entry> known = manifest.read(spark);
    LoadPlan plan = new LoadPlanner(config, force).plan(files, known, runId, hadoop);
    boolean reparseAll =
        previous.isPresent() && !config.silverFingerprint().equals(previous.get().silver());
    if (!plan.tasks().isEmpty() || reparseAll) {
      // Both write bronze or read it back: neither can work on the earlier layout.
      BronzeStage.checkLayout(spark, w);
    }
    boolean regold =
        force || previous.isEmpty() || !config.goldFingerprint().equals(previous.get().gold());
    return new Scan(manifest, known, plan, reparseAll, regold);
  }
}
