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
import org.apache.spark.util.CollectionAccumulator;
import vn.extrel.warehouse.bronze.BronzeRows;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.silver.Target;
import vn.extrel.warehouse.silver.Targets;
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

  /**
   * Stops a load into a warehouse whose bronze table has the cell-per-struct layout of earlier
   * versions (one {@code cells} array of 7 strings per cell), which this version neither writes nor
   * reads, or whose silver fact tables have no member keys ({@link
   * vn.extrel.warehouse.silver.MemberKeys}), which this version writes and the gold stage groups
   * by.
   */
  static void checkLayout(SparkSession spark, Warehouse w) {
    List<String> columns =
        w.exists(spark, BronzeTable.ID)
            ? List.of(w.read(spark, BronzeTable.ID).schema().fieldNames())
            : List.of(BronzeTable.TEXTS);
    if (!columns.contains(BronzeTable.TEXTS)) {
      throw earlierVersion(
          w,
          BronzeTable.ID,
          "its cells in a column 'cells'; this version keeps them in 'texts' and the table's"
              + " columns once per table");
    }
    for (Target t : Targets.all()) {
      if (!t.keyed().isEmpty() && w.exists(spark, t.table())) {
        List<String> silver = List.of(w.read(spark, t.table()).schema().fieldNames());
        String key = Target.keyOf(t.keyed().get(0));
        if (!silver.contains(key)) {
          throw earlierVersion(
              w, t.table(), "without the member key columns such as '" + key + "'");
        }
      }
    }
  }

  /** A table this version cannot add to, what differs in it, and how to go on. */
  private static UserException earlierVersion(Warehouse w, TableId table, String difference) {
    return new UserException(
        table.qualified()
            + " under "
            + w.root()
            + " was written by an earlier version of the loader ("
            + difference
            + "), so this version cannot add to it. Load into a new warehouse folder (--warehouse"
            + " NEW_FOLDER, or WAREHOUSE_DIR) from the same input; the old folder stays as it is and"
            + " can still be queried by the earlier version.");
  }

  /**
   * The files in as many bins as there are task slots, the largest first into the lightest bin: a
   * task per bin instead of per file (as many output files as slots, not one per input file, and no
   * per-task cost paid per file), with a large file alone in its bin.
   */
  static List<List<FileTask>> bins(List<FileTask> tasks, int slots) {
    int n = Math.max(1, Math.min(slots, tasks.size()));
    List<List<FileTask>> bins = new java.util.ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      bins.add(new java.util.ArrayList<>());
    }
    List<FileTask> bySize = new java.util.ArrayList<>(tasks);
    bySize.sort(java.util.Comparator.comparingLong(FileTask::size).reversed());
    for (FileTask t : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      bins.get(lightest).add(t);
      load[lightest] += Math.max(1, t.size());
    }
    return bins;
  }

  /** What a write did: rows written, and what each file version gave. */
  record Written(long rows, Map<String, FileStats> stats, TableHeaders headers) {}

  /** Reads and writes. */
  Written write(SparkSession spark, Warehouse w, String runId, List<FileTask> tasks) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<FileTask>> bins = bins(tasks, spark.sparkContext().defaultParallelism());
    JavaRDD<List<FileTask>> planned = jsc.parallelize(bins, bins.size());
    CollectionAccumulator<BronzeRows.FileCounts> counts =
        spark.sparkContext().collectionAccumulator("bronze file counts");
    BronzeRows fromFiles =
        new BronzeRows(
            config.layouts(),
            new HadoopConf(spark.sparkContext().hadoopConfiguration()),
            runId,
            counts);
    // Internal rows straight into the write: no conversion of external Rows (see BronzeRows).
    Dataset<Row> rows =
        ((org.apache.spark.sql.classic.SparkSession) spark)
            .internalCreateDataFrame(
                planned.flatMap(fromFiles.files()).rdd(), BronzeTable.SCHEMA, false);
    Map<String, String> versions = versions(tasks);
    String predicate =
        DeltaWrites.versions(BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions);
    // The first write creates the table, with its properties (statistics columns); the others
    // come from the session's Delta defaults.
    long n =
        DeltaWrites.replaceWhere(
            rows,
            w.path(BronzeTable.ID),
            predicate,
            DeltaWrites.commitInfo(runId, "bronze", versions.keySet()),
            w.creationProperties(spark, BronzeTable.ID));
    Map<String, FileStats> stats = new LinkedHashMap<>();
    TableHeaders headers = new TableHeaders();
    for (BronzeRows.FileCounts c : counts.value()) {
      c.headers().forEach(headers::add);
      FileStats s = new FileStats();
      s.data = c.data();
      s.other = c.other();
      s.errorCode = c.errorCode();
      s.error = c.error();
      stats.put(c.path(), s);
    }
    if (!stats.keySet().containsAll(versions.keySet())) {
      // A task's report did not arrive (it should): count from the table instead.
      stats = stats(spark, w, tasks);
      headers = null;
    }
    return new Written(n, stats, headers);
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
