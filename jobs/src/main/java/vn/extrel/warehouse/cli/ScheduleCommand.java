package vn.extrel.warehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.extrel.warehouse.ops.EventLog;
import vn.extrel.warehouse.schedule.NightlyScheduler;

/**
 * {@code warehouse schedule}: runs {@code nightly} on a cron schedule until stopped (SIGTERM or
 * Ctrl-C stop it cleanly, after a running load finishes). Takes every option of {@code load}.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly job on a cron schedule until stopped; SIGTERM lets a running load finish, then exits 0.",
      "No two runs overlap; a run missed while the scheduler was down runs once at start-up; a failed run is",
      "retried with backoff."
    })
public final class ScheduleCommand extends LoadCommand {

  @Mixin ExportsOptions exports;

  @Option(
      names = "--cron",
      required = true,
      description =
          "When to run: five fields ('0 2 * * *' = 02:00 every night) or Quartz's six with seconds.")
  String cron;

  @Option(
      names = "--zone",
      defaultValue = "Asia/Ho_Chi_Minh",
      description = "Time zone of the cron (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--retries",
      defaultValue = "3",
      description = "Retries of a failed run (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--backoff",
      defaultValue = "60",
      description =
          "Seconds before the first retry, doubled each time (default: ${DEFAULT-VALUE}).")
  int backoffSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    NightlyScheduler.parse(cron, zone); // a bad expression fails here, before anything starts
    EventLog events = new EventLog(EventLog.locate(log, common.warehouse()));
    List<JsonNode> starts = events.last(1, List.of("run_started"));
    Instant last = starts.isEmpty() ? null : Instant.parse(starts.get(0).path("ts").asText());
    NightlyScheduler scheduler =
        new NightlyScheduler(
            new NightlyScheduler.Settings(cron, zone, retries, backoffSeconds * 1000L, last),
            common.warehouse(),
            () -> {
              int code = nightly("nightly (scheduled)", null, exports);
              out.flush();
              return code;
            },
            out);
    return scheduler.withSignals().call();
  }
}
