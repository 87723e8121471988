package vn.extrel.warehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.testing.Repo;

/**
 * A one-section report written into a folder, filled in with figures given here (the wording and
 * guard tests need a figure of every shape, which the sample data cannot all provide), through the
 * same FreeMarker templates, helpers and prose parser as {@code bin/warehouse report}.
 */
final class TemplateBench implements Figures {

  static final WarehouseConfig CONFIG = WarehouseConfig.load(Repo.config());

  private final Path dir;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  final Citations citations = new Citations();

  TemplateBench(Path dir) {
    this.dir = dir;
  }

  /** A total for 2016 with the year before, its statuses and its source cells' units. */
  TemplateBench figure(
      String indicator,
      String value,
      String status,
      String prev,
      String prevStatus,
      boolean baseYearHasData,
      Set<String> units,
      Set<String> prevUnits,
      List<Figure.Vintage> vintages) {
    IndicatorDefinition d = definition(indicator);
    BigDecimal v = value == null ? null : new BigDecimal(value);
    BigDecimal p = prev == null ? null : new BigDecimal(prev);
    Double ratio =
        v != null && p != null && p.signum() != 0 ? v.doubleValue() / p.doubleValue() : null;
    FigureLineage lineage =
        new FigureLineage(
            List.of(), Map.of(2016, 5L, 2015, 5L), Map.of(2016, units, 2015, prevUnits));
    figures.put(
        indicator,
        new Figure(
            d,
            new Figure.Key(indicator, "total", "*", 2016),
            null,
            v == null ? null : new Figure.YearValue(v, status, "fdi/Bao-cao-2016.xlsx", null),
            p == null ? null : new Figure.YearValue(p, prevStatus, "fdi/Bao-cao-2015.xlsx", null),
            baseYearHasData,
            ratio,
            null,
            vintages,
            () -> lineage));
    return this;
  }

  /** The section's text in a language, as the HTML and Word writers get it (marks removed). */
  String render(ExportLocale locale, String template) {
    ReportDefinition report = report(template);
    ReportTemplates templates = new ReportTemplates(report, locale);
    Helpers helpers = new Helpers(this, locale, citations, report, CONFIG.reference());
    List<String> paragraphs = new ArrayList<>();
    for (Prose.Paragraph p :
        Prose.parse(templates.render(report.sections().get(0), helpers.model("An Giang")))) {
      paragraphs.add(p.plain());
    }
    return String.join("\n", paragraphs);
  }

  /** Writes report.yaml and the section's templates (the same text in both languages). */
  ReportDefinition report(String template) {
    try {
      Files.writeString(
          dir.resolve("report.yaml"),
          "title: {vi: \"Báo cáo {year}\", en: \"Review {year}\"}\n"
              + "province: {vi: An Giang, en: An Giang}\n"
              + "sections:\n"
              + "  - id: s\n"
              + "    title: {vi: Mục, en: Section}\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("s.vi.ftl"), template, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("s.en.ftl"), template, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ReportDefinition.load(dir, "reports/t", CONFIG.indicators());
  }

  @Override
  public int year() {
    return 2016;
  }

  @Override
  public IndicatorDefinition definition(String indicator) {
    return CONFIG.indicators().indicators().stream()
        .filter(d -> d.id().equals(indicator))
        .findFirst()
        .orElse(null);
  }

  @Override
  public List<String> indicators() {
    return CONFIG.indicators().indicators().stream().map(IndicatorDefinition::id).toList();
  }

  @Override
  public Figure figure(IndicatorDefinition indicator, String dimension, String member) {
    Figure f = figures.get(indicator.id());
    if (f == null) {
      throw new IllegalStateException("the bench has no " + indicator.id());
    }
    return f;
  }

  @Override
  public List<Figure> members(IndicatorDefinition indicator, String dimension) {
    return List.of();
  }
}
