package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.LoadLock;
import vn.extrel.warehouse.load.RunIds;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/**
 * {@code warehouse maintain}: OPTIMIZE compacts the small files nightly loads leave (one or a few
 * per table per night); VACUUM deletes files no version within the retention needs. Weekly is
 * enough; see docs/OPERATIONS.md for the reasons behind the retention.
 */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description =
        "Compacts small files (OPTIMIZE) and, with --vacuum, deletes files older versions no longer need.")
public final class MaintainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @picocli.CommandLine.Parameters(
      paramLabel = "TABLE",
      arity = "0..*",
      description = "Tables to maintain, e.g. gold.indicators (default: every table).")
  java.util.List<String> tables = new java.util.ArrayList<>();

  @Option(
      names = "--vacuum",
      description = "Also VACUUM: delete files unreferenced for longer than the retention.")
  boolean vacuum;

  @Option(
      names = "--retain-hours",
      defaultValue = "720",
      description = "VACUUM retention in hours (default: ${DEFAULT-VALUE}, 30 days).")
  int retainHours;

  @Override
  public Integer call() throws Exception {
    Warehouse w = common.warehouse();
    PrintWriter out = spec.commandLine().getOut();
    String runId = "maintain-" + RunIds.next(java.time.Instant.now());
    try (LoadLock lock = LoadLock.acquire(w, runId, 0)) {
      SparkSession spark = SparkSessions.getOrCreate();
      // Its commits name the run, like a load's: the warehouse's integrity check trusts them.
      String info = DeltaWrites.commitInfo(runId, "maintain", java.util.List.of());
      java.util.List<TableId> chosen =
          tables.isEmpty()
              ? java.util.List.copyOf(WarehouseTables.all().keySet())
              : tables.stream().map(TableArgument::parse).toList();
      for (TableId t : chosen) {
        if (!w.exists(spark, t)) {
          continue;
        }
        Row metrics =
            DeltaWrites.tagged(
                spark,
                info,
                () -> spark.sql("OPTIMIZE delta.`" + w.path(t) + "`").first().getStruct(1));
        long removed = metrics.getLong(metrics.fieldIndex("numFilesRemoved"));
        long added = metrics.getLong(metrics.fieldIndex("numFilesAdded"));
        out.printf(
            "OPTIMIZE %-24s %s%n",
            t, removed == 0 ? "already compact" : removed + " small files compacted into " + added);
        if (vacuum) {
          DeltaWrites.tagged(
              spark,
              info,
              () -> spark.sql("VACUUM delta.`" + w.path(t) + "` RETAIN " + retainHours + " HOURS"));
          out.printf("VACUUM   %-24s files older than %d hours removed%n", t, retainHours);
        }
      }
    }
    out.flush();
    return WarehouseCli.OK;
  }
}
