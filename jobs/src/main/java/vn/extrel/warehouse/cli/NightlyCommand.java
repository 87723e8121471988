package vn.extrel.warehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.schedule.NightlyJob;
import vn.extrel.warehouse.spark.SparkSessions;

/**
 * {@code warehouse nightly}: what the scheduler runs every night, one command: scan the input
 * against the manifest, load what changed, recompute the indicators, run the configured exports. A
 * human summary on stdout, JSON-lines events in the log file.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "The nightly job: manifest scan, load of new and changed files, indicators, configured exports.",
      "Exit codes: 0 ok; 1 data error (a file failed, matched no layout, or a rule failed); 2 internal failure;",
      "3 another load is running."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LoadOptions load;

  @Mixin ExportsOptions exports;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "The night this run stands for (default: today); names the exports and the log entries.")
  LocalDate runDate;

  /** The nightly job of these options; {@code command} is what the run log records. */
  static NightlyJob job(
      LoadOptions load,
      ExportsOptions exports,
      LocalDate runDate,
      String command,
      CommandSpec spec) {
    return new NightlyJob(
        load.common::loadConfig,
        new NightlyJob.Options(load.job(command), runDate, exports.skip, exports.dir),
        load.listener(spec.commandLine().getOut(), spec.commandLine().getErr()),
        Clock.systemUTC(),
        spec.commandLine().getOut());
  }

  @Override
  public Integer call() {
    String command = "nightly" + (runDate == null ? "" : " " + runDate);
    return job(load, exports, runDate, command, spec).run(SparkSessions::getOrCreate).anyFailed()
        ? WarehouseCli.DATA_ERROR
        : WarehouseCli.OK;
  }
}
