package vn.extrel.warehouse.load;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.ops.OpsErrors;
import vn.extrel.warehouse.ops.RunLog;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.ops.TableIntegrity;
import vn.extrel.warehouse.quality.RuleEngine;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FileLoadsTable;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.FilesTable;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.RuleStatus;
import vn.extrel.warehouse.table.RunStatus;
import vn.extrel.warehouse.util.Failpoints;
import vn.extrel.warehouse.util.HadoopConf;

/**
 * The load: new and changed files from the input folder into bronze, silver and gold, touching only
 * what changed. Files are found and hashed on the driver; workbooks are read and parsed on the
 * executors, one task per file; every table changes in one atomic Delta commit per step, tagged
 * with the run id. The manifest is written last, so a load killed at any point is finished by the
 * next one with the same result.
 *
 * <p>When nothing changed, the decision is made from the state file without starting Spark (see
 * {@link StateFile}).
 */
public final class LoadJob {

  /**
   * @param input folder (or URI) holding the spreadsheets
   * @param force re-read every file even when unchanged
   * @param prune remove the rows of files no longer in the input
   * @param lockWaitMillis how long to wait for another load; 0 fails at once
   */
  public record Options(
      String input,
      Warehouse warehouse,
      boolean force,
      boolean prune,
      String command,
      long lockWaitMillis) {

    public Options(
        String input, Warehouse warehouse, boolean force, String command, long lockWaitMillis) {
      this(input, warehouse, force, false, command, lockWaitMillis);
    }
  }

  private final WarehouseConfig config;
  private final Options options;
  private final LoadListener listener;

  /** Read every file again: asked for, or a repaired table needs it. */

  /** The manifest as this run wrote it, for the state file (no need to read it back). */
  private Map<String, Manifest.Entry> lastManifest = Map.of();

  public LoadJob(WarehouseConfig config, Options options) {
    this(config, options, LoadListener.NONE);
  }

  public LoadJob(WarehouseConfig config, Options options, LoadListener listener) {
    this.config = config;
    this.options = options;
    this.listener = listener;
  }

  public LoadResult run(SparkSession spark) {
    return run(() -> spark);
  }

  /** Runs the load; the session is built only if something changed. */
  public LoadResult run(Supplier<SparkSession> sessions) {
    Instant started = Instant.now();
    String runId = RunIds.next(started);
    Warehouse w = options.warehouse();
    // Local warehouses are locked by the OS; on object storage, see docs/OPERATIONS.md.
    try (LoadLock lock = LoadLock.acquire(w, runId, options.lockWaitMillis())) {
      listener.runStarted(runId, options.command(), options.input(), w.root());
      Failpoints.hit(Failpoints.RUN_START);
      Optional<StateFile> state = readState(w);
      Preflight pre = preflight(w, state, runId);
      Optional<LoadResult> quick = nothingChanged(w, state, runId, started, pre.force());
      if (quick.isPresent()) {
        listener.runFinished(runId, quick.get());
        return quick.get();
      }
      SparkSession spark = sessions.get();
      try (var codegen = SparkSessions.forInput(spark, inputBytes())) {
        Stages stages = new Stages(listener, runId);
        List<String> repaired = new ArrayList<>(pre.mended());
        if (!pre.damage().isEmpty()) {
          repaired.addAll(repair(spark, w, runId, pre.damage(), stages));
        }
        RunLog runs = new RunLog(w);
        Optional<String[]> previous = fingerprints(spark, w, runs);
        runs.started(spark, runId, options.command(), options.input(), started);
        stages.done("run-log");
        LoadResult result;
        try {
          result =
              load(spark, w, runId, started, previous, pre.force(), stages).withRepaired(repaired);
        } catch (Failpoints.Stopped e) {
          throw e; // a test's kill: nothing more is written
        } catch (RuntimeException | Error e) {
          failed(spark, runs, runId, e);
          throw e;
        }
        Map<String, Object> end = endOfRun(result);
        if (!repaired.isEmpty()) {
          end.put(LoadRunsTable.MESSAGE, String.join("; ", repaired));
        }
        runs.finished(spark, runId, end);
        writeState(spark, w, result);
        stages.done("finish");
        listener.runFinished(runId, result);
        return result;
      }
    }
  }

