package vn.extrel.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.spark.SparkSessions;

/**
 * {@code warehouse load}: new and changed spreadsheets into bronze, silver and gold; prints a
 * summary.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Loads the spreadsheets of the input folder into the warehouse and computes the indicators.",
      "Unchanged files are skipped; a rerun on the same input changes nothing."
    })
public final class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LoadOptions load;

  @Override
  public Integer call() {
    LoadJob job =
        new LoadJob(
            load.common.loadConfig(),
            load.job("load"),
            load.listener(spec.commandLine().getOut(), spec.commandLine().getErr()));
    // The session is built only when something changed: a night with nothing new ends in about a
    // second.
    LoadResult result = job.run(SparkSessions::getOrCreate);
    return result.anyFailed() ? WarehouseCli.DATA_ERROR : WarehouseCli.OK;
  }
}
