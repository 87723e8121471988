package vn.extrel.warehouse.load;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.RunLog;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.RunStatus;

/** The run's row in ops.load_runs: written when the load starts, then as it ended. */
final class RunRecords {

  /** The fingerprints of the layouts and reference lists (silver) and of the indicators (gold). */
  record Fingerprints(String silver, String gold) {}

  private final SparkSession spark;
  private final RunLog runs;
  private final String runId;
  private final WarehouseConfig config;
  private final LoadListener listener;
  private final Optional<Fingerprints> previous;

  private RunRecords(
      SparkSession spark,
      RunLog runs,
      String runId,
      WarehouseConfig config,
      LoadListener listener,
      Optional<Fingerprints> previous) {
    this.spark = spark;
    this.runs = runs;
    this.runId = runId;
    this.config = config;
    this.listener = listener;
    this.previous = previous;
  }

  /** Reads the last completed run's fingerprints, then records this run as started. */
  static RunRecords start(
      SparkSession spark,
      Warehouse w,
      String runId,
      LoadJob.Options options,
      Instant started,
      WarehouseConfig config,
      LoadListener listener) {
    RunLog runs = new RunLog(w);
    Optional<Fingerprints> previous = fingerprints(spark, w, runs);
    runs.started(spark, runId, options.command(), options.input(), started);
    return new RunRecords(spark, runs, runId, config, listener, previous);
  }

  /** The last completed run's fingerprints; empty when no run completed. */
  Optional<Fingerprints> previous() {
    return previous;
  }

  /**
   * The last completed run's fingerprints (layouts and reference lists; indicators): from the state
   * file it wrote, else from ops.load_runs.
   */
  private static Optional<Fingerprints> fingerprints(SparkSession spark, Warehouse w, RunLog runs) {
    return StateFile.read(w, spark.sparkContext().hadoopConfiguration())
        .map(st -> new Fingerprints(st.silverFingerprint(), st.goldFingerprint()))
        .or(
            () ->
                runs.lastCompleted(spark)
                    .map(
                        r ->
                            new Fingerprints(
                                r.getAs(LoadRunsTable.SILVER_FINGERPRINT),
                                r.getAs(LoadRunsTable.GOLD_FINGERPRINT))));
  }

  /**
   * Records a failed run where it can: a full disk that failed the run may fail these writes too,
   * and the failure the operator must see is the first one.
   */
  void failed(Throwable e) {
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

  /**
   * Records how the run ended.
   *
   * @param repaired the repairs of the run, a line each, for the row's message
   */
  void finished(LoadResult result, List<String> repaired) {
    Map<String, Object> end = endOfRun(result);
    if (!repaired.isEmpty()) {
      end.put(LoadRunsTable.MESSAGE, String.join("; ", repaired));
    }
    runs.finished(spark, runId, end);
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
}