  /**
   * What a run finds before it reads a table.
   *
   * @param mended what a crash or a damaged disk left half-made, repaired: a line per table
   * @param damage tables changed outside a load (repaired by a forced load)
   * @param force whether the run reads every file again: {@code --force}, or a table was repaired
   */
  private record Preflight(
      List<String> mended, List<TableIntegrity.Damage> damage, boolean force) {}

  private Preflight preflight(Warehouse w, Optional<StateFile> state, String runId) {
    // Before anything reads a table: what a crash or a damaged disk left half-made is repaired, or
    // the first read of it would fail this run and every one after it.
    boolean localLog = w.localDir() != null;
    List<String> mended =
        WarehouseRepair.needed(w, localLog ? null : HadoopConf.withoutSpark())
            ? WarehouseRepair.run(w, HadoopConf.withoutSpark(), runId)
            : List.of();
    mended.forEach(n -> listener.repaired(runId, n));
    // A repaired table is behind what the manifest describes (set back, or gone with its only
    // commit): the run reads every file again, as --force, so every table ends as a clean load
    // leaves it.
    boolean repaired = !mended.isEmpty();
    // A table someone else changed would be loaded on top of, and its indicators published: a load
    // stops and says so, a forced load repairs it first. A table the repair above set back is
    // behind the state file by design: then only the newest commits are read.
    List<TableIntegrity.Damage> damage =
        TableIntegrity.check(
            w,
            repaired ? null : state.map(StateFile::tableVersions).orElse(null),
            localLog ? null : HadoopConf.withoutSpark());
    if (!damage.isEmpty() && !options.force()) {
      UserException e = OpsErrors.changedOutsideALoad(damage);
      listener.runFailed(runId, e);
      throw e;
    }
    return new Preflight(mended, damage, options.force() || repaired);
  }

  /**
   * The last completed run's fingerprints (layouts and reference lists; indicators): from the state
   * file it wrote, else from ops.load_runs.
   */
  private static Optional<String[]> fingerprints(SparkSession spark, Warehouse w, RunLog runs) {
    return StateFile.read(w, spark.sparkContext().hadoopConfiguration())
        .map(st -> new String[] {st.silverFingerprint(), st.goldFingerprint()})
        .or(
            () ->
                runs.lastCompleted(spark)
                    .map(
                        r ->
                            new String[] {
                              r.getAs(LoadRunsTable.SILVER_FINGERPRINT),
                              r.getAs(LoadRunsTable.GOLD_FINGERPRINT)
                            }));
  }

  /**
   * Records a failed run where it can: a full disk that failed the run may fail these writes too,
   * and the failure the operator must see is the first one.
   */
  private void failed(SparkSession spark, RunLog runs, String runId, Throwable e) {
    try {
      runs.finished(
          spark,
          runId,
          Map.of(
              LoadRunsTable.STATUS,
              RunStatus.FAILED.wire(),
              LoadRunsTable.ENDED_AT,
              Instant.now(),
              LoadRunsTable.MESSAGE,
              String.valueOf(e.getMessage())));
    } catch (RuntimeException | Error again) {
      e.addSuppressed(again);
    }
    try {
      listener.runFailed(runId, e);
    } catch (RuntimeException again) {
      e.addSuppressed(again);
    }
  }

