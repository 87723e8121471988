package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.EventLog;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadListener;
import vn.extrel.warehouse.util.Invocation;

/** The options of the commands that load ({@code load}, {@code nightly}, {@code schedule}). */
public final class LoadOptions {

  @Mixin WarehouseOptions common;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "Folder (or URI) with the spreadsheets (env WAREHOUSE_INPUT; default: ./data).")
  String input;

  @Option(names = "--force", description = "Read every file again, even unchanged ones.")
  boolean force;

  @Option(
      names = "--wait",
      description = "Wait for a running load to finish instead of exiting with code 3.")
  boolean waitForLock;

  @Option(
      names = "--prune",
      description = "Remove from silver the rows of files no longer in the input.")
  boolean prune;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: when stderr is a terminal).")
  Boolean progress;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "JSON-lines event log (env WAREHOUSE_LOG; default: <warehouse>/_logs/events.jsonl).")
  Path log;

  /** The load job's options; {@code command} is what the run log records. */
  LoadJob.Options job(String command) {
    return new LoadJob.Options(
        input(), common.warehouse(), force, prune, command, waitForLock ? 6 * 3600_000L : 0);
  }

  /** --input, else $WAREHOUSE_INPUT, else ./data, where the command was typed. */
  String input() {
    Invocation at = Invocation.current();
    String typed = input != null ? input : at.env("WAREHOUSE_INPUT");
    return at.location(typed != null ? typed : "data");
  }

  EventLog events() {
    return new EventLog(EventLog.locate(log, common.warehouse()));
  }

  /** The event log, progress on stderr where wanted, and the summary on {@code out}. */
  LoadListener listener(PrintWriter out, PrintWriter err) {
    Warehouse warehouse = common.warehouse();
    LoadListener listener =
        TerminalProgress.wanted(progress)
            ? LoadListener.both(events(), new TerminalProgress(err))
            : events();
    return LoadListener.both(listener, new LoadSummary(warehouse, out, common.verbose));
  }
}
