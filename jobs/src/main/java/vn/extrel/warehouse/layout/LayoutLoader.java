package vn.extrel.warehouse.layout;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.extrel.warehouse.parse.NumberLocale;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FieldType;
import vn.extrel.warehouse.util.CellRef;
import vn.extrel.warehouse.yaml.ConfigException;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * Reads and checks every layout in a folder. A mistake stops the start-up with the file, the line
 * and the fix, before any data is touched.
 */
public final class LayoutLoader {
  private LayoutLoader() {}

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9_]*");

  public static Map<String, Layout> loadAll(Path dir, String displayDir, Reference reference) {
    Map<String, Layout> layouts = new LinkedHashMap<>();
    List<Path> files = YamlDocument.filesIn(dir);
    for (Path f : files) {
      String name = displayDir + "/" + f.getFileName();
      YamlDocument doc = YamlDocument.read(f, name);
      Layout layout = load(doc, reference);
      Layout previous = layouts.put(layout.id(), layout);
      if (previous != null) {
        throw doc.error(
            "id",
            "layout id '" + layout.id() + "' is also used by " + previous.source(),
            "give each layout its own id");
      }
    }
    return layouts;
  }

  public static Layout load(YamlDocument doc, Reference reference) {
    Layout l = doc.bind(Layout.class).withSource(doc.name());
    validate(l, doc, reference);
    return l;
  }

  static void validate(Layout l, YamlDocument doc, Reference reference) {
    require(
        doc,
        l.id() != null && ID.matcher(l.id()).matches(),
        "id",
        "the layout needs an id of lower-case letters, digits, - and _",
        "add e.g. id: an-giang-fdi-by-partner");
    FactTable target = FactTables.ALL.get(l.target());
    require(
        doc,
        target != null,
        "target",
        "unknown target '" + l.target() + "'",
        "use one of " + FactTables.ALL.keySet());
    require(
        doc,
        l.dataset() != null && DATASET.matcher(l.dataset()).matches(),
        "dataset",
        "the layout needs a dataset name in snake_case",
        "add e.g. dataset: an_giang_fdi");
    require(
        doc,
        l.match() != null && (!l.match().files().isEmpty() || l.match().regex() != null),
        "match",
        "the layout says no files",
        "add match: {files: [\"fdi/*.xlsx\"]}");
    regex(doc, "match.regex", l.match().regex());
    Layout.Sheets s = l.sheets();
    int chosen =
        (s.name() != null ? 1 : 0)
            + (s.regex() != null ? 1 : 0)
            + (s.index() != null ? 1 : 0)
            + (s.every() ? 1 : 0);
    require(
        doc,
        chosen <= 1,
        "sheets",
        "choose sheets by one of name, regex, index or all",
        "keep only one of them");
    regex(doc, "sheets.regex", s.regex());
    require(
        doc,
        Set.of("auto", "xlsx", "xls", "csv").contains(l.format().type()),
        "format.type",
        "unknown format '" + l.format().type() + "'",
        "use auto, xlsx, xls or csv");
    if (!"auto".equalsIgnoreCase(l.format().encoding())) {
      require(
          doc,
          Charset.isSupported(l.format().encoding()),
          "format.encoding",
          "unknown encoding '" + l.format().encoding() + "'",
          "use auto, utf-8, utf-16 or windows-1258");
    }
    require(
        doc,
        NumberLocale.of(l.number().locale()) != null,
        "number.locale",
        "unknown number locale '" + l.number().locale() + "'",
        "use vi (6.785 = 6785) or en (1,342.30)");
    require(
        doc,
        Set.of("quarantine", "thousands").contains(l.number().ambiguous()),
        "number.ambiguous",
        "unknown rule '" + l.number().ambiguous() + "'",
        "use quarantine or thousands");
    Layout.TableSpec t = l.table();
    require(
        doc,
        t.headerRows() >= 1 && t.headerRows() <= 6,
        "table.header_rows",
        "header_rows must be 1 to 6",
        "count the rows the header spans");
    require(
        doc,
        t.range() == null || t.range().matches("(?i)[A-Z]+\\d+:[A-Z]+\\d+"),
        "table.range",
        "range '" + t.range() + "' is not an A1 range",
        "write it like A5:F40");
    regex(doc, "table.start_after", t.startAfter());
    regex(doc, "table.stop_before", t.stopBefore());
    require(
        doc,
        Set.of("skip", "keep").contains(t.hiddenRows()),
        "table.hidden_rows",
        "use skip or keep",
        null);
    require(
        doc,
        Set.of("skip", "keep").contains(t.hiddenColumns()),
        "table.hidden_columns",
        "use skip or keep",
        null);
    for (String name : t.locateBy()) {
      require(
          doc,
          l.columns().containsKey(name),
          "table.locate_by",
          "locate_by names '" + name + "', which is not a column",
          "use names from 'columns:'");
    }
    require(
        doc,
        !l.columns().isEmpty(),
        "columns",
        "the layout maps no columns",
        "add columns: with at least one entry");
    boolean hasYear = false;
    for (Map.Entry<String, Layout.ColumnSpec> e : l.columns().entrySet()) {
      String at = "columns." + e.getKey();
      Layout.ColumnSpec c = e.getValue();
      String field = c.field() == null ? e.getKey() : c.field();
      boolean pseudo = PSEUDO_FIELDS.contains(field);
      require(
          doc,
          target.accepts(field) || (pseudo && l.rowsAreMeasures()),
          at,
          "'" + field + "' is not a field or measure of " + target.table(),
          "use field: with one of "
              + target.dimensions().keySet()
              + (target.measures().isEmpty() ? "" : " or measures " + target.measures().keySet())
              + (pseudo
                  ? ("; field: "
                      + field
                      + " is for key-indicator sheets, whose rows name measures:"
                      + " add measures: with the row labels of each measure")
                  : ""));
      require(
          doc,
          !c.aliases().isEmpty() || c.column() != null || c.isYearColumns(),
          at,
          "column '" + e.getKey() + "' has neither aliases nor a fixed column letter",
          "add aliases: [\"header text\"] or column: B");
      require(
          doc,
          c.column() == null || CellRef.columnIndex(c.column()) >= 0,
          at + ".column",
          "'" + c.column() + "' is not a column letter",
          "write e.g. column: B");
      require(
          doc,
          c.locale() == null || NumberLocale.of(c.locale()) != null,
          at + ".locale",
          "unknown number locale '" + c.locale() + "'",
          "use vi or en");
      require(
          doc,
          c.ambiguous() == null || Set.of("quarantine", "thousands").contains(c.ambiguous()),
          at + ".ambiguous",
          "unknown rule '" + c.ambiguous() + "'",
          "use quarantine or thousands");
      require(
          doc,
          c.unit() == null || Unit.parse(c.unit()) != null,
          at + ".unit",
          "unknown unit '" + c.unit() + "'",
          "use e.g. USD, nghìn USD, triệu USD, tỷ đồng, người, dự án, %");
      require(
          doc,
          !c.isYearColumns()
              || target.measures().containsKey(field)
              || Layout.VALUE_FIELD.equals(field),
          at + ".year_columns",
          "year_columns is for measures; '" + field + "' is not one",
          "map the year columns to a measure");
      for (String k : c.set().keySet()) {
        require(
            doc,
            target.dimensions().containsKey(k),
            at + ".set",
            "set names '" + k + "', not a field of " + target.table(),
            "use one of " + target.dimensions().keySet());
      }
      if (c.dateFormat() != null) {
        try {
          DateTimeFormatter.ofPattern(c.dateFormat());
        } catch (IllegalArgumentException ex) {
          throw doc.error(
              at + ".date_format", "bad date format: " + ex.getMessage(), "write e.g. dd/MM/yyyy");
        }
      }
      Dimension d = target.dimensions().get(field);
      if (d != null && d.type() == FieldType.CODE) {
        require(
            doc,
            reference.codeList(d.codeList()).isPresent(),
            at,
            "the code list '" + d.codeList() + "' is missing from codes.yaml",
            "add it to config/reference/codes.yaml");
      }
      // A period ("Quý I/2016") and a date carry their year.
      hasYear |=
          field.equals(FactTable.YEAR)
              || field.equals(FactTable.PERIOD)
              || field.equals("date")
              || c.isYearColumns();
    }
    hasYear |= l.period().year() != null || l.constants().containsKey(FactTable.YEAR);
    rowMeasures(l, doc, target);
    publication(l, doc);
    require(
        doc,
        hasYear,
        "columns",
        "nothing gives the year of a row",
        "add a year column, year_columns: true on the amounts, or period: {year: {title: 'năm (\\\\d{4})'}}");
    period(doc, "period.year", l.period().year());
    period(doc, "period.period", l.period().period());
    period(doc, "period.status", l.period().status());
    require(
        doc,
        l.rows().labelColumn() == null || l.columns().containsKey(l.rows().labelColumn()),
        "rows.label_column",
        "label_column names '" + l.rows().labelColumn() + "', which is not a column",
        "use a name from 'columns:'");
    for (int i = 0; i < l.sections().size(); i++) {
      Layout.SectionSpec sec = l.sections().get(i);
      String at = "sections." + i;
      require(
          doc,
          sec.match() != null,
          at,
          "a section needs match: (a regex on the section row)",
          null);
      regex(doc, at + ".match", sec.match());
      for (Map.Entry<String, String> f : sec.fields().entrySet()) {
        require(
            doc,
            l.columns().containsKey(f.getKey()),
            at + ".fields",
            "'" + f.getKey() + "' is not a column of the layout",
            "use names from 'columns:'");
        require(
            doc,
            target.accepts(f.getValue()),
            at + ".fields",
            "'" + f.getValue() + "' is not a field of " + target.table(),
            "use one of " + target.dimensions().keySet());
      }
    }
    for (String k : l.constants().keySet()) {
      require(
          doc,
          target.dimensions().containsKey(k),
          "constants",
          "constant '" + k + "' is not a field of " + target.table(),
          "use one of " + target.dimensions().keySet());
    }
  }

  private static final Set<String> PSEUDO_FIELDS =
      Set.of(Layout.MEASURE_FIELD, Layout.VALUE_FIELD, Layout.UNIT_FIELD);

  /** A key-indicator layout: measures named by the row labels, one label and value columns. */
  private static void rowMeasures(Layout l, YamlDocument doc, FactTable target) {
    if (!l.rowsAreMeasures()) {
      return;
    }
    require(
        doc,
        target.isLongFacts(),
        "measures",
        "measures: is for tables of figures; " + target.table() + " has one row per activity",
        "remove measures:");
    for (Map.Entry<String, List<String>> m : l.measures().entrySet()) {
      require(
          doc,
          target.measures().containsKey(m.getKey()),
          "measures." + m.getKey(),
          "'" + m.getKey() + "' is not a measure of " + target.table(),
          "use one of " + target.measures().keySet());
      require(
          doc,
          m.getValue() != null && !m.getValue().isEmpty(),
          "measures." + m.getKey(),
          "measure '" + m.getKey() + "' lists no row labels",
          "write e.g. " + m.getKey() + ": [\"Vốn đăng ký\"]");
    }
    long labels =
        l.columns().keySet().stream()
            .filter(c -> Layout.MEASURE_FIELD.equals(l.fieldOf(c)))
            .count();
    long values =
        l.columns().keySet().stream().filter(c -> Layout.VALUE_FIELD.equals(l.fieldOf(c))).count();
    require(
        doc,
        labels == 1,
        "columns",
        "a layout with measures: needs exactly one column with field: measure (the row labels), not "
            + labels,
        "add e.g. chi_tieu: {aliases: [\"Chỉ tiêu\"], field: measure}");
    require(
        doc,
        values >= 1,
        "columns",
        "a layout with measures: needs the columns of the figures, with field: value",
        "add e.g. values: {field: value, year_columns: true}");
  }

  private static void publication(Layout l, YamlDocument doc) {
    Layout.PublicationSpec p = l.publication();
    require(
        doc,
        Set.of("auto", "report", "records").contains(p.kind()),
        "publication.kind",
        "unknown kind '" + p.kind() + "'",
        "use auto, report (each file a report: a later one replaces an earlier one's figures) or"
            + " records (rows are transactions, summed over files)");
    period(doc, "publication.date", p.date());
    period(doc, "publication.edition", p.edition());
  }

  private static void period(YamlDocument doc, String at, Layout.ValueSource v) {
    if (v == null) {
      return;
    }
    regex(doc, at + ".file_name", v.fileName());
    regex(doc, at + ".sheet_name", v.sheetName());
    if (!"auto".equalsIgnoreCase(v.title())) {
      regex(doc, at + ".title", v.title());
    }
  }

  private static void regex(YamlDocument doc, String at, String regex) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw doc.error(
          at,
          "not a valid regular expression: " + e.getDescription(),
          "fix the pattern; in YAML single quotes, write \\d not \\\\d");
    }
  }

  private static void require(YamlDocument doc, boolean ok, String at, String problem, String fix) {
    if (!ok) {
      throw doc.error(at, problem, fix);
    }
  }

  /** For callers outside this package that want the same error type. */
  public static ConfigException error(YamlDocument doc, String at, String problem, String fix) {
    return doc.error(at, problem, fix);
  }
}
