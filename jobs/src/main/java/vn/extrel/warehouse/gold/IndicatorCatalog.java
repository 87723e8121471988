package vn.extrel.warehouse.gold;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * The indicators and the gold views, read from {@code config/indicators.yaml} and checked at
 * start-up, so a typo in a measure or breakdown stops the run with the file and line instead of
 * producing an empty figure.
 */
public record IndicatorCatalog(
    List<IndicatorDefinition> indicators, Map<String, String> views, String source) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  public static IndicatorCatalog load(Path file, String displayName) {
    if (!Files.exists(file)) {
      return new IndicatorCatalog(List.of(), Map.of(), displayName);
    }
    YamlDocument doc = YamlDocument.read(file, displayName);
    JsonNode list = doc.root().path("indicators");
    if (!list.isArray()) {
      throw doc.error(
          "indicators",
          "expected a list under 'indicators:'",
          "write 'indicators:' then '- id: ...' entries");
    }
    List<IndicatorDefinition> defs = new java.util.ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "indicators." + i;
      IndicatorDefinition d = doc.bind(list.get(i), at, IndicatorDefinition.class);
      validate(doc, at, d);
      if (!ids.add(d.id())) {
        throw doc.error(
            at + ".id", "indicator '" + d.id() + "' is defined twice", "remove or rename one");
      }
      defs.add(d);
    }
    Map<String, String> views = new LinkedHashMap<>();
    JsonNode v = doc.root().path("views");
    if (!v.isMissingNode()) {
      var it = v.fields();
      while (it.hasNext()) {
        var e = it.next();
        if (!ID.matcher(e.getKey()).matches() || !e.getValue().isTextual()) {
          throw doc.error(
              "views." + e.getKey(),
              "a view is a snake_case name and a SELECT statement",
              "write name: \"SELECT ...\"");
        }
        views.put(e.getKey(), e.getValue().asText());
      }
    }
    return new IndicatorCatalog(List.copyOf(defs), views, displayName);
  }

  /** Checks one indicator, section by section, in the order an analyst reads it. */
  static void validate(YamlDocument doc, String at, IndicatorDefinition d) {
    if (d.id() == null || !ID.matcher(d.id()).matches()) {
      throw doc.error(
          at + ".id",
          "indicator id '" + d.id() + "' is not snake_case",
          "use lower-case letters, digits and _");
    }
    FactTable t = FactTables.ALL.get(d.source());
    if (t == null) {
      throw doc.error(
          at + ".source",
          "unknown source '" + d.source() + "'",
          "use one of " + FactTables.ALL.keySet());
    }
    validateAggregate(doc, at, d, t);
    Set<String> columns = new HashSet<>();
    for (StructField f : t.schema().fields()) {
      columns.add(f.name());
    }
    if (!IndicatorDefinition.VINTAGES.contains(d.vintage())) {
      throw doc.error(
          at + ".vintage",
          "unknown vintage '" + d.vintage() + "'",
          "use one of "
              + IndicatorDefinition.VINTAGES
              + " (which publication's value is the figure where several give it)");
    }
    for (String c : d.filter().keySet()) {
      if (!columns.contains(c)) {
        throw doc.error(
            at + ".filter",
            "filter on unknown column '" + c + "'",
            "use columns of " + t.table() + ": " + columns);
      }
    }
    if (d.unit() == null) {
      throw doc.error(
          at + ".unit",
          "indicator '" + d.id() + "' has no unit",
          "add unit: USD, person, project or activity");
    }
    validateBreakdowns(doc, at, d, t, columns);
  }

  /** A table of values sums a measure of its own; a table of rows counts them. */
  private static void validateAggregate(
      YamlDocument doc, String at, IndicatorDefinition d, FactTable t) {
    String agg = d.aggregate() == null ? (t.isLongFacts() ? "sum" : "count") : d.aggregate();
    if (t.isLongFacts()) {
      if (!"sum".equals(agg)) {
        throw doc.error(
            at + ".aggregate",
            "a " + t.name() + " indicator sums a measure",
            "write aggregate: sum or leave it out");
      }
      if (d.measure() == null || !t.measures().containsKey(d.measure())) {
        throw doc.error(
            at + ".measure",
            "unknown measure '" + d.measure() + "' of " + t.table(),
            "use one of " + t.measures().keySet());
      }
    } else if (!"count".equals(agg)) {
      throw doc.error(
          at + ".aggregate",
          "a " + t.name() + " indicator counts rows",
          "write aggregate: count or leave it out");
    }
  }

  /** Each breakdown is total or columns of the table; a table of values', its member columns. */
  private static void validateBreakdowns(
      YamlDocument doc, String at, IndicatorDefinition d, FactTable t, Set<String> columns) {
    for (Object b : d.breakdowns()) {
      List<?> cols = b instanceof List<?> l ? l : List.of(b);
      for (Object c : cols) {
        if (!(c instanceof String s) || (!"total".equals(s) && !columns.contains(s))) {
          throw doc.error(
              at + ".breakdowns",
              "unknown breakdown '" + c + "'",
              "use total or columns of " + t.table());
        }
        if (t.isLongFacts() && !"total".equals(c) && !members(t).contains(c)) {
          throw doc.error(
              at + ".breakdowns",
              "'" + c + "' is not a member column of " + t.table() + " to break a total down by",
              "use total or one of " + members(t));
        }
      }
    }
  }

  /** The columns a table of values can be broken down by: its members, not the lineage. */
  static List<String> members(FactTable t) {
    List<String> out = new java.util.ArrayList<>();
    for (vn.extrel.warehouse.table.Dimension d : t.dimensions().values()) {
      if (d.isMember()) {
        for (StructField f : FactTable.columnsOf(d)) {
          if (!f.name().endsWith("_name")) {
            out.add(f.name());
          }
        }
      }
    }
    return out;
  }
}
