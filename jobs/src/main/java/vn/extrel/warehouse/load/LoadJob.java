package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.bronze.BronzeReader;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.gold.IndicatorBuilder;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.ops.DqResultsTable;
import vn.extrel.warehouse.ops.FileLoadsTable;
import vn.extrel.warehouse.ops.FilesTable;
import vn.extrel.warehouse.ops.LoadRunsTable;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.ops.RunLog;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.silver.ExcludedRowsTable;
import vn.extrel.warehouse.silver.PartnerTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.silver.SilverRows;
import vn.extrel.warehouse.silver.Target;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.util.HadoopConf;
import vn.extrel.warehouse.util.Hashing;

/**
 * The load: new and changed files from the input folder into bronze, silver and gold, touching only
 * what changed. Files are found and hashed on the driver; workbooks are read and parsed on the
 * executors, one task per file; every table changes in one atomic Delta commit per step, tagged
 * with the run id.
 */
public final class LoadJob {

  /**
   * @param input folder (or URI) holding the spreadsheets
   * @param force re-read every file even when unchanged
   * @param lockWaitMillis how long to wait for another load; 0 fails at once
   */
  public record Options(
      String input, Warehouse warehouse, boolean force, String command, long lockWaitMillis) {}

  /** Concurrent table writes: enough to overlap commit latency on two cores without thrashing. */
  static final int WRITE_THREADS = 3;

  private final WarehouseConfig config;
  private final Options options;

  public LoadJob(WarehouseConfig config, Options options) {
    this.config = config;
    this.options = options;
  }

  public LoadResult run(SparkSession spark) {
    Instant started = Instant.now();
    String runId = RunIds.next(started);
    Warehouse w = options.warehouse();
    try (LoadLock lock = lockFor(w, runId)) {
      Stages stages = new Stages();
      ensureTables(spark, w);
      stages.done("tables");
      RunLog runs = new RunLog(w);
      Optional<Row> previous = runs.lastCompleted(spark);
      runs.started(spark, runId, options.command(), options.input(), started);
      stages.done("run-log");
      LoadResult result;
      try {
        result = load(spark, w, runId, started, previous, stages);
      } catch (RuntimeException e) {
        runs.finished(
            spark,
            runId,
            Map.of(
                LoadRunsTable.STATUS,
                "failed",
                LoadRunsTable.ENDED_AT,
                Instant.now(),
                LoadRunsTable.MESSAGE,
                String.valueOf(e.getMessage())));
        throw e;
      }
      Map<String, Object> end = new LinkedHashMap<>();
      end.put(LoadRunsTable.ENDED_AT, Instant.now());
      end.put(LoadRunsTable.STATUS, result.status());
      end.put(LoadRunsTable.FILES_SEEN, result.files().size());
      end.put(LoadRunsTable.FILES_LOADED, (int) result.count(FileOutcome.LOADED));
      end.put(LoadRunsTable.FILES_UNCHANGED, (int) result.count(FileOutcome.UNCHANGED));
      end.put(LoadRunsTable.FILES_FAILED, (int) result.count(FileOutcome.FAILED));
      end.put(
          LoadRunsTable.FILES_UNMATCHED,
          (int) (result.count("no_layout") + result.count("ambiguous_layout")));
      end.put(LoadRunsTable.ROWS_READ, result.rowsRead());
      end.put(LoadRunsTable.ROWS_LOADED, result.rowsLoaded());
      end.put(LoadRunsTable.ROWS_QUARANTINED, result.rowsQuarantined());
      end.put(LoadRunsTable.ROWS_EXCLUDED, result.rowsExcluded());
      end.put(
          LoadRunsTable.FACTS_WRITTEN,
          result.factsWritten().values().stream().mapToLong(Long::longValue).sum());
      end.put(LoadRunsTable.SILVER_FINGERPRINT, config.referenceHash());
      end.put(LoadRunsTable.GOLD_FINGERPRINT, config.indicatorsHash());
      runs.finished(spark, runId, end);
      stages.done("run-log");
      WarehouseCatalog.bind(spark, w, config.indicators().views());
      stages.done("catalog");
      return result;
    }
  }

  /**
   * Local warehouses are locked by the OS; on object storage see docs (the scheduler serialises
   * runs).
   */
  private LoadLock lockFor(Warehouse w, String runId) {
    Path dir = localDir(w);
    return dir == null ? null : LoadLock.acquire(dir, runId, options.lockWaitMillis());
  }

