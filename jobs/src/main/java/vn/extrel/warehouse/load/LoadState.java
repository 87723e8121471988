package vn.extrel.warehouse.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.table.FilesTable;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.util.HadoopConf;

/** The state file as a load reads it first and writes it last (see {@link StateFile}). */
final class LoadState {
  private LoadState() {}

  /** The state file the last completed load wrote; on local disk without Hadoop. */
  static Optional<StateFile> read(Warehouse w) {
    return w.localDir() != null
        ? StateFile.readLocal(w.localDir())
        : StateFile.read(w, HadoopConf.withoutSpark());
  }

  /**
   * @param manifest the manifest as this run wrote it (no need to read it back)
   */
  static void write(
      SparkSession spark,
      Warehouse w,
      WarehouseConfig config,
      Map<String, Manifest.Entry> manifest,
      LoadResult result) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      Map<String, Long> versions = new TreeMap<>();
      for (TableId t : WarehouseCatalog.discover(spark, w)) {
        versions.put(t.qualified(), StateFile.latestVersion(w, t, hadoop));
      }
      new StateFile(
              StateFile.latestVersion(w, FilesTable.ID, hadoop),
              config.silverFingerprint(),
              config.goldFingerprint(),
              null,
              new ArrayList<>(manifest.values()),
              result.headline(),
              versions)
          .write(w, hadoop);
    } catch (IOException | org.apache.hadoop.fs.FSError e) {
      // Without the state file the next run takes the full path; nothing is lost. Hadoop's local
      // file system reports a full disk as an FSError, an Error.
      System.err.println(
          "warning: cannot write the state file under "
              + w.root()
              + " ("
              + e.getMessage()
              + "); the next run takes the full path");
      try {
        StateFile.forget(w, hadoop); // a stale one must not stand for this run
      } catch (IOException | org.apache.hadoop.fs.FSError ignored) {
        // it names an older version of ops.files, which the next run sees as stale anyway
      }
    }
  }
}
