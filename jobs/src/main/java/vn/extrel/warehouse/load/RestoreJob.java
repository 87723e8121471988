package vn.extrel.warehouse.load;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.table.TableId;

/**
 * Delta RESTORE of one table to an earlier version or time, itself a new version (so it can be
 * undone). Takes the load lock: no load runs meanwhile; the next load trusts no earlier picture of
 * the tables (the state file is forgotten).
 */
public final class RestoreJob {

  /** Exactly one of {@code version} and {@code timestamp}. */
  public record Options(Warehouse warehouse, TableId table, Long version, String timestamp) {}

  /**
   * @param metrics what RESTORE reports (files removed, restored, ...); empty: already there
   */
  public record Result(TableId table, String to, Map<String, Object> metrics) {}

  private final Options options;

  public RestoreJob(Options options) {
    this.options = options;
  }

  public Result run(Supplier<SparkSession> sessions) {
    Warehouse w = options.warehouse();
    String runId = "restore-" + RunIds.next(Instant.now());
    return LoadLock.run(w, runId, 0, () -> restore(sessions.get(), w, runId));
  }

  private Result restore(SparkSession spark, Warehouse w, String runId) {
    DeltaTable t = DeltaTable.forPath(spark, w.path(options.table()));
    // The restore's commit names its run, like a load's: the integrity check trusts it.
    List<Row> rows =
        DeltaWrites.tagged(
            spark,
            DeltaWrites.commitInfo(runId, "restore", List.of()),
            () ->
                (options.version() != null
                        ? t.restoreToVersion(options.version())
                        : t.restoreToTimestamp(options.timestamp()))
                    .collectAsList());
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (!rows.isEmpty()) {
      Row m = rows.get(0);
      for (int i = 0; i < m.length(); i++) {
        metrics.put(m.schema().fields()[i].name(), m.get(i));
      }
    }
    // The next load must not trust the state file's picture of the tables any more.
    try {
      StateFile.forget(w, spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String to = options.version() != null ? "version " + options.version() : options.timestamp();
    return new Result(options.table(), to, metrics);
  }
}
