package vn.extrel.warehouse.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.FileOutcome;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadListener;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.ops.DqResultsTable;
import vn.extrel.warehouse.ops.EventLog;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.util.Text;

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
public class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      defaultValue = "${env:WAREHOUSE_INPUT:-data}",
      description =
          "Folder (or URI) with the spreadsheets (env WAREHOUSE_INPUT; default: ${DEFAULT-VALUE}).")
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

  @Override
  public Integer call() throws Exception {
    return run("load").anyFailed() ? WarehouseCli.DATA_ERROR : WarehouseCli.OK;
  }

  /**
   * The nightly job: the load, then the declared exports for the night. Returns the exit code.
   *
   * @param runDate the night the run stands for; null: today in Viet Nam
   * @param exportOptions the exports' options of the command (load has none)
   */
  int nightly(String command, java.time.LocalDate runDate, ExportsOptions exportOptions) {
    WarehouseConfig config = common.loadConfig();
    LoadResult result = run(command, config);
    int code = result.anyFailed() ? WarehouseCli.DATA_ERROR : WarehouseCli.OK;
    vn.extrel.warehouse.export.ExportCatalog exports =
        vn.extrel.warehouse.export.ExportCatalog.load(config.dir());
    if (exportOptions.skip || (exports.exports().isEmpty() && exports.reports().isEmpty())) {
      return code;
    }
    Warehouse warehouse = common.warehouse();
    java.nio.file.Path dir =
        exportOptions.dir != null
            ? exportOptions.dir
            : vn.extrel.warehouse.export.NightlyExports.defaultDir(warehouse);
    java.time.LocalDate night =
        runDate != null
            ? runDate
            : java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    boolean changed = !"nothing_to_do".equals(result.status());
    vn.extrel.warehouse.export.NightlyExports.run(
        SparkSessions::getOrCreate,
        warehouse,
        config,
        exports,
        dir,
        night,
        changed,
        spec.commandLine().getOut());
    vn.extrel.warehouse.report.NightlyReports.run(
        SparkSessions::getOrCreate,
        warehouse,
        config,
        exports.reports(),
        dir,
        night,
        changed,
        spec.commandLine().getOut());
    return code;
  }

  /**
   * Runs the load job with the command line's options and prints the summary; shared by nightly and
   * schedule.
   */
  LoadResult run(String command) {
    return run(command, common.loadConfig());
  }

  LoadResult run(String command, WarehouseConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    Warehouse warehouse = common.warehouse();
    EventLog events = new EventLog(EventLog.locate(log, warehouse));
    LoadListener listener =
        TerminalProgress.wanted(progress)
            ? LoadListener.both(events, new TerminalProgress(System.err))
            : events;
    listener =
        LoadListener.both(
            listener,
            new LoadListener() {
              @Override
              public void repaired(String runId, String note) {
                out.println("repaired: " + note);
                out.flush();
              }
            });
    LoadJob job =
        new LoadJob(
            config,
            new LoadJob.Options(
                input, warehouse, force, prune, command, waitForLock ? 6 * 3600_000L : 0),
            listener);
    // The session is built only when something changed: a night with nothing new ends in about a
    // second.
    LoadResult result = job.run(SparkSessions::getOrCreate);
    printSummary(
        result,
        warehouse,
        result.factsWritten().isEmpty() ? null : SparkSession.active(),
        out,
        common.verbose);
    return result;
  }

  /**
   * @param spark null when the run started no session (nothing changed)
   * @param verbose list the ignored files too (lock files, hidden files, notes)
   */
  static void printSummary(
      LoadResult r, Warehouse warehouse, SparkSession spark, PrintWriter out, boolean verbose) {
    out.printf(
        "Run %s: %s in %.1f s (warehouse %s)%n",
        r.runId(), r.status().replace('_', ' '), r.elapsedMillis() / 1000.0, warehouse);
    long skipped = r.count(FileOutcome.SKIPPED);
    long ignored = r.count(FileOutcome.IGNORED);
    out.printf(
        "Files: %d seen, %d loaded, %d unchanged, %d failed, %d without a layout%s%n",
        r.files().stream().filter(FileOutcome::seen).count(),
        r.count(FileOutcome.LOADED),
        r.count(FileOutcome.UNCHANGED),
        r.count(FileOutcome.FAILED),
        r.count("no_layout") + r.count("ambiguous_layout"),
        (skipped > 0 ? "; " + skipped + " skipped (not read)" : "")
            + (ignored > 0
                ? "; " + ignored + " ignored" + (verbose ? "" : " (--verbose lists them)")
                : ""));
    out.printf(
        "Rows: %d read = %d loaded + %d quarantined + %d excluded (titles, headers, totals, notes, blank)%n",
        r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined(), r.rowsExcluded());
    if (!r.repaired().isEmpty()) {
      out.println("Repaired (changed outside a load):");
      r.repaired().forEach(line -> out.println("  " + line));
    }
    for (FileOutcome f : r.files()) {
      if (FileOutcome.IGNORED.equals(f.status()) && !verbose) {
        continue;
      }
      boolean plain = f.seen() && !f.failed();
      String counts =
          plain
              ? String.format(
                  "%5d read %5d loaded %4d quarantined %4d excluded",
                  f.rowsRead(), f.rowsLoaded(), f.rowsQuarantined(), f.rowsExcluded())
              : "";
      out.printf("  %-10s %-52s %s%n", f.status(), Text.printable(f.path()), counts);
      if (!plain && f.message() != null) {
        out.println("             " + Text.printable(f.message()));
      }
    }
    if (!r.factsWritten().isEmpty()) {
      StringBuilder sb = new StringBuilder("Written:");
      for (Map.Entry<String, Long> e : r.factsWritten().entrySet()) {
        sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(',');
      }
      out.println(sb.substring(0, sb.length() - 1) + " rows");
    }
    if (!r.stageMillis().isEmpty()) {
      StringBuilder sb = new StringBuilder("Stages:");
      r.stageMillis().forEach((k, v) -> sb.append(String.format(" %s %.1f s,", k, v / 1000.0)));
      out.println(sb.substring(0, sb.length() - 1));
    }
    if (spark != null && r.rowsQuarantined() > 0) {
      List<Row> q =
          warehouse
              .read(spark, QuarantineTable.ID)
              .filter(col(QuarantineTable.RUN_ID).equalTo(r.runId()))
              .orderBy(QuarantineTable.SOURCE_PATH, QuarantineTable.ROW)
              .limit(10)
              .collectAsList();
      if (!q.isEmpty()) {
        out.println("Quarantined rows (all in silver.quarantine):");
        for (Row row : q) {
          Object sheet = row.getAs(QuarantineTable.SHEET);
          out.printf(
              "  %s%s row %s: %s [%s]%n",
              Text.printable(row.getAs(QuarantineTable.SOURCE_PATH)),
              sheet == null ? "" : " [" + Text.printable(String.valueOf(sheet)) + "]",
              row.getAs(QuarantineTable.ROW),
              Text.printable(row.getAs(QuarantineTable.REASON)),
              row.getAs(QuarantineTable.REASON_CODE));
        }
      }
    }
    List<Row> dq =
        spark == null
            ? List.of()
            : warehouse
                .read(spark, DqResultsTable.ID)
                .filter(
                    col(DqResultsTable.RUN_ID)
                        .equalTo(r.runId())
                        .and(col(DqResultsTable.STATUS).notEqual("pass")))
                .orderBy(DqResultsTable.SOURCE_PATH, DqResultsTable.ROW)
                .limit(10)
                .collectAsList();
    if (!dq.isEmpty()) {
      out.println("Data-quality findings (all in ops.dq_results):");
      for (Row row : dq) {
        // A finding about a whole table (uniqueness, year-over-year) names its table, not a file.
        String about =
            row.getAs(DqResultsTable.SOURCE_PATH) != null
                ? row.getAs(DqResultsTable.SOURCE_PATH)
                : "indicators".equals(row.getAs(DqResultsTable.TARGET))
                    ? "gold.indicators"
                    : "silver." + row.getAs(DqResultsTable.TARGET);
        out.printf(
            "  %s %s: %s%n",
            ((String) row.getAs(DqResultsTable.STATUS)).toUpperCase(),
            Text.printable(about),
            Text.printable(row.getAs(DqResultsTable.MESSAGE)));
      }
    }
    if (!r.headline().isEmpty()) {
      out.println();
      out.println("Indicators (gold.indicators, dimension = total):");
      out.printf(
          "  %-24s %4s %18s %-8s %9s %14s%n",
          "indicator", "year", "value", "unit", "yoy_ratio", "yoy_change_pct");
      for (LoadResult.HeadlineRow h : r.headline()) {
        out.printf(
            "  %-24s %4d %18s %-8s %9s %14s%n",
            h.indicator(),
            h.year(),
            String.format("%,.0f", h.value()),
            h.unit(),
            h.yoyRatio() == null ? "" : String.format("%.1f", h.yoyRatio()),
            h.yoyChangePct() == null ? "" : String.format("%.1f", h.yoyChangePct()));
      }
    }
    out.flush();
  }
}
