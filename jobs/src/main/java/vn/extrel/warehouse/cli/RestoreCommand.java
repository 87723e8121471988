package vn.extrel.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.load.RestoreJob;
import vn.extrel.warehouse.spark.SparkSessions;

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
  public Integer call() {
    RestoreJob.Result r =
        new RestoreJob(
                new RestoreJob.Options(
                    common.warehouse(), TableArgument.parse(table), to.version, to.timestamp))
            .run(SparkSessions::getOrCreate);
    StringBuilder metrics =
        new StringBuilder(r.metrics().isEmpty() ? "already at that version" : "");
    r.metrics()
        .forEach(
            (k, v) ->
                metrics.append(metrics.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    spec.commandLine().getOut().printf("%s restored to %s (%s)%n", r.table(), r.to(), metrics);
    return WarehouseCli.OK;
  }
}
