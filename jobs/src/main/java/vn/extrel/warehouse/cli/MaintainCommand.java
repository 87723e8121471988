package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.load.MaintainJob;
import vn.extrel.warehouse.spark.SparkSessions;

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
  public Integer call() {
    MaintainJob.Result r =
        new MaintainJob(
                new MaintainJob.Options(
                    common.warehouse(),
                    tables.stream().map(TableArgument::parse).toList(),
                    vacuum ? retainHours : null))
            .run(SparkSessions::getOrCreate);
    PrintWriter out = spec.commandLine().getOut();
    for (MaintainJob.TableResult t : r.tables()) {
      out.printf(
          "OPTIMIZE %-24s %s%n",
          t.table(),
          t.filesRemoved() == 0
              ? "already compact"
              : t.filesRemoved() + " small files compacted into " + t.filesAdded());
      if (t.vacuumed()) {
        out.printf("VACUUM   %-24s files older than %d hours removed%n", t.table(), retainHours);
      }
    }
    out.flush();
    return WarehouseCli.OK;
  }
}