  /** The size of the input folder, which decides how queries are executed (see SparkSessions). */
  private long inputBytes() {
    if (InputScanner.isLocal(options.input())) {
      // Links are not followed here either: a link up would be counted again and again.
      try (var files =
          java.nio.file.Files.walk(
              options.input().startsWith("file:")
                  ? java.nio.file.Path.of(java.net.URI.create(options.input().replace(" ", "%20")))
                  : java.nio.file.Path.of(options.input()))) {
        return files
            .filter(
                f -> java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .mapToLong(f -> f.toFile().length())
            .sum();
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(options.input());
      return p.getFileSystem(HadoopConf.withoutSpark()).getContentSummary(p).getLength();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private Map<String, Object> endOfRun(LoadResult result) {
    Map<String, Object> end = new LinkedHashMap<>();
    end.put(LoadRunsTable.ENDED_AT, Instant.now());
    end.put(LoadRunsTable.STATUS, result.status().wire());
    end.put(
        LoadRunsTable.FILES_SEEN, (int) result.files().stream().filter(FileOutcome::seen).count());
    end.put(LoadRunsTable.FILES_LOADED, (int) result.count(FileStatus.LOADED));
    end.put(LoadRunsTable.FILES_UNCHANGED, (int) result.count(FileStatus.UNCHANGED));
    end.put(LoadRunsTable.FILES_FAILED, (int) result.count(FileStatus.FAILED));
    end.put(
        LoadRunsTable.FILES_UNMATCHED,
        (int) (result.count(FileStatus.NO_LAYOUT) + result.count(FileStatus.AMBIGUOUS_LAYOUT)));
    end.put(LoadRunsTable.ROWS_READ, result.rowsRead());
    end.put(LoadRunsTable.ROWS_LOADED, result.rowsLoaded());
    end.put(LoadRunsTable.ROWS_QUARANTINED, result.rowsQuarantined());
    end.put(LoadRunsTable.ROWS_EXCLUDED, result.rowsExcluded());
    end.put(
        LoadRunsTable.FACTS_WRITTEN,
        result.factsWritten().values().stream().mapToLong(Long::longValue).sum());
    end.put(LoadRunsTable.SILVER_FINGERPRINT, config.silverFingerprint());
    end.put(LoadRunsTable.GOLD_FINGERPRINT, config.goldFingerprint());
    return end;
  }

  /**
   * The no-Spark path: when the state file still describes the manifest table, and no file, layout,
   * reference list or indicator changed, the run ends here, with no commit.
   */
  private Optional<LoadResult> nothingChanged(
      Warehouse w, Optional<StateFile> state, String runId, Instant started, boolean force) {
    if (force) {
      return Optional.empty();
    }
    // On local disk through java.nio: loading Hadoop's file systems would cost half a second.
    boolean local = w.localDir() != null && InputScanner.isLocal(options.input());
    Configuration hadoop = local ? null : HadoopConf.withoutSpark();
    long filesVersion =
        local
            ? StateFile.latestVersionLocal(w.localDir(), FilesTable.ID)
            : StateFile.latestVersion(w, FilesTable.ID, hadoop);
    if (state.isEmpty()
        || state.get().filesVersion() != filesVersion
        // A table a crash or a damaged disk left unusable: the full path repairs it.
        || WarehouseRepair.needed(w, hadoop)
        || !config.silverFingerprint().equals(state.get().silverFingerprint())
        || !config.goldFingerprint().equals(state.get().goldFingerprint())) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    InputScanner scanner = InputScanner.of(config);
    List<SourceFile> files =
        local ? scanner.scanLocal(options.input()) : scanner.scan(options.input(), hadoop);
    Optional<LoadPlan> plan =
        new LoadPlanner(config, false).planWithoutHashing(files, state.get().byPath(), runId);
    if (plan.isEmpty()
        || !plan.get().tasks().isEmpty()
        || (options.prune() && !plan.get().vanished().isEmpty())) {
      return Optional.empty();
    }
    List<FileOutcome> outcomes = new ArrayList<>(plan.get().outcomes());
    outcomes.sort(Comparator.comparing(FileOutcome::path));
    boolean anyFailed = outcomes.stream().anyMatch(FileOutcome::failed);
    Map<String, Long> stages = new LinkedHashMap<>();
    stages.put("scan", (System.nanoTime() - t0) / 1_000_000);
    return Optional.of(
        new LoadResult(
            runId,
            anyFailed ? RunStatus.SUCCEEDED_WITH_ERRORS : RunStatus.NOTHING_TO_DO,
            outcomes,
            Map.of(),
            Instant.now().toEpochMilli() - started.toEpochMilli(),
            state.get().headline(),
            stages,
            0));
  }

  /** The state file the last completed load wrote; on local disk without Hadoop. */
  private static Optional<StateFile> readState(Warehouse w) {
    return w.localDir() != null
        ? StateFile.readLocal(w.localDir())
        : StateFile.read(w, HadoopConf.withoutSpark());
  }

  /**
   * Puts each table changed outside a load back as the last load left it, in one commit of this
   * run; a table no load version is left of (its log replaced or gone) is moved aside, for the
   * record, and created again by the forced load that follows, which rewrites every table from the
   * sources.
   *
   * @return what was done, a line per table
   */
  private List<String> repair(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<TableIntegrity.Damage> damage,
      Stages stages) {
    stages.started(
        "repair", String.join(", ", damage.stream().map(d -> d.table().qualified()).toList()));
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> done = new ArrayList<>();
    for (TableIntegrity.Damage d : damage) {
      if (!vn.extrel.warehouse.table.WarehouseTables.all().containsKey(d.table())) {
        done.add(
            d.table().qualified()
                + ": not one of the warehouse's tables, left as it is; remove "
                + w.path(d.table())
                + " if nobody needs it");
        continue;
      }
      long good =
          d.version() < 0
              ? -1
              : TableIntegrity.lastLoadedVersion(w, d.table(), d.version(), hadoop);
      if (good >= 0) {
        try {
          DeltaWrites.restore(
              spark, w.path(d.table()), good, DeltaWrites.commitInfo(runId, "repair", List.of()));
          done.add(d.table().qualified() + ": restored to version " + good + ", then reloaded");
          continue;
        } catch (RuntimeException e) {
          // The files of that version are gone (VACUUM): start the table again below.
        }
      }
      done.add(
          d.table().qualified()
              + ": moved aside to "
              + moveAside(w, d.table(), runId, hadoop)
              + ", then reloaded");
    }
    stages.done("repair");
    return done;
  }

  /** Moves a table's folder to {@code <warehouse>/_damaged/<run>/<db>/<name>}; returns where. */
  private static String moveAside(
      Warehouse w, vn.extrel.warehouse.table.TableId t, String runId, Configuration hadoop) {
    org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(w.path(t));
    org.apache.hadoop.fs.Path to =
        new org.apache.hadoop.fs.Path(
            w.root() + "/_damaged/" + runId + "/" + t.database() + "/" + t.name());
    try {
      org.apache.hadoop.fs.FileSystem fs = from.getFileSystem(hadoop);
      if (fs.exists(from)) {
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
          throw new IOException("rename returned false");
        }
      }
      return to.toString();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot move " + from + " aside to " + to + ": " + e.getMessage(), e);
    }
  }

  private void writeState(SparkSession spark, Warehouse w, LoadResult result) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      Map<String, Manifest.Entry> manifest = lastManifest;
      Map<String, Long> versions = new java.util.TreeMap<>();
      for (vn.extrel.warehouse.table.TableId t :
          vn.extrel.warehouse.catalog.WarehouseCatalog.discover(spark, w)) {
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

  /**
   * The load itself, a stage after another; each returns what it did, and the next ones read it.
   */
  private LoadResult load(
      SparkSession spark,
      Warehouse w,
      String runId,
      Instant started,
      Optional<String[]> previous,
      boolean force,
      Stages stages) {
    Scan scan = stages.time("scan", options.input(), () -> scan(spark, w, runId, previous, force));
    Fresh fresh = fresh(spark, w, runId, scan, stages);
    Reparsed again = reparse(spark, w, runId, scan, fresh, stages);
    Pruned gone = prune(spark, w, runId, scan, stages);
    boolean silverChanged =
        !fresh.loaded().isEmpty() || scan.reparseAll() || !gone.paths().isEmpty();
    Gold gold = gold(spark, w, runId, scan, fresh, silverChanged, stages);
    int dqErrors =
        stages.time(
            "manifest",
            scan.plan().files().size() + " files",
            () -> record(spark, w, runId, scan, fresh, again, gone, gold, silverChanged));

    List<FileOutcome> outcomes = new ArrayList<>(scan.plan().outcomes());
    if (!gone.paths().isEmpty()) {
      outcomes.removeIf(o -> FileStatus.VANISHED.equals(o.status()));
    }
    outcomes.addAll(fresh.outcomes());
    outcomes.addAll(gone.outcomes());
    outcomes.sort(Comparator.comparing(FileOutcome::path));
    boolean anyFailed = outcomes.stream().anyMatch(FileOutcome::failed) || dqErrors > 0;
    boolean nothing = scan.plan().tasks().isEmpty() && !silverChanged && !scan.regold();
    RunStatus status =
        anyFailed
            ? RunStatus.SUCCEEDED_WITH_ERRORS
            : nothing ? RunStatus.NOTHING_TO_DO : RunStatus.SUCCEEDED;
    Written written =
        fresh.written().plus(again.written()).plus(gone.written()).plus(gold.written());
    return new LoadResult(
        runId,
        status,
        outcomes,
        new LinkedHashMap<>(written.rows()),
        Instant.now().toEpochMilli() - started.toEpochMilli(),
        GoldStage.headline(spark, w),
        stages.millis,
        dqErrors);
  }

  /**
   * What the scan found.
   *
   * @param known the manifest as the last run left it
   * @param plan what to read, and the outcome of every file not read
   * @param reparseAll layouts or reference lists changed: every current file is parsed again
   * @param regold the indicators must be computed again even if silver did not change
   */
  private record Scan(
      Manifest manifest,
      Map<String, Manifest.Entry> known,
      LoadPlan plan,
      boolean reparseAll,
      boolean regold) {}

  private Scan scan(
      SparkSession spark, Warehouse w, String runId, Optional<String[]> previous, boolean force) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    InputScanner scanner = InputScanner.of(config);
    List<SourceFile> files =
        InputScanner.isLocal(options.input())
            ? scanner.scanLocal(options.input())
            : scanner.scan(options.input(), hadoop);
    Manifest manifest = new Manifest(w);
    Map<String, Manifest.Entry> known = manifest.read(spark);
    LoadPlan plan = new LoadPlanner(config, force).plan(files, known, runId, hadoop);
    boolean reparseAll =
        previous.isPresent() && !config.silverFingerprint().equals(previous.get()[0]);
    if (!plan.tasks().isEmpty() || reparseAll) {
      // Both write bronze or read it back: neither can work on the earlier layout.
      BronzeStage.checkLayout(spark, w);
    }
    boolean regold =
        force || previous.isEmpty() || !config.goldFingerprint().equals(previous.get()[1]);
    return new Scan(manifest, known, plan, reparseAll, regold);
  }

  /**
   * The new and changed files through bronze and silver.
   *
   * @param loaded the file versions now in silver (path to SHA-256): read, and rejected by no rule
   * @param dq the row and totals rules' results
   * @param outcomes one per file read
   * @param updates their manifest entries
   */
  private record Fresh(
      Written written,
      Map<String, String> loaded,
      List<Row> dq,
      List<FileOutcome> outcomes,
      List<Manifest.Entry> updates) {
    static final Fresh NONE = new Fresh(Written.NONE, Map.of(), List.of(), List.of(), List.of());
  }

  private Fresh fresh(SparkSession spark, Warehouse w, String runId, Scan scan, Stages stages) {
    List<FileTask> tasks = scan.plan().tasks();
    if (tasks.isEmpty()) {
      return Fresh.NONE;
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
            () -> silver(spark, w, runId, read, bronze.headers()));
    List<FileOutcome> outcomes = new ArrayList<>();
    List<Manifest.Entry> updates = new ArrayList<>();
    for (FileTask t : tasks) {
      FileOutcome o =
          outcome(t, stats.getOrDefault(t.path(), new BronzeStage.FileStats()), pass.result());
      outcomes.add(o);
      listener.fileFinished(runId, o);
      updates.add(manifestEntry(t, o, scan.plan(), runId));
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

  /** One silver pass over some file versions: the totals check, then the rows. */
  private record SilverPass(SilverStage.Result result, Written written, List<Row> dq) {}

  /**
   * @param headers the tables' headers as the readers reported them; null to read them back from
   *     bronze
   */
  private SilverPass silver(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      TableHeaders headers) {
    SilverStage silver = new SilverStage(config);
    RuleEngine rules = new RuleEngine(config.rules(), config.reference(), runId);
    TableHeaders h = headers != null ? headers : silver.headers(spark, w, versions);
    SilverStage.Reconciled totals = silver.reconcile(spark, w, runId, versions, h);
    RuleEngine.Totals decided = rules.totals(totals.mismatches());
    SilverStage.Result result =
        silver.write(spark, w, runId, versions, rules, decided.rejected(), h);
    List<Row> dq = new ArrayList<>(decided.results());
    dq.addAll(result.dq());
    return new SilverPass(result, totals.written().plus(result.written()), List.copyOf(dq));
  }

  /** Silver parsed again from bronze after a change of layouts or reference lists. */
  private record Reparsed(Written written, List<Row> dq, Set<String> files) {
    static final Reparsed NONE = new Reparsed(Written.NONE, List.of(), Set.of());
  }

  private Reparsed reparse(
      SparkSession spark, Warehouse w, String runId, Scan scan, Fresh fresh, Stages stages) {
    if (!scan.reparseAll()) {
      return Reparsed.NONE;
    }
    // Every current file, without reading it again; those just loaded are done.
    Map<String, String> current = new LinkedHashMap<>();
    scan.known().values().stream()
        .filter(
            e ->
                FileStatus.LOADED.equals(e.status())
                    && scan.plan().files().containsKey(e.path())
                    && !fresh.loaded().containsKey(e.path()))
        .forEach(e -> current.put(e.path(), e.sha256()));
    if (current.isEmpty()) {
      return Reparsed.NONE;
    }
    SilverPass pass =
        stages.time(
            "silver-reparse",
            current.size() + " files",
            () -> silver(spark, w, runId, current, null));
    return new Reparsed(pass.written(), pass.dq(), Set.copyOf(current.keySet()));
  }

  /** The rows of vanished files removed from silver (with {@code --prune}). */
  private record Pruned(
      Written written,
      List<String> paths,
      List<FileOutcome> outcomes,
      List<Manifest.Entry> updates) {
    static final Pruned NONE = new Pruned(Written.NONE, List.of(), List.of(), List.of());
  }

  private Pruned prune(SparkSession spark, Warehouse w, String runId, Scan scan, Stages stages) {
    List<Manifest.Entry> vanished = scan.plan().vanished();
    if (!options.prune() || vanished.isEmpty()) {
      return Pruned.NONE;
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
      updates.add(
          new Manifest.Entry(
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
              e.changeStamp()));
    }
    return new Pruned(written, paths, List.copyOf(outcomes), List.copyOf(updates));
  }

  /**
   * Gold and the table-wide rules.
   *
   * @param ran whether gold was computed (else the table-wide results stay as they are)
   * @param tableWide the uniqueness and year-over-year rules' results
   * @param revisions the findings about publications; null when gold was not computed
   */
  private record Gold(Written written, boolean ran, List<Row> tableWide, List<Row> revisions) {}

  private Gold gold(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Fresh fresh,
      boolean silverChanged,
      Stages stages) {
    boolean ran = silverChanged || scan.regold();
    GoldStage gold = new GoldStage(config);
    Written partners =
        ran || !w.exists(spark, vn.extrel.warehouse.table.PartnerTable.ID)
            ? stages.time("partners", "", () -> gold.partners(spark, w, runId))
            : Written.NONE;
    if (!ran) {
      return new Gold(partners, false, List.of(), null);
    }
    return stages.time(
        "gold",
        config.indicators().indicators().size() + " indicators",
        () -> {
          RuleEngine rules = new RuleEngine(config.rules(), config.reference(), runId);
          // The uniqueness of silver's rows is checked again whenever gold is written, or a
          // gold-only run (a changed indicator) would drop its results.
          List<Row> tableWide = new ArrayList<>();
          Map<String, org.apache.spark.sql.Dataset<Row>> silverTables = new LinkedHashMap<>();
          for (FactTable t : FactTables.all()) {
            org.apache.spark.sql.Dataset<Row> table = w.read(spark, t.table());
            tableWide.addAll(rules.unique(table, t));
            silverTables.put(t.name(), table);
          }
          GoldStage.Built built = gold.indicators(spark, w, runId, fresh.loaded().keySet());
          tableWide.addAll(
              rules.yoy(w.read(spark, vn.extrel.warehouse.table.IndicatorsTable.ID), silverTables));
          return new Gold(
              partners.plus(built.written()), true, List.copyOf(tableWide), built.revisions());
        });
  }

  /**
   * The run's records, written last: the rules' results, the revision list and the manifest.
   *
   * @return the number of rule errors
   */
  private int record(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Fresh fresh,
      Reparsed again,
      Pruned gone,
      Gold gold,
      boolean silverChanged) {
    List<Row> dq = new ArrayList<>(fresh.dq());
    dq.addAll(again.dq());
    Set<String> fileScoped = new HashSet<>(again.files());
    fileScoped.addAll(BronzeStage.versions(scan.plan().tasks()).keySet());
    int dqErrors =
        writeRuleResults(
            spark, w, runId, dq, fileScoped, gold.tableWide(), gold.ran(), gold.revisions());
    Failpoints.hit(Failpoints.BEFORE_MANIFEST);
    List<Manifest.Entry> updates = new ArrayList<>(scan.plan().touched());
    updates.addAll(fresh.updates());
    updates.addAll(gone.updates());
    if (!scan.plan().tasks().isEmpty()) {
      writeFileLoads(spark, w, runId, updates, scan.plan().tasks());
    }
    lastManifest =
        scan.manifest()
            .upsert(
                spark, scan.known(), updates, DeltaWrites.commitInfo(runId, "manifest", List.of()));
    return dqErrors;
  }

  private FileOutcome outcome(FileTask t, BronzeStage.FileStats s, SilverStage.Result silver) {
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

  private Manifest.Entry manifestEntry(FileTask t, FileOutcome o, LoadPlan plan, String runId) {
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

  /**
   * Writes the rule results: those about files replace earlier results for the same files, the
   * table-wide ones replace the earlier run's. Returns how many are errors.
   */
  private static int writeRuleResults(
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
              + vn.extrel.warehouse.quality.Reconciler.RULE
              + "', '"
              + vn.extrel.warehouse.quality.Revisions.RULE
              + "', '"
              + vn.extrel.warehouse.quality.PublishedRatios.RULE
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
          DqResultsTable.RULE
              + " IN ('"
              + vn.extrel.warehouse.quality.Revisions.RULE
              + "', '"
              + vn.extrel.warehouse.quality.PublishedRatios.RULE
              + "')",
          info);
    }
    if (tablesChanged) {
      DeltaWrites.replaceWhere(
          spark.createDataFrame(tableRows, DqResultsTable.SCHEMA).coalesce(1),
          w.path(DqResultsTable.ID),
          DqResultsTable.SOURCE_PATH + " IS NULL",
          info);
    }
    int errors = 0;
    for (Row r : fileRows) {
      errors += RuleStatus.ERROR.wire().equals(r.getAs(DqResultsTable.STATUS)) ? 1 : 0;
    }
    for (Row r : tableRows) {
      errors += RuleStatus.ERROR.wire().equals(r.getAs(DqResultsTable.STATUS)) ? 1 : 0;
    }
    return errors;
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

  /** Wall time per stage, for the summary, the event log and the benchmarks. */
  static final class Stages {
    final Map<String, Long> millis = new LinkedHashMap<>();
    private final LoadListener listener;
    private final String runId;
    long last = System.nanoTime();

    Stages(LoadListener listener, String runId) {
      this.listener = listener;
      this.runId = runId;
    }

    void started(String stage, String detail) {
      listener.stageStarted(runId, stage, detail);
    }

    /** Runs one stage: its time is its own, from start to end. */
    <T> T time(String stage, String detail, Supplier<T> work) {
      started(stage, detail);
      long from = System.nanoTime();
      T out = work.get();
      finish(stage, from);
      return out;
    }

    /** Ends a step that began when the one before it ended. */
    void done(String stage) {
      finish(stage, last);
    }

    private void finish(String stage, long from) {
      long now = System.nanoTime();
      long ms = (now - from) / 1_000_000;
      millis.merge(stage, ms, Long::sum);
      listener.stageFinished(runId, stage, ms);
      last = now;
    }
  }
}
