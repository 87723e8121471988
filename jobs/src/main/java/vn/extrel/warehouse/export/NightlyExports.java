package vn.extrel.warehouse.export;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;

/**
 * The exports {@code config/exports.yaml} declares, written by the nightly job to {@code <dir>/<run
 * date>/<id>.<format>}. A night when nothing changed writes only the files still missing for that
 * date, without starting Spark when none is.
 */
public final class NightlyExports {
  private NightlyExports() {}

  /** Where exports go by default: {@code exports/} in the warehouse's folder on this machine. */
  public static Path defaultDir(Warehouse w) {
    return w.machineDir().resolve("exports");
  }

  public static List<Exporter.Result> run(
      Supplier<SparkSession> sessions,
      Warehouse w,
      WarehouseConfig config,
      ExportCatalog catalog,
      Path dir,
      LocalDate runDate,
      boolean warehouseChanged,
      PrintWriter out) {
    List<Exporter.Result> written = new ArrayList<>();
    Path night = dir.resolve(runDate.toString());
    Exporter exporter = null;
    for (ExportCatalog.Export e : catalog.exports()) {
      for (ExportFormat f : e.formats()) {
        Path file = night.resolve(e.id() + "." + f.extension());
        if (!warehouseChanged && Files.exists(file)) {
          continue;
        }
        if (exporter == null) {
          SparkSession spark = sessions.get();
          WarehouseCatalog.bind(spark, w, config.indicators().views());
          exporter = new Exporter(spark, w, config, ExportTitles.of(catalog, config.indicators()));
        }
        Exporter.Result r = exporter.export(e.source(), f, file, e.locale());
        out.printf("Export %-40s %,8d rows  %s%n", dir.relativize(file), r.rows(), file);
        written.add(r);
      }
    }
    out.flush();
    return written;
  }
}
