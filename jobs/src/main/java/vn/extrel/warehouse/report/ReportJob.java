package vn.extrel.warehouse.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportCatalog;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * Writes the yearly external-relations review of a report in {@code config/reports/<id>/}: each
 * section's template filled in with the year's figures, as a Word document and a standalone HTML
 * page, every figure tied to its source cells.
 *
 * <p>The templates are parsed when the job is made (a mistake stops it before Spark starts), and
 * every section is filled in before anything is written: a template that fails on the data leaves
 * no half-written report behind.
 */
public final class ReportJob {

  /**
   * @param report the folder name under config/reports/; null: the only one there
   * @param outDir where the two files go
   */
  public record Options(String report, int year, ExportLocale locale, Path outDir) {}

  /** What was written. */
  public record Result(
      String report,
      int year,
      ExportLocale locale,
      Path docx,
      Path html,
      int sections,
      int figures,
      int charts,
      long sourceCells,
      Map<String, Long> versions) {}

  private final WarehouseConfig config;
  private final Options options;
  private final ReportDefinition report;
  private final ReportTemplates templates;

  public ReportJob(WarehouseConfig config, Options options) {
    this.config = config;
    this.options = options;
    this.report = definition(config, options.report());
    this.templates = new ReportTemplates(report, options.locale());
  }

  /** The report folder's id. */
  public String report() {
    return report.id();
  }

  /** The files a run writes: {@code <out>/<report>-<year>-<locale>.docx} and {@code .html}. */
  public Path file(String extension) {
    return options
        .outDir()
        .resolve(
            report.id() + "-" + options.year() + "-" + options.locale().code() + "." + extension);
  }

  static ReportDefinition definition(WarehouseConfig config, String id) {
    Path reports = config.dir().resolve("reports");
    List<String> known = ReportDefinition.available(reports);
    if (known.isEmpty()) {
      throw ReportErrors.noReports(reports);
    }
    String chosen = id;
    if (chosen == null) {
      if (known.size() > 1) {
        throw ReportErrors.severalReports(known);
      }
      chosen = known.get(0);
    } else if (!known.contains(chosen)) {
      throw ReportErrors.unknownReport(chosen, known);
    }
    String shown =
        (config.dir().getFileName() == null ? "config" : config.dir().getFileName().toString())
            + "/reports/"
            + chosen;
    return ReportDefinition.load(reports.resolve(chosen), shown, config.indicators());
  }

  public Result run(SparkSession spark, Warehouse w) {
    ExportLocale locale = options.locale();
    int year = options.year();
    WarehouseFigures figures = new WarehouseFigures(spark, w, config, year);
    Names names = new Names(config.reference(), report, locale);
    String province = report.province(locale);

    // A dry pass learns which figures the text cites, so their cells are read in a few queries.
    figures.startPass(true);
    fill(figures, new Citations(), province);
    figures.startPass(false);
    Citations citations = new Citations();
    List<List<Prose.Paragraph>> texts = fill(figures, citations, province);

    List<Rendered.Section> sections = new ArrayList<>();
    int charts = 0;
    for (int i = 0; i < report.sections().size(); i++) {
      ReportDefinition.Section s = report.sections().get(i);
      List<ReportCharts.Drawn> drawn = new ArrayList<>();
      for (ReportDefinition.Chart c : s.charts()) {
        drawn.add(ReportCharts.draw(c, figures, names, locale, year));
      }
      charts += drawn.size();
      sections.add(
          new Rendered.Section(
              s.id(), s.title().getOrDefault(locale.code(), s.id()), texts.get(i), drawn));
    }
    Rendered rendered =
        new Rendered(
            report.title(locale, year),
            locale,
            year,
            sections,
            citations.figures(),
            figures.versions(),
            LocalDateTime.now(ZoneOffset.UTC));
    LineageText lineage = new LineageText(locale, names, ExportCatalog.load(config.dir()).units());
    String html = HtmlReport.render(rendered, lineage);
    Path docx = file("docx");
    Path page = file("html");
    write(docx, out -> DocxReport.write(rendered, lineage, out));
    write(page, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    long cells = rendered.figures().stream().mapToLong(f -> f.lineage().cells().size()).sum();
    return new Result(
        report.id(),
        year,
        locale,
        docx,
        page,
        sections.size(),
        rendered.figures().size(),
        charts,
        cells,
        figures.versions());
  }

  private List<List<Prose.Paragraph>> fill(
      WarehouseFigures figures, Citations citations, String province) {
    Helpers helpers = new Helpers(figures, options.locale(), citations, report, config.reference());
    Map<String, Object> model = helpers.model(province);
    List<List<Prose.Paragraph>> out = new ArrayList<>();
    for (ReportDefinition.Section s : report.sections()) {
      out.add(Prose.parse(templates.render(s, model)));
    }
    return out;
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Written aside and moved into place: a reader never opens a half-written file. */
  private static void write(Path target, Writer writer) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".report-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw ReportErrors.cannotWrite(target, e);
    }
  }
}
