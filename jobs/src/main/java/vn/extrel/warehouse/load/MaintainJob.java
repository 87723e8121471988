package vn.extrel.warehouse.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/**
 * OPTIMIZE compacts the small files nightly loads leave (one or a few per table per night); VACUUM
 * deletes files no version within the retention needs. Takes the load lock: no load runs meanwhile.
 */
public final class MaintainJob {

  /**
   * @param tables the tables to maintain; empty: every table of the warehouse
   * @param retainHours VACUUM's retention, or null for no VACUUM
   */
  public record Options(Warehouse warehouse, List<TableId> tables, Integer retainHours) {}

  /**
   * @param filesRemoved small files OPTIMIZE compacted (0: already compact)
   * @param filesAdded the files they were compacted into
   * @param vacuumed whether VACUUM ran on the table
   */
  public record TableResult(TableId table, long filesRemoved, long filesAdded, boolean vacuumed) {}

  /**
   * @param tables one result per table that exists, in the order maintained
   */
  public record Result(String runId, List<TableResult> tables) {}

  private final Options options;

  public MaintainJob(Options options) {
    this.options = options;
  }

  public Result run(Supplier<SparkSession> sessions) {
    Warehouse w = options.warehouse();
    String runId = "maintain-" + RunIds.next(Instant.now());
    return LoadLock.run(w, runId, 0, () -> maintain(sessions.get(), w, runId));
  }

  private Result maintain(SparkSession spark, Warehouse w, String runId) {
    List<TableResult> done = new ArrayList<>();
    // Its commits name the run, like a load's: the warehouse's integrity check trusts them.
    String info = DeltaWrites.commitInfo(runId, "maintain", List.of());
    List<TableId> chosen =
        options.tables().isEmpty() ? List.copyOf(WarehouseTables.all().keySet()) : options.tables();
    for (TableId t : chosen) {
      if (!w.exists(spark, t)) {
        continue;
      }
      Row metrics =
          DeltaWrites.tagged(
              spark,
              info,
              () -> spark.sql("OPTIMIZE delta.`" + w.path(t) + "`").first().getStruct(1));
      boolean vacuum = options.retainHours() != null;
      if (vacuum) {
        DeltaWrites.tagged(
            spark,
            info,
            () ->
                spark.sql(
                    "VACUUM delta.`" + w.path(t) + "` RETAIN " + options.retainHours() + " HOURS"));
      }
      done.add(
          new TableResult(
              t,
              metrics.getLong(metrics.fieldIndex("numFilesRemoved")),
              metrics.getLong(metrics.fieldIndex("numFilesAdded")),
              vacuum));
    }
    return new Result(runId, List.copyOf(done));
  }
}
