package vn.extrel.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportCatalog;
import vn.extrel.warehouse.export.ExportFormat;
import vn.extrel.warehouse.export.ExportTitles;
import vn.extrel.warehouse.export.Exporter;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.SparkSessions;

/** {@code warehouse export}: a table, view or query to CSV, XLSX, JSON or Parquet for a report. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a table, view or SELECT to CSV (UTF-8 with BOM), XLSX, JSON or Parquet, with a manifest",
      "(<file>.manifest.json: rows, SHA-256, Delta versions). Column titles in Vietnamese or English."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Parameters(
      paramLabel = "TABLE_OR_QUERY",
      description = "e.g. gold.fdi_yoy, or \"SELECT ... FROM gold.indicators WHERE ...\"")
  String source;

  @Option(names = "--format", required = true, description = "csv, xlsx, json or parquet")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(
      names = "--locale",
      defaultValue = "vi",
      description =
          "vi or en (default: ${DEFAULT-VALUE}): titles, and in XLSX number and date formats.")
  String locale;

  @Override
  public Integer call() {
    ExportFormat f = ExportFormat.of(format);
    // Refused before Spark starts when the parsed statement already shows a write; the session's
    // guard checks the analysed query (Exporter).
    ReadOnlyGuard.checkText(
        source, ReadOnlyGuard.Access.READ_ONLY, "Export takes a table name or a query");
    Warehouse w = common.warehouse();
    WarehouseConfig config = common.loadConfig();
    SparkSession spark = SparkSessions.getOrCreate();
    SparkSessions.forCommand(spark, w); // before binding, whose log replays are Spark jobs
    WarehouseCatalog.bind(spark, w, config.indicators().views());
    ExportCatalog catalog = ExportCatalog.load(config.dir());
    Exporter.Result r =
        new Exporter(spark, w, config, ExportTitles.of(catalog, config.indicators()))
            .export(source, f, out, locale);
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %,d rows to %s (%s, sha256 %s; versions %s)%n",
            r.rows(), r.file(), f.extension(), r.sha256().substring(0, 12), r.versions());
    spec.commandLine().getOut().flush();
    return WarehouseCli.OK;
  }
}
