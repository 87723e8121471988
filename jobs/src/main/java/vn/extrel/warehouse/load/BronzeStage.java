package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.bronze.BronzeReader;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.util.HadoopConf;

/**
 * Reads the planned file versions on the executors, one task per file, and writes them to bronze in
 * one commit. Replacing exactly these (path, SHA-256) versions makes a rerun after a crash write
 * the same rows again instead of adding them twice; other versions of the same files stay as
 * history.
 */
final class BronzeStage {

  /** Row counts by class and the failure, if any, of one file version just read. */
  static final class FileStats {
    long data;
    long other;
    String errorCode;
    String error;

    long rowsRead() {
      return data + other;
    }
  }

  private final WarehouseConfig config;

  BronzeStage(WarehouseConfig config) {
    this.config = config;
  }

  static Map<String, String> versions(List<FileTask> tasks) {
    Map<String, String> versions = new LinkedHashMap<>();
    tasks.forEach(t -> versions.put(t.path(), t.sha256()));
    return versions;
  }

  /** Reads and writes; returns rows written. */
  long write(SparkSession spark, Warehouse w, String runId, List<FileTask> tasks) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<FileTask> planned = jsc.parallelize(tasks, tasks.size());
    BronzeReader reader =
        new BronzeReader(
            config.layouts(), new HadoopConf(spark.sparkContext().hadoopConfiguration()), runId);
    Dataset<Row> rows = spark.createDataFrame(planned.flatMap(reader), BronzeTable.SCHEMA);
    Map<String, String> versions = versions(tasks);
    String predicate =
        DeltaWrites.versions(BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions);
    return DeltaWrites.replaceWhere(
        rows,
        w.path(BronzeTable.ID),
        predicate,
        DeltaWrites.commitInfo(runId, "bronze", versions.keySet()));
  }

  /** What each file version gave: rows by class, or the reason it could not be read. */
  static Map<String, FileStats> stats(SparkSession spark, Warehouse w, List<FileTask> tasks) {
    List<Row> rows =
        w.read(spark, BronzeTable.ID)
            .filter(
                expr(
                    DeltaWrites.versions(
                        BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions(tasks))))
            .groupBy(col(BronzeTable.SOURCE_PATH), col(BronzeTable.ROW_CLASS))
            .agg(
                count(lit(1)).as("n"),
                first(col(BronzeTable.ERROR_CODE), true).as("code"),
                first(col(BronzeTable.LABEL), true).as("label"))
            .collectAsList();
    Map<String, FileStats> out = new LinkedHashMap<>();
    for (Row r : rows) {
      FileStats s = out.computeIfAbsent(r.getString(0), k -> new FileStats());
      String cls = r.getString(1);
      long n = r.getLong(2);
      if (BronzeRecord.FILE_ERROR.equals(cls)) {
        s.errorCode = r.getString(3);
        s.error = r.getString(4);
      } else if (BronzeRecord.DATA.equals(cls)) {
        s.data += n;
      } else {
        s.other += n;
      }
    }
    return out;
  }
}
