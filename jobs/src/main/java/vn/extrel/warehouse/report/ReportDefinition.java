package vn.extrel.warehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * A report's {@code report.yaml}: its title, its sections in order (each with a template per
 * language and its charts) and the words its prose uses for codes. Checked when read, with the file
 * and line of a mistake.
 *
 * @param dir the report's folder, {@code config/reports/<id>/}
 * @param shown the folder as messages name it
 */
public record ReportDefinition(
    String id,
    Path dir,
    String shown,
    Map<String, String> title,
    Map<String, String> province,
    List<Section> sections,
    Map<String, Map<String, String>> words) {

  /** One section: a heading, a template per language, charts after the text. */
  public record Section(String id, Map<String, String> title, String template, List<Chart> charts) {

    /** The template file of a language: {@code <template>.<vi|en>.ftl}. */
    public String templateFile(ExportLocale locale) {
      return template + "." + locale.code() + ".ftl";
    }
  }

  /** What a chart shows. */
  public enum ChartKind {
    /** Indicators' totals by year, up to the report year. */
    SERIES,
    /** One indicator's breakdown for the report year, largest first. */
    BREAKDOWN
  }

  /** A chart of a section. */
  public record Chart(
      ChartKind kind, List<String> indicators, String dimension, Map<String, String> title) {}

  public static final String FILE = "report.yaml";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public String province(ExportLocale locale) {
    return province.getOrDefault(locale.code(), "");
  }

  public String title(ExportLocale locale, int year) {
    return title.getOrDefault(locale.code(), id).replace("{year}", Integer.toString(year));
  }

  /** The prose word of a code ("field.education"), or null where report.yaml gives none. */
  public String word(String key, ExportLocale locale) {
    Map<String, String> w = words.get(key);
    return w == null ? null : w.get(locale.code());
  }

  /** The report folders under {@code config/reports/}, by id. */
  public static List<String> available(Path reportsDir) {
    if (!Files.isDirectory(reportsDir)) {
      return List.of();
    }
    try (var s = Files.list(reportsDir)) {
      return s.filter(p -> Files.exists(p.resolve(FILE)))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot list " + reportsDir, e);
    }
  }

  public static ReportDefinition load(Path dir, String shown, IndicatorCatalog indicators) {
    YamlDocument doc = YamlDocument.read(dir.resolve(FILE), shown + "/" + FILE);
    JsonNode root = doc.root();
    Map<String, String> title = texts(doc, root.path("title"), "title", true);
    Map<String, String> province = texts(doc, root.path("province"), "province", true);
    List<Section> sections = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode list = root.path("sections");
    if (!list.isArray() || list.isEmpty()) {
      throw doc.error(
          "sections",
          "a report needs a list of sections",
          "write 'sections:' then '- id: fdi' entries, one per template (docs/ANALYSTS.md)");
    }
    Set<String> known = new HashSet<>();
    indicators.indicators().forEach(d -> known.add(d.id()));
    for (int i = 0; i < list.size(); i++) {
      String at = "sections." + i;
      JsonNode s = list.get(i);
      String id = s.path("id").asText("");
      if (!ID.matcher(id).matches()) {
        throw doc.error(
            at + ".id",
            "a section needs an id of lower-case letters, digits, '-' or '_'",
            "e.g. id: fdi (its templates are then fdi.vi.ftl and fdi.en.ftl)");
      }
      if (!ids.add(id)) {
        throw doc.error(at + ".id", "section '" + id + "' is listed twice", "rename one");
      }
      String template = s.path("template").asText(id);
      Section section =
          new Section(
              id,
              texts(doc, s.path("title"), at + ".title", true),
              template,
              charts(doc, s.path("charts"), at + ".charts", known, indicators));
      for (ExportLocale l : ExportLocale.values()) {
        if (!Files.exists(dir.resolve(section.templateFile(l)))) {
          throw doc.error(
              at + ".id",
              "section '" + id + "' has no template " + shown + "/" + section.templateFile(l),
              "write that file (the "
                  + (l == ExportLocale.VI ? "Vietnamese" : "English")
                  + " text of the section), or set template: to the name of an existing one");
        }
      }
      sections.add(section);
    }
    Map<String, Map<String, String>> words = new LinkedHashMap<>();
    for (var it = root.path("words").fields(); it.hasNext(); ) {
      var e = it.next();
      words.put(e.getKey(), texts(doc, e.getValue(), "words." + e.getKey(), false));
    }
    return new ReportDefinition(
        dir.getFileName().toString(),
        dir,
        shown,
        Map.copyOf(title),
        Map.copyOf(province),
        List.copyOf(sections),
        Map.copyOf(words));
  }

  private static List<Chart> charts(
      YamlDocument doc, JsonNode list, String at, Set<String> known, IndicatorCatalog catalog) {
    List<Chart> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String here = at + "." + i;
      ChartKind kind;
      if (c.has("series")) {
        kind = ChartKind.SERIES;
      } else if (c.has("breakdown")) {
        kind = ChartKind.BREAKDOWN;
      } else {
        throw doc.error(
            here,
            "a chart needs 'series: [indicators]' or 'breakdown: indicator'",
            "e.g. series: [fdi_registered_usd, fdi_disbursed_usd], or breakdown: activity_count"
                + " with dimension: partner_country");
      }
      JsonNode ids = c.path(kind == ChartKind.SERIES ? "series" : "breakdown");
      List<String> indicators = new ArrayList<>();
      List<JsonNode> given = new ArrayList<>();
      if (ids.isArray()) {
        ids.forEach(given::add);
      } else {
        given.add(ids);
      }
      for (JsonNode n : given) {
        if (!known.contains(n.asText())) {
          throw doc.error(
              here,
              "unknown indicator '" + n.asText() + "'",
              "use one of " + known.stream().sorted().toList());
        }
        indicators.add(n.asText());
      }
      String dimension = c.path("dimension").asText(null);
      if (kind == ChartKind.BREAKDOWN) {
        IndicatorDefinition d =
            catalog.indicators().stream()
                .filter(x -> x.id().equals(indicators.get(0)))
                .findFirst()
                .orElseThrow();
        List<String> dims =
            d.breakdownColumns().stream()
                .filter(b -> !b.isEmpty())
                .map(IndicatorDefinition::dimensionLabel)
                .toList();
        if (dimension == null || !dims.contains(dimension)) {
          throw doc.error(
              here,
              "a breakdown chart of " + d.id() + " needs dimension: one of its breakdowns",
              "use one of " + dims);
        }
      }
      out.add(
          new Chart(
              kind,
              List.copyOf(indicators),
              dimension,
              Map.copyOf(texts(doc, c.path("title"), here + ".title", true))));
    }
    return List.copyOf(out);
  }

  /** {vi: ..., en: ...}. */
  private static Map<String, String> texts(
      YamlDocument doc, JsonNode node, String at, boolean both) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ExportLocale l : ExportLocale.values()) {
      if (node.path(l.code()).isTextual()) {
        out.put(l.code(), node.path(l.code()).asText());
      } else if (both) {
        throw doc.error(
            at,
            "'" + at + "' needs a " + l.code() + " text",
            "write {vi: ..., en: ...} (quote a text with a colon or a comma)");
      }
    }
    if (out.isEmpty()) {
      throw doc.error(at, "'" + at + "' has no text", "write {vi: ..., en: ...}");
    }
    return out;
  }
}