  private LoadResult load(
      SparkSession spark,
      Warehouse w,
      String runId,
      Instant started,
      Optional<Row> previous,
      Stages stages) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<SourceFile> files = new InputScanner(config.layouts()).scan(options.input(), hadoop);
    Manifest manifest = new Manifest(w);
    Map<String, Manifest.Entry> known = manifest.read(spark);
    stages.done("scan");

    List<FileOutcome> outcomes = new ArrayList<>();
    List<Manifest.Entry> manifestUpdates = new ArrayList<>();
    List<FileTask> tasks = new ArrayList<>();
    Map<String, SourceFile> byPath = new LinkedHashMap<>();
    for (SourceFile f : files) {
      byPath.put(f.path(), f);
      Manifest.Entry m = known.get(f.path());
      if (f.layoutId() == null) {
        outcomes.add(
            new FileOutcome(
                f.path(),
                null,
                null,
                null,
                f.problem(),
                f.problem().toUpperCase(),
                f.detail(),
                0,
                0,
                0,
                0));
        if (m == null
            || !f.problem().equals(m.status())
            || m.size() != f.size()
            || m.modifiedMillis() != f.modifiedMillis()) {
          manifestUpdates.add(
              new Manifest.Entry(
                  f.path(),
                  f.size(),
                  f.modifiedMillis(),
                  null,
                  null,
                  null,
                  null,
                  f.problem(),
                  f.problem().toUpperCase(),
                  f.detail(),
                  0,
                  0,
                  0,
                  0,
                  m == null ? 0 : m.revision(),
                  m == null ? runId : m.firstRun(),
                  runId));
        }
        continue;
      }
      Layout layout = config.layouts().get(f.layoutId());
      String layoutHash = config.layoutHashes().get(f.layoutId());
      boolean sameLayout =
          m != null && f.layoutId().equals(m.layout()) && layoutHash.equals(m.layoutHash());
      boolean settled =
          m != null
              && (FileOutcome.LOADED.equals(m.status()) || FileOutcome.FAILED.equals(m.status()));
      if (!options.force()
          && sameLayout
          && settled
          && m.size() == f.size()
          && m.modifiedMillis() == f.modifiedMillis()) {
        outcomes.add(unchanged(m));
        continue;
      }
      String sha = sha256(f, hadoop);
      if (!options.force() && sameLayout && settled && sha.equals(m.sha256())) {
        outcomes.add(unchanged(m));
        // Touched but identical: remember the new timestamp so the next run need not hash it again.
        manifestUpdates.add(withTime(m, f, runId));
        continue;
      }
      tasks.add(new FileTask(f.uri(), f.path(), sha, f.size(), layout.id()));
    }

    boolean reparseAll =
        previous.isPresent()
            && !config
                .referenceHash()
                .equals(previous.get().getAs(LoadRunsTable.SILVER_FINGERPRINT));
    boolean regold =
        previous.isEmpty()
            || !config
                .indicatorsHash()
                .equals(previous.get().getAs(LoadRunsTable.GOLD_FINGERPRINT));

