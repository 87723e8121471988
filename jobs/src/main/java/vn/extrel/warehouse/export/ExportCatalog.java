package vn.extrel.warehouse.export;

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
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * {@code config/exports.yaml}: column titles, workbook titles by source and unit names in
 * Vietnamese and English, and the exports the nightly job writes. Checked when read: a misspelt
 * format or a missing source names the file and line.
 */
public record ExportCatalog(
    Map<String, Map<String, String>> columns,
    Map<String, Map<String, String>> titles,
    Map<String, Map<String, String>> units,
    List<Export> exports,
    List<Review> reports) {

  /** One declared export. */
  public record Export(String id, String source, List<ExportFormat> formats, String locale) {}

  /**
   * A yearly review the nightly job writes with the exports (bin/warehouse report).
   *
   * @param report its folder under config/reports/
   * @param year the year it covers; null: the year before the run date's
   * @param locales vi, en or both
   */
  public record Review(String report, Integer year, List<ExportLocale> locales) {}

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public static ExportCatalog empty() {
    return new ExportCatalog(Map.of(), Map.of(), Map.of(), List.of(), List.of());
  }

  public static ExportCatalog load(Path configDir) {
    Path file = configDir.resolve("exports.yaml");
    if (!Files.exists(file)) {
      return empty();
    }
    YamlDocument doc =
        YamlDocument.read(
            file,
            (configDir.getFileName() == null ? "config" : configDir.getFileName().toString())
                + "/exports.yaml");
    Map<String, Map<String, String>> columns = names(doc, "columns", "column");
    Map<String, Map<String, String>> titles = names(doc, "titles", "source");
    Map<String, Map<String, String>> units = names(doc, "units", "unit");
    List<Export> exports = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode list = doc.root().path("exports");
    for (int i = 0; i < list.size(); i++) {
      JsonNode x = list.get(i);
      String at = "exports." + i;
      String id = x.path("id").asText("");
      if (!ID.matcher(id).matches()) {
        throw doc.error(
            at + ".id",
            "an export needs an id of lower-case letters, digits, '-' or '_'",
            "e.g. id: fdi-yoy (it names the file)");
      }
      if (!ids.add(id)) {
        throw doc.error(at + ".id", "export '" + id + "' is declared twice", "rename one");
      }
      String source = x.path("source").asText("").trim();
      if (source.isEmpty()) {
        throw doc.error(
            at + ".source",
            "export '" + id + "' has no source",
            "name a table or view (gold.fdi_yoy) or write a SELECT");
      }
      List<ExportFormat> formats = new ArrayList<>();
      JsonNode f = x.path("formats");
      if (!f.isArray() || f.isEmpty()) {
        throw doc.error(
            at + ".formats", "export '" + id + "' has no formats", "e.g. formats: [xlsx, csv]");
      }
      for (int k = 0; k < f.size(); k++) {
        try {
          formats.add(ExportFormat.of(f.get(k).asText()));
        } catch (RuntimeException e) {
          throw doc.error(at + ".formats." + k, e.getMessage(), "use csv, xlsx, json or parquet");
        }
      }
      String locale = x.path("locale").asText("vi");
      if (!locale.equals("vi") && !locale.equals("en")) {
        throw doc.error(at + ".locale", "unknown locale '" + locale + "'", "use vi or en");
      }
      exports.add(new Export(id, source, List.copyOf(formats), locale));
    }
    return new ExportCatalog(columns, titles, units, List.copyOf(exports), reviews(doc));
  }

  private static List<Review> reviews(YamlDocument doc) {
    List<Review> out = new ArrayList<>();
    JsonNode list = doc.root().path("reports");
    for (int i = 0; i < list.size(); i++) {
      JsonNode x = list.get(i);
      String at = "reports." + i;
      String report = x.path("report").asText("");
      if (!ID.matcher(report).matches()) {
        throw doc.error(
            at + ".report",
            "a report entry needs the report's folder name",
            "e.g. report: an-giang (config/reports/an-giang/)");
      }
      Integer year = null;
      JsonNode y = x.path("year");
      if (!y.isMissingNode() && !"last".equals(y.asText())) {
        if (!y.canConvertToInt() || y.asInt() < 1900) {
          throw doc.error(
              at + ".year",
              "year '" + y.asText() + "' is not a year",
              "write a year (2016), or last for the year before the run date");
        }
        year = y.asInt();
      }
      List<ExportLocale> locales = new ArrayList<>();
      JsonNode l = x.path("locales");
      for (JsonNode n :
          l.isMissingNode()
              ? List.of(new com.fasterxml.jackson.databind.node.TextNode("vi"))
              : toList(l)) {
        try {
          locales.add(ExportLocale.of(n.asText()));
        } catch (RuntimeException e) {
          throw doc.error(
              at + ".locales", "unknown locale '" + n.asText() + "'", "use vi, en or [vi, en]");
        }
      }
      out.add(new Review(report, year, List.copyOf(locales)));
    }
    return List.copyOf(out);
  }

  private static List<JsonNode> toList(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  /** A section of {@code key: {vi: ..., en: ...}} entries. */
  private static Map<String, Map<String, String>> names(
      YamlDocument doc, String section, String what) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    JsonNode c = doc.root().path(section);
    for (var it = c.fields(); it.hasNext(); ) {
      var e = it.next();
      Map<String, String> t = new LinkedHashMap<>();
      for (String locale : List.of("vi", "en")) {
        if (e.getValue().path(locale).isTextual()) {
          t.put(locale, e.getValue().path(locale).asText());
        }
      }
      if (t.isEmpty()) {
        throw doc.error(
            section + "." + e.getKey(),
            what + " '" + e.getKey() + "' has no title",
            "write {vi: ..., en: ...}");
      }
      // Sources are matched as typed on the command line, in any case.
      String key =
          section.equals("titles") ? e.getKey().toLowerCase(java.util.Locale.ROOT) : e.getKey();
      out.put(key, Map.copyOf(t));
    }
    return Map.copyOf(out);
  }
}
