package vn.extrel.warehouse.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.FileOutcome;
import vn.extrel.warehouse.load.LoadListener;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.QuarantineTable;
import vn.extrel.warehouse.table.RuleStatus;
import vn.extrel.warehouse.util.Text;

/**
 * The summary a load prints when it ends (files, rows, what was written, findings, the headline
 * indicators), and the lines of tables it repaired as they happen: a listener of the load, so that
 * {@code nightly} prints it before its exports.
 */
final class LoadSummary implements LoadListener {

  private final Warehouse warehouse;
  private final PrintWriter out;
  private final boolean verbose;

  LoadSummary(Warehouse warehouse, PrintWriter out, boolean verbose) {
    this.warehouse = warehouse;
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public void repaired(String runId, String note) {
    out.println("repaired: " + note);
    out.flush();
  }

  @Override
  public void runFinished(String runId, LoadResult result) {
    // The session is there only when something changed: a night with nothing new reads no table.
    printSummary(
        result,
        warehouse,
        result.factsWritten().isEmpty() ? null : SparkSession.active(),
        out,
        verbose);
  }

  /**
   * @param spark null when the run started no session (nothing changed)
   * @param verbose list the ignored files too (lock files, hidden files, notes)
   */
  static void printSummary(
      LoadResult r, Warehouse warehouse, SparkSession spark, PrintWriter out, boolean verbose) {
    out.printf(
        "Run %s: %s in %.1f s (warehouse %s)%n",
        r.runId(), r.status().wire().replace('_', ' '), r.elapsedMillis() / 1000.0, warehouse);
    long skipped = r.count(FileStatus.SKIPPED);
    long ignored = r.count(FileStatus.IGNORED);
    out.printf(
        "Files: %d seen, %d loaded, %d unchanged, %d failed, %d without a layout%s%n",
        r.files().stream().filter(FileOutcome::seen).count(),
        r.count(FileStatus.LOADED),
        r.count(FileStatus.UNCHANGED),
        r.count(FileStatus.FAILED),
        r.count(FileStatus.NO_LAYOUT) + r.count(FileStatus.AMBIGUOUS_LAYOUT),
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
      if (FileStatus.IGNORED.equals(f.status()) && !verbose) {
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
                        .and(col(DqResultsTable.STATUS).notEqual(RuleStatus.PASS.wire())))
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
