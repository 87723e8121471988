package vn.extrel.warehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.EventLog;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.ops.TableIntegrity;
import vn.extrel.warehouse.schedule.ScheduleState;
import vn.extrel.warehouse.table.RunStatus;
import vn.extrel.warehouse.util.HadoopConf;

/**
 * {@code warehouse status}: the last runs, tables changed outside a load, and the scheduler's next
 * fire time, from files, without Spark.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows the last load runs, tables changed outside a load, and the next scheduled run.")
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "The event log (default as for load).")
  Path log;

  @Option(
      names = "--runs",
      defaultValue = "10",
      description = "How many runs to show (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    EventLog events = new EventLog(EventLog.locate(log, common.warehouse()));
    List<JsonNode> ends = events.last(runs, List.of("run_finished", "run_failed"));
    out.println("Last runs (" + events.file() + "):");
    if (ends.isEmpty()) {
      out.println("  none yet");
    }
    for (JsonNode e : ends) {
      boolean failed = "run_failed".equals(e.path("event").asText());
      out.printf(
          "  %-26s %-24s %-22s %s%n",
          e.path("ts").asText(),
          e.path("run_id").asText(),
          failed ? RunStatus.FAILED.wire() : e.path("status").asText(),
          failed
              ? e.path("error").asText()
              : String.format(
                  "%d files: %d loaded, %d unchanged, %d failed; %.1f s",
                  e.path("files").asLong(),
                  e.path("files_loaded").asLong(),
                  e.path("files_unchanged").asLong(),
                  e.path("files_failed").asLong(),
                  e.path("millis").asLong() / 1000.0));
    }
    Warehouse w = common.warehouse();
    try {
      List<TableIntegrity.Damage> damage =
          TableIntegrity.check(
              w,
              (w.localDir() != null
                      ? StateFile.readLocal(w.localDir())
                      : StateFile.read(w, HadoopConf.withoutSpark()))
                  .map(StateFile::tableVersions)
                  .orElse(null),
              w.localDir() != null ? null : HadoopConf.withoutSpark());
      if (damage.isEmpty()) {
        out.println("Tables: each last changed by a load");
      } else {
        out.println(
            "Tables changed outside a load (the next load stops; 'warehouse load --force' rewrites"
                + " them from the sources):");
        damage.forEach(d -> out.println("  " + d.describe()));
      }
    } catch (RuntimeException e) {
      // The runs above are worth showing even when the tables' logs cannot be read from here.
      out.println("Tables: cannot read their Delta logs (" + e.getMessage() + ")");
    }
    ScheduleState.read(common.warehouse())
        .ifPresentOrElse(
            s -> {
              boolean alive = ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
              out.printf(
                  "Scheduler: cron '%s' (%s), pid %d %s; next run %s%n",
                  s.cron(),
                  s.zone(),
                  s.pid(),
                  alive ? "running" : "not running",
                  alive ? s.nextFireTime() : "(none: start it with warehouse schedule)");
            },
            () -> out.println("Scheduler: not started (warehouse schedule --cron ...)"));
    out.flush();
    return WarehouseCli.OK;
  }

  static JsonNode json(Path p) throws java.io.IOException {
    return new ObjectMapper().readTree(Files.readString(p));
  }
}
