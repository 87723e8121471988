package vn.extrel.warehouse.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.export.ExportCatalog;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * The yearly reviews {@code config/exports.yaml} declares under {@code reports:}, written by the
 * nightly job beside the exports, to {@code <dir>/<run date>/<report>-<year>-<locale>.docx} and
 * {@code .html}. Like the exports, a night when nothing changed writes only what is missing; a
 * review whose year the warehouse has no figures for yet is skipped with a line saying so.
 */
public final class NightlyReports {
  private NightlyReports() {}

  public static List<ReportJob.Result> run(
      Supplier<SparkSession> sessions,
      Warehouse w,
      WarehouseConfig config,
      List<ExportCatalog.Review> reviews,
      Path dir,
      LocalDate runDate,
      boolean warehouseChanged,
      PrintWriter out) {
    List<ReportJob.Result> written = new ArrayList<>();
    Path night = dir.resolve(runDate.toString());
    for (ExportCatalog.Review r : reviews) {
      int year = r.year() != null ? r.year() : runDate.getYear() - 1;
      for (ExportLocale locale : r.locales()) {
        ReportJob job =
            new ReportJob(config, new ReportJob.Options(r.report(), year, locale, night));
        if (!warehouseChanged && Files.exists(job.file("docx")) && Files.exists(job.file("html"))) {
          continue;
        }
        try {
          ReportJob.Result res = job.run(sessions.get(), w);
          out.printf(
              "Report %-40s %,8d figures  %s%n",
              dir.relativize(res.docx()), res.figures(), res.html());
          written.add(res);
        } catch (UserException e) {
          if (!e.getMessage().startsWith("gold.indicators has no figure for")) {
            throw e;
          }
          out.printf(
              "Report %s %d (%s) skipped: %s%n", r.report(), year, locale.code(), e.getMessage());
        }
      }
    }
    out.flush();
    return written;
  }
}
