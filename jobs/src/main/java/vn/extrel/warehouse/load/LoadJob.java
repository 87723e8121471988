package vn.extrel.warehouse.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.util.Failpoints;

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
    // Local warehouses are locked by the OS; on object storage, see docs/OPERATIONS.md.
    return LoadLock.run(
        options.warehouse(),
        runId,
        options.lockWaitMillis(),
        () -> locked(sessions, runId, started));
  }

  private LoadResult locked(Supplier<SparkSession> sessions, String runId, Instant started) {
    Warehouse w = options.warehouse();
    listener.runStarted(runId, options.command(), options.input(), w.root());
    Failpoints.hit(Failpoints.RUN_START);
    Optional<StateFile> state = LoadState.read(w);
    Preflight pre = Preflight.check(w, state, runId, options.force(), listener);
    Optional<LoadResult> quick =
        QuickPath.nothingChanged(config, options, state, runId, started, pre.force());
    if (quick.isPresent()) {
      listener.runFinished(runId, quick.get());
      return quick.get();
    }
    SparkSession spark = sessions.get();
    try (var codegen = SparkSessions.forInput(spark, InputSize.of(options.input()))) {
      Stages stages = new Stages(listener, runId);
      List<String> repaired = pre.repairAll(spark, w, runId, stages);
      RunRecords runs = RunRecords.start(spark, w, runId, options, started, config, listener);
      stages.done("run-log");
      Loaded loaded;
      LoadResult result;
      try {
        loaded = load(spark, w, runId, started, runs.previous(), pre.force(), stages);
        result = loaded.result().withRepaired(repaired);
      } catch (Failpoints.Stopped e) {
        throw e; // a test's kill: nothing more is written
      } catch (RuntimeException | Error e) {
        runs.failed(e);
        throw e;
      }
      runs.finished(result, repaired);
      LoadState.write(spark, w, config, loaded.manifest(), result);
      stages.done("finish");
      listener.runFinished(runId, result);
      return result;
    }
  }

  /** What the load did, and the manifest as it wrote it, for the state file. */
  private record Loaded(LoadResult result, Map<String, Manifest.Entry> manifest) {}

  /**
   * The load itself, a stage after another; each returns what it did, and the next ones read it.
   */
  private Loaded load(
      SparkSession spark,
      Warehouse w,
      String runId,
      Instant started,
      Optional<RunRecords.Fingerprints> previous,
      boolean force,
      Stages stages) {
    Scan scan =
        stages.time(
            "scan",
            options.input(),
            () -> Scan.of(spark, w, runId, options.input(), previous, force, config));
    Fresh fresh = Fresh.load(spark, w, runId, scan, stages, config, listener);
    Reparsed again = Reparsed.run(spark, w, runId, scan, fresh, stages, config);
    Pruned gone = Pruned.run(spark, w, runId, scan, options.prune(), stages, config);
    boolean silverChanged =
        !fresh.loaded().isEmpty() || scan.reparseAll() || !gone.paths().isEmpty();
    Gold gold = Gold.run(spark, w, runId, scan, fresh, silverChanged, stages, config);
    Recorded recorded =
        stages.time(
            "manifest",
            scan.plan().files().size() + " files",
            () -> Recorded.write(spark, w, runId, scan, fresh, again, gone, gold));
    LoadResult result =
        Summary.of(
            spark,
            w,
            runId,
            started,
            scan,
            fresh,
            again,
            gone,
            gold,
            silverChanged,
            recorded.dqErrors(),
            stages);
    return new Loaded(result, recorded.manifest());
  }
}
