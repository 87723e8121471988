package vn.extrel.warehouse.cli;

import io.delta.tables.DeltaTable;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.LoadLock;
import vn.extrel.warehouse.load.RunIds;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.TableId;

/**
 * {@code warehouse restore TABLE}: Delta RESTORE to an earlier version or time, itself a new
 * version (so it can be undone). Takes the load lock: no load runs meanwhile.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a table to an earlier version or time (Delta RESTORE); the restore is a new version, so it can be undone.",
      "Restoring silver alone leaves gold as it was: restore both, or run 'load --force' after."
    })
public final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Parameters(paramLabel = "TABLE", description = "e.g. gold.indicators")
  String table;

  static final class To {
    @Option(
        names = "--version",
        description = "The version to go back to (see 'warehouse history').")
    Long version;

    @Option(
        names = "--timestamp",
        description = "The time to go back to, e.g. '2026-11-20 02:00:00' (UTC).")
    String timestamp;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  To to;

  @Override
  public Integer call() throws Exception {
    TableId id = TableArgument.parse(table);
    Warehouse w = common.warehouse();
    String runId = "restore-" + RunIds.next(java.time.Instant.now());
    try (LoadLock lock = LoadLock.acquire(w, runId, 0)) {
      SparkSession spark = SparkSessions.getOrCreate();
      DeltaTable t = DeltaTable.forPath(spark, w.path(id));
      // The restore's commit names its run, like a load's: the integrity check trusts it.
      java.util.List<Row> rows =
          DeltaWrites.tagged(
              spark,
              DeltaWrites.commitInfo(runId, "restore", java.util.List.of()),
              () ->
                  (to.version != null
                          ? t.restoreToVersion(to.version)
                          : t.restoreToTimestamp(to.timestamp))
                      .collectAsList());
      StringBuilder metrics = new StringBuilder(rows.isEmpty() ? "already at that version" : "");
      for (int i = 0; !rows.isEmpty() && i < rows.get(0).length(); i++) {
        Row m = rows.get(0);
        metrics
            .append(i == 0 ? "" : ", ")
            .append(m.schema().fields()[i].name())
            .append('=')
            .append(m.get(i));
      }
      // The next load must not trust the state file's picture of the tables any more.
      StateFile.forget(w, spark.sparkContext().hadoopConfiguration());
      spec.commandLine()
          .getOut()
          .printf(
              "%s restored to %s (%s)%n",
              id, to.version != null ? "version " + to.version : to.timestamp, metrics);
    }
    return WarehouseCli.OK;
  }
}
