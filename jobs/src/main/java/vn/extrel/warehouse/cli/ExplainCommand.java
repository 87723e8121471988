package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.explain.ExplainJob;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * {@code warehouse explain}: a figure, how it is computed, and the source cells behind it and its
 * base.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Shows how an indicator's value for a year was computed and the source cells behind it and the year before.")
public final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Parameters(index = "0", paramLabel = "INDICATOR", description = "e.g. fdi_disbursed_usd")
  String indicator;

  @Option(names = "--year", required = true, description = "The year of the figure.")
  int year;

  @Option(
      names = "--dimension",
      description = "total (default), a column such as partner_country, or a cross a/b.")
  String dimension;

  @Option(
      names = "--member",
      description =
          "* for the total (default), else the ISO code, type or field (a/b for a cross).")
  String member;

  @Override
  public Integer call() {
    WarehouseConfig config = common.loadConfig();
    SparkSession spark = SparkSessions.getOrCreate();
    ExplainJob.Explanation e =
        new ExplainJob(config).run(spark, common.warehouse(), indicator, year, dimension, member);
    print(e, spec.commandLine().getOut());
    return WarehouseCli.OK;
  }

  static void print(ExplainJob.Explanation e, PrintWriter out) {
    Row f = e.figure();
    String unit = f.getAs(IndicatorsTable.UNIT);
    out.printf(
        "%s (%s / %s), %d, %s = %s%n",
        e.definition().id(),
        e.definition().nameVi(),
        e.definition().nameEn(),
        e.year(),
        e.dimension(),
        e.member());
    out.printf(
        "  value      %s %s   (%s; %d source rows)%n",
        amount(f.getAs(IndicatorsTable.VALUE)),
        unit,
        f.getAs(IndicatorsTable.STATUS),
        f.<Long>getAs(IndicatorsTable.SOURCE_ROWS));
    BigDecimal prev = f.getAs(IndicatorsTable.PREV_VALUE);
    out.printf(
        "  %d       %s%n",
        e.year() - 1,
        prev == null ? "no value: no year-over-year comparison" : amount(prev) + " " + unit);
    Double ratio = f.getAs(IndicatorsTable.YOY_RATIO);
    if (ratio != null) {
      out.printf(
          "  ratio      %.2f = %s / %s; change %s (%+.1f %%)%n",
          ratio,
          amount(f.getAs(IndicatorsTable.VALUE)),
          amount(prev),
          amount(f.getAs(IndicatorsTable.YOY_CHANGE)),
          f.<Double>getAs(IndicatorsTable.YOY_CHANGE_PCT));
    }
    out.println("  computed   " + e.computation());
    if (e.vintages().size() > 1) {
      out.println();
      out.println("As published (" + e.vintages().size() + " publications of " + e.year() + "):");
      for (Row v : e.vintages()) {
        Object published = v.getAs(IndicatorsTable.PUBLISHED);
        String edition = v.getAs(VintagesTable.EDITION);
        out.printf(
            "  %-16s %s%s%s%n",
            amount(v.getAs(IndicatorsTable.VALUE)),
            v.getAs(IndicatorsTable.PUBLICATION),
            (edition == null ? "" : "  edition " + edition)
                + (published == null ? "" : "  published " + published)
                + "  "
                + v.getAs(IndicatorsTable.STATUS),
            Boolean.TRUE.equals(v.getAs(VintagesTable.CURRENT)) ? "   <- the figure" : "");
      }
    }
    section(out, "Source cells of " + e.year(), e.current(), e.currentCount());
    section(out, "Source cells of " + (e.year() - 1), e.previous(), e.previousCount());
    if (e.notCountedCount() > 0) {
      section(
          out,
          "Also given for "
              + e.year()
              + ", not counted (an earlier publication of the same value, or another breakdown"
              + " of the same total)",
          e.notCounted(),
          e.notCountedCount());
    }
    out.flush();
  }

  private static void section(
      PrintWriter out, String title, List<ExplainJob.Source> sources, long total) {
    out.println();
    out.println(title + " (" + total + "):");
    String lastFile = null;
    for (ExplainJob.Source s : sources) {
      String file =
          s.path()
              + "  sha256 "
              + s.sha256().substring(0, 12)
              + "…"
              + (s.sheet() == null ? "" : "  sheet '" + s.sheet() + "'");
      if (!Objects.equals(file, lastFile)) {
        out.println("  " + file);
        lastFile = file;
      }
      if (s.value() != null) {
        out.printf(
            "    %-6s %-14s %-40s = %16s   %s%n",
            s.cell(), "\"" + s.rawText() + "\"", s.rule(), amount(s.value()), s.what());
      } else {
        out.printf("    row %-4d cells %-24s %s%n", s.row(), s.cell(), s.what());
      }
    }
    if (total > sources.size()) {
      out.println("    … and " + (total - sources.size()) + " more");
    }
  }

  private static String amount(BigDecimal d) {
    return d == null ? "" : String.format("%,.2f", d).replaceAll("\\.00$", "");
  }
}
