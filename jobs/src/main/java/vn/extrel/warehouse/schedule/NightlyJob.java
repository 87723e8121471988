package vn.extrel.warehouse.schedule;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportCatalog;
import vn.extrel.warehouse.export.Exporter;
import vn.extrel.warehouse.export.NightlyExports;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadListener;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.report.NightlyReports;
import vn.extrel.warehouse.report.ReportJob;
import vn.extrel.warehouse.table.RunStatus;

/**
 * The nightly job: the load of what changed, then the exports and yearly reviews that {@code
 * config/exports.yaml} declares for the night. {@code warehouse nightly} runs it once, the
 * scheduler at every fire time; the configuration is read again at each run, so what analysts
 * edited during the day counts that night.
 */
public final class NightlyJob {

  /** Where the warehouse's nights are counted: a run at 01:00 in Viet Nam stands for that date. */
  public static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * @param load the load's options
   * @param runDate the night the run stands for; null: today in Viet Nam, by the job's clock
   * @param skipExports {@code --no-exports}
   * @param exportsDir where the exports go; null: {@code <warehouse>/exports}
   */
  public record Options(
      LoadJob.Options load, LocalDate runDate, boolean skipExports, Path exportsDir) {}

  /**
   * @param load the load's result
   * @param night the night the exports stand for
   * @param exports the exports written (empty when none are declared, or skipped)
   * @param reviews the yearly reviews written
   */
  public record NightlyResult(
      LoadResult load,
      LocalDate night,
      List<Exporter.Result> exports,
      List<ReportJob.Result> reviews) {

    /** A file failed, matched no layout, or a rule found an error: the exit code says so. */
    public boolean anyFailed() {
      return load.anyFailed();
    }
  }

  private final Supplier<WarehouseConfig> config;
  private final Options options;
  private final LoadListener listener;
  private final Clock clock;
  private final PrintWriter out;

  /**
   * @param config read at each run
   * @param out where the exports say what they wrote
   */
  public NightlyJob(
      Supplier<WarehouseConfig> config,
      Options options,
      LoadListener listener,
      Clock clock,
      PrintWriter out) {
    this.config = config;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.out = out;
  }

  /** Runs the night; the session is built only if something changed or an export needs it. */
  public NightlyResult run(Supplier<SparkSession> sessions) {
    WarehouseConfig config = this.config.get();
    LoadResult load = new LoadJob(config, options.load(), listener).run(sessions);
    LocalDate night =
        options.runDate() != null ? options.runDate() : LocalDate.now(clock.withZone(VIET_NAM));
    ExportCatalog declared = ExportCatalog.load(config.dir());
    if (options.skipExports() || declared.exports().isEmpty() && declared.reports().isEmpty()) {
      return new NightlyResult(load, night, List.of(), List.of());
    }
    Warehouse warehouse = options.load().warehouse();
    Path dir =
        options.exportsDir() != null ? options.exportsDir() : NightlyExports.defaultDir(warehouse);
    boolean changed = load.status() != RunStatus.NOTHING_TO_DO;
    List<Exporter.Result> exports =
        NightlyExports.run(sessions, warehouse, config, declared, dir, night, changed, out);
    List<ReportJob.Result> reviews =
        NightlyReports.run(
            sessions, warehouse, config, declared.reports(), dir, night, changed, out);
    return new NightlyResult(load, night, exports, reviews);
  }
}
