package vn.extrel.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.report.ReportJob;
import vn.extrel.warehouse.spark.SparkSessions;

/** {@code warehouse report}: the yearly review as a Word document and an HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the yearly external-relations review from the templates in config/reports/<report>/:",
      "a Word document (DOCX, a footnote per figure, a table of sources) and a standalone HTML page",
      "(every figure links to its source cells), in Vietnamese or English."
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Option(names = "--year", required = true, description = "The year the review covers.")
  int year;

  @Option(
      names = "--locale",
      defaultValue = "vi",
      description =
          "vi or en (default: ${DEFAULT-VALUE}): which templates, how numbers are written.")
  String locale;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Where the files go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--report",
      paramLabel = "ID",
      description = "The report folder under config/reports/ (default: the only one there).")
  String report;

  @Override
  public Integer call() {
    WarehouseConfig config = common.loadConfig();
    // Templates are checked here, before Spark starts.
    ReportJob job =
        new ReportJob(config, new ReportJob.Options(report, year, ExportLocale.of(locale), out));
    SparkSession spark = SparkSessions.getOrCreate();
    SparkSessions.forCommand(spark, common.warehouse());
    ReportJob.Result r = job.run(spark, common.warehouse());
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s and %s: %d sections, %d figures with %d source cells, %d charts (versions"
                + " %s)%n",
            r.docx(),
            r.html(),
            r.sections(),
            r.figures(),
            r.sourceCells(),
            r.charts(),
            r.versions());
    spec.commandLine().getOut().flush();
    return WarehouseCli.OK;
  }
}