    Map<String, Long> written = new LinkedHashMap<>();
    Map<String, String> loadedVersions = new LinkedHashMap<>();
    if (!tasks.isEmpty()) {
      readBronze(spark, w, runId, tasks, written);
      Map<String, FileStats> stats = bronzeStats(spark, w, tasks);
      stages.done("bronze");
      for (FileTask t : tasks) {
        FileStats s = stats.getOrDefault(t.path(), new FileStats());
        if (s.errorCode == null) {
          loadedVersions.put(t.path(), t.sha256());
        }
      }
      Map<String, Long> quarantined = writeSilver(spark, w, runId, loadedVersions, written);
      stages.done("silver");
      reconcile(spark, w, runId, loadedVersions, written);
      stages.done("reconcile");
      for (FileTask t : tasks) {
        FileStats s = stats.getOrDefault(t.path(), new FileStats());
        SourceFile f = byPath.get(t.path());
        Manifest.Entry m = known.get(t.path());
        Layout layout = config.layouts().get(t.layoutId());
        long q = quarantined.getOrDefault(t.path(), 0L);
        FileOutcome o;
        if (s.errorCode != null) {
          o =
              new FileOutcome(
                  t.path(),
                  layout.id(),
                  layout.target(),
                  t.sha256(),
                  FileOutcome.FAILED,
                  s.errorCode,
                  s.error,
                  s.rowsRead(),
                  0,
                  0,
                  0);
        } else {
          o =
              new FileOutcome(
                  t.path(),
                  layout.id(),
                  layout.target(),
                  t.sha256(),
                  FileOutcome.LOADED,
                  null,
                  null,
                  s.rowsRead(),
                  s.data - q,
                  q,
                  s.rowsRead() - s.data);
        }
        outcomes.add(o);
        boolean newVersion = m == null || !t.sha256().equals(m.sha256());
        manifestUpdates.add(
            new Manifest.Entry(
                t.path(),
                f.size(),
                f.modifiedMillis(),
                t.sha256(),
                layout.id(),
                config.layoutHashes().get(layout.id()),
                layout.target(),
                o.status(),
                o.errorCode(),
                o.message(),
                o.rowsRead(),
                o.rowsLoaded(),
                o.rowsQuarantined(),
                o.rowsExcluded(),
                (m == null ? 0 : m.revision()) + (newVersion ? 1 : 0),
                m == null ? runId : m.firstRun(),
                runId));
      }
    }
    if (reparseAll) {
      // Layouts or reference data changed: parse every current file again from bronze, without
      // re-reading it.
      Map<String, String> current = new LinkedHashMap<>();
      known.values().stream()
          .filter(
              e ->
                  FileOutcome.LOADED.equals(e.status())
                      && byPath.containsKey(e.path())
                      && !loadedVersions.containsKey(e.path()))
          .forEach(e -> current.put(e.path(), e.sha256()));
      if (!current.isEmpty()) {
        writeSilver(spark, w, runId, current, written);
        reconcile(spark, w, runId, current, written);
      }
      stages.done("silver-reparse");
    }
    boolean silverChanged = !loadedVersions.isEmpty() || reparseAll;
    if (silverChanged || regold || !w.exists(spark, PartnerTable.ID)) {
      writePartners(spark, w, runId, written);
    }
    if (silverChanged || regold) {
      Dataset<Row> gold =
          new IndicatorBuilder(config.indicators(), config.reference()).build(spark, w, runId);
      written.put(
          IndicatorsTable.ID.qualified(),
          DeltaWrites.overwrite(
              gold,
              w.path(IndicatorsTable.ID),
              DeltaWrites.commitInfo(runId, "gold", loadedVersions.keySet())));
      stages.done("gold");
    }
    if (!tasks.isEmpty()) {
      writeFileLoads(spark, w, runId, manifestUpdates, tasks);
    }
    manifest.upsert(
        spark, known, manifestUpdates, DeltaWrites.commitInfo(runId, "manifest", List.of()));
    stages.done("manifest");

