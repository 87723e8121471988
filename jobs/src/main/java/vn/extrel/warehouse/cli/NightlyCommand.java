package vn.extrel.warehouse.cli;

import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
public final class NightlyCommand extends LoadCommand {

  @Mixin ExportsOptions exports;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "The night this run stands for (default: today); names the exports and the log entries.")
  LocalDate runDate;

  @Override
  public Integer call() {
    return nightly("nightly" + (runDate == null ? "" : " " + runDate), runDate, exports);
  }
}