    boolean anyFailed = outcomes.stream().anyMatch(FileOutcome::failed);
    String status =
        tasks.isEmpty() && !silverChanged && !regold
            ? "nothing_to_do"
            : anyFailed ? "succeeded_with_errors" : "succeeded";
    if (status.equals("nothing_to_do") && anyFailed) {
      status = "succeeded_with_errors";
    }
    outcomes.sort(java.util.Comparator.comparing(FileOutcome::path));
    List<LoadResult.HeadlineRow> headline = headline(spark, w);
    return new LoadResult(
        runId,
        status,
        outcomes,
        written,
        Instant.now().toEpochMilli() - started.toEpochMilli(),
        headline,
        stages.millis);
  }

  private static FileOutcome unchanged(Manifest.Entry m) {
    return new FileOutcome(
        m.path(),
        m.layout(),
        m.target(),
        m.sha256(),
        FileOutcome.UNCHANGED,
        m.errorCode(),
        m.error(),
        m.rowsRead(),
        m.rowsLoaded(),
        m.rowsQuarantined(),
        m.rowsExcluded());
  }

  private static Manifest.Entry withTime(Manifest.Entry m, SourceFile f, String runId) {
    return new Manifest.Entry(
        m.path(),
        f.size(),
        f.modifiedMillis(),
        m.sha256(),
        m.layout(),
        m.layoutHash(),
        m.target(),
        m.status(),
        m.errorCode(),
        m.error(),
        m.rowsRead(),
        m.rowsLoaded(),
        m.rowsQuarantined(),
        m.rowsExcluded(),
        m.revision(),
        m.firstRun(),
        m.lastRun());
  }

  private static String sha256(SourceFile f, Configuration hadoop) {
    try {
      return Hashing.sha256(f.uri(), hadoop);
    } catch (IOException e) {
      throw new UserException(
          f.path() + ": cannot be read to compute its checksum (" + e.getMessage() + ")", e);
    }
  }

  /** All tables exist from the first run on, so SQL works even on an empty warehouse. */
  static void ensureTables(SparkSession spark, Warehouse w) {
    Map<TableId, org.apache.spark.sql.types.StructType> tables = new LinkedHashMap<>();
    tables.put(BronzeTable.ID, BronzeTable.SCHEMA);
    for (Target t : Targets.all()) {
      tables.put(t.table(), t.schema());
    }
    tables.put(QuarantineTable.ID, QuarantineTable.SCHEMA);
    tables.put(ExcludedRowsTable.ID, ExcludedRowsTable.SCHEMA);
    tables.put(PartnerTable.ID, PartnerTable.SCHEMA);
    tables.put(IndicatorsTable.ID, IndicatorsTable.SCHEMA);
    tables.put(FilesTable.ID, FilesTable.SCHEMA);
    tables.put(LoadRunsTable.ID, LoadRunsTable.SCHEMA);
    tables.put(DqResultsTable.ID, DqResultsTable.SCHEMA);
    tables.put(FileLoadsTable.ID, FileLoadsTable.SCHEMA);
    List<java.util.concurrent.Callable<Boolean>> creates = new ArrayList<>();
    tables.forEach(
        (id, schema) ->
            creates.add(
                () -> {
                  w.ensure(spark, id, schema);
                  return true;
                }));
    vn.extrel.warehouse.util.Parallel.all(creates, WRITE_THREADS);
  }

  /**
   * Reads every planned file on the executors (one task per file) and appends its version to
   * bronze.
   */
  private void readBronze(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<FileTask> tasks,
      Map<String, Long> written) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<FileTask> planned = jsc.parallelize(tasks, tasks.size());
    BronzeReader reader =
        new BronzeReader(
            config.layouts(), new HadoopConf(spark.sparkContext().hadoopConfiguration()), runId);
    Dataset<Row> rows = spark.createDataFrame(planned.flatMap(reader), BronzeTable.SCHEMA);
    Map<String, String> versions = new LinkedHashMap<>();
    tasks.forEach(t -> versions.put(t.path(), t.sha256()));
    // Replacing exactly these versions makes a rerun after a crash idempotent; other versions stay
    // as history.
    String predicate =
        DeltaWrites.versions(BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions);
    written.put(
        BronzeTable.ID.qualified(),
        DeltaWrites.replaceWhere(
            rows,
            w.path(BronzeTable.ID),
            predicate,
            DeltaWrites.commitInfo(runId, "bronze", versions.keySet())));
  }

  /** Wall time per stage, for the summary and the benchmarks. */
  private static final class Stages {
    final Map<String, Long> millis = new LinkedHashMap<>();
    long last = System.nanoTime();

    void done(String stage) {
      long now = System.nanoTime();
      millis.merge(stage, (now - last) / 1_000_000, Long::sum);
      last = now;
    }
  }

  /** Row counts by class and the failure, if any, of each file just read. */
  private static final class FileStats {
    long data;
    long other;
    String errorCode;
    String error;

    long rowsRead() {
      return data + other;
    }
  }

  private static Map<String, FileStats> bronzeStats(
      SparkSession spark, Warehouse w, List<FileTask> tasks) {
    Map<String, String> versions = new LinkedHashMap<>();
    tasks.forEach(t -> versions.put(t.path(), t.sha256()));
    List<Row> rows =
        w.read(spark, BronzeTable.ID)
            .filter(
                expr(
                    DeltaWrites.versions(
                        BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions)))
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

  /**
   * Replaces the silver rows of the given files with those parsed from their bronze versions, table
   * by table; returns quarantined rows per file.
   */
  private Map<String, Long> writeSilver(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      Map<String, Long> written) {
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), runId);
    Dataset<Row> bronze =
        w.read(spark, BronzeTable.ID)
            .filter(
                expr(
                    DeltaWrites.versions(
                        BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions)));
    Dataset<Row> data = bronze.filter(col(BronzeTable.ROW_CLASS).equalTo(BronzeRecord.DATA));
    String paths = DeltaWrites.in("source_path", versions.keySet());
    String info = DeltaWrites.commitInfo(runId, "silver", versions.keySet());
    List<java.util.concurrent.Callable<Map.Entry<TableId, Long>>> writes = new ArrayList<>();
    for (Target t : Targets.all()) {
      Dataset<Row> facts =
          data.filter(col(BronzeTable.TARGET).equalTo(t.name()))
              .flatMap(SilverRows.facts(parser, t), Encoders.row(t.schema()));
      writes.add(
          () ->
              Map.entry(
                  t.table(), DeltaWrites.replaceWhere(facts, w.path(t.table()), paths, info)));
    }
    Dataset<Row> quarantine =
        data.flatMap(SilverRows.quarantine(parser), Encoders.row(QuarantineTable.SCHEMA));
    writes.add(
        () ->
            Map.entry(
                QuarantineTable.ID,
                DeltaWrites.replaceWhere(quarantine, w.path(QuarantineTable.ID), paths, info)));
    Dataset<Row> excluded =
        bronze
            .filter(
                col(BronzeTable.ROW_CLASS)
                    .notEqual(BronzeRecord.DATA)
                    .and(col(BronzeTable.ROW_CLASS).notEqual(BronzeRecord.FILE_ERROR)))
            .select(
                lit(runId).as(ExcludedRowsTable.RUN_ID),
                col(BronzeTable.LAYOUT),
                col(BronzeTable.TARGET),
                col(BronzeTable.DATASET),
                col(BronzeTable.SOURCE_PATH),
                col(BronzeTable.SOURCE_SHA256),
                col(BronzeTable.SHEET),
                col(BronzeTable.ROW),
                col(BronzeTable.LINEAGE_ID),
                col(BronzeTable.ROW_CLASS),
                col(BronzeTable.LABEL),
                expr("map_from_entries(transform(cells, c -> struct(c.ref, c.text)))")
                    .as(ExcludedRowsTable.RAW_VALUES));
    writes.add(
        () ->
            Map.entry(
                ExcludedRowsTable.ID,
                DeltaWrites.replaceWhere(excluded, w.path(ExcludedRowsTable.ID), paths, info)));
    // Each table changes in its own commit; the commits are independent, so they run side by side.
    for (Map.Entry<TableId, Long> e :
        vn.extrel.warehouse.util.Parallel.all(writes, WRITE_THREADS)) {
      add(written, e.getKey(), e.getValue());
    }
    Map<String, Long> quarantinedByFile = new LinkedHashMap<>();
    for (Row r :
        w.read(spark, QuarantineTable.ID)
            .filter(expr(paths))
            .groupBy(col(QuarantineTable.SOURCE_PATH))
            .count()
            .collectAsList()) {
      quarantinedByFile.put(r.getString(0), r.getLong(1));
    }
    return quarantinedByFile;
  }

  /**
   * Checks the total rows of the given file versions against their detail rows; results go to
   * ops.dq_results. Only tables that have a total row are grouped.
   */
  private void reconcile(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      Map<String, Long> written) {
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), runId);
    Dataset<Row> bronze =
        w.read(spark, BronzeTable.ID)
            .filter(
                expr(
                    DeltaWrites.versions(
                        BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions)))
            .filter(col(BronzeTable.ROW_CLASS).isin(BronzeRecord.DATA, BronzeRecord.TOTAL));
    Column[] table = {
      col(BronzeTable.SOURCE_PATH), col(BronzeTable.SHEET_INDEX), col(BronzeTable.TABLE_INDEX)
    };
    Dataset<Row> withTotals =
        bronze
            .filter(col(BronzeTable.ROW_CLASS).equalTo(BronzeRecord.TOTAL))
            .select(table)
            .distinct();
    Dataset<Row> rows =
        bronze
            .join(
                withTotals,
                scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of(
                            BronzeTable.SOURCE_PATH,
                            BronzeTable.SHEET_INDEX,
                            BronzeTable.TABLE_INDEX))
                    .toSeq(),
                "left_semi")
            // the join puts its keys first; the parser reads bronze rows in the table's own column
            // order
            .select(
                Arrays.stream(BronzeTable.SCHEMA.fieldNames())
                    .map(functions::col)
                    .toArray(Column[]::new));
    Reconciler reconciler = new Reconciler(parser, runId);
    Dataset<Row> results =
        rows.groupByKey(
                (org.apache.spark.api.java.function.MapFunction<Row, String>)
                    r ->
                        r.getAs(BronzeTable.SOURCE_PATH)
                            + "\u0000"
                            + r.getAs(BronzeTable.SHEET_INDEX)
                            + "\u0000"
                            + r.getAs(BronzeTable.TABLE_INDEX),
                Encoders.STRING())
            .flatMapGroups(
                (org.apache.spark.api.java.function.FlatMapGroupsFunction<String, Row, Row>)
                    (k, it) -> reconciler.reconcile(it).iterator(),
                Encoders.row(DqResultsTable.SCHEMA));
    DeltaWrites.append(
        results,
        w.path(DqResultsTable.ID),
        DeltaWrites.commitInfo(runId, "reconcile", versions.keySet()));
    add(written, DqResultsTable.ID, DeltaWrites.lastOutputRows(spark, w.path(DqResultsTable.ID)));
  }

  /** One ops.file_loads row per file version read by this run: its accounting and revision. */
  private static void writeFileLoads(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<Manifest.Entry> entries,
      List<FileTask> tasks) {
    java.util.Set<String> read = new java.util.HashSet<>();
    tasks.forEach(t -> read.add(t.path()));
    java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Manifest.Entry e : entries) {
      if (read.contains(e.path())) {
        rows.add(
            org.apache.spark.sql.RowFactory.create(
                runId,
                e.path(),
                e.sha256(),
                e.size(),
                new java.sql.Timestamp(e.modifiedMillis()),
                e.layout(),
                e.target(),
                e.status(),
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
    DeltaWrites.append(
        spark.createDataFrame(rows, FileLoadsTable.SCHEMA).coalesce(1),
        w.path(FileLoadsTable.ID),
        DeltaWrites.commitInfo(runId, "file-loads", read));
  }

  private static void add(Map<String, Long> written, TableId table, long n) {
    written.merge(table.qualified(), n, Long::sum);
  }

  private void writePartners(
      SparkSession spark, Warehouse w, String runId, Map<String, Long> written) {
    List<Row> rows = new ArrayList<>();
    config
        .reference()
        .partners()
        .all()
        .forEach(
            p ->
                rows.add(
                    org.apache.spark.sql.RowFactory.create(
                        p.id(),
                        p.kind(),
                        p.country(),
                        p.nameVi(),
                        p.nameEn(),
                        vn.extrel.warehouse.util.Rows.seq(p.aliases()))));
    Dataset<Row> df = spark.createDataFrame(rows, PartnerTable.SCHEMA).coalesce(1);
    written.put(
        PartnerTable.ID.qualified(),
        DeltaWrites.overwrite(
            df, w.path(PartnerTable.ID), DeltaWrites.commitInfo(runId, "partners", List.of())));
  }

  private static List<LoadResult.HeadlineRow> headline(SparkSession spark, Warehouse w) {
    List<LoadResult.HeadlineRow> out = new ArrayList<>();
    for (Row r :
        w.read(spark, IndicatorsTable.ID)
            .filter(col(IndicatorsTable.DIMENSION).equalTo("total"))
            .orderBy(col(IndicatorsTable.INDICATOR), col(IndicatorsTable.YEAR))
            .collectAsList()) {
      out.add(
          new LoadResult.HeadlineRow(
              r.getAs(IndicatorsTable.INDICATOR),
              r.<Integer>getAs(IndicatorsTable.YEAR),
              r.getAs(IndicatorsTable.VALUE),
              r.getAs(IndicatorsTable.UNIT),
              r.getAs(IndicatorsTable.YOY_RATIO),
              r.getAs(IndicatorsTable.YOY_CHANGE_PCT)));
    }
    return out;
  }

  /** The local folder of a file: warehouse, or null for object storage. */
  static Path localDir(Warehouse w) {
    return w.root().startsWith("file:") ? Path.of(java.net.URI.create(w.root())) : null;
  }
}
