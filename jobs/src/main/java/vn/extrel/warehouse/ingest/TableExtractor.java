package vn.extrel.warehouse.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Periods;
import vn.extrel.warehouse.parse.Publications;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Measure;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.CellRef;
import vn.extrel.warehouse.util.Text;

/**
 * Turns the rows of one sheet into classified bronze records, streaming: finds the header (1 to n
 * rows, merged cells flattened to a path), maps columns by alias, reads the title and unit lines
 * above the table, and tells data rows from totals, sections and notes. Every row read comes out
 * exactly once.
 */
final class TableExtractor implements Iterator<BronzeRecord> {

  /** A source column mapped for the current table. */
  private record Mapped(String spec, String key, String header, String unit, boolean measure) {}

  private final Iterator<RawRow> rows;
  private final SheetData sheet;
  private final Layout layout;
  private final FactTable target;
  private final String file;
  private final String fileName;
  private final int headerRows;
  private final RowClassifier classifier;
  private final Set<Integer> hiddenColumns;
  private final Map<Long, String> mergeFill;
  private final int[] range;
  private final Pattern startAfter;
  private final Pattern stopBefore;

  private final Deque<RawRow> window = new ArrayDeque<>();
  private final Deque<BronzeRecord> out = new ArrayDeque<>();
  private final List<String> preamble = new ArrayList<>();
  private final List<String> firstRowsSeen = new ArrayList<>();
  private Map<Integer, Mapped> columns = null;
  private Map<Integer, String> headerPaths = Map.of();
  private List<TableColumn> tableColumns;
  private String section;
  private List<String> headerTexts;
  private Map<String, String> context;
  private int tableIndex = -1;
  private int headerRowNumber = -1;
  private int labelColumn = -1;
  private int dataRows;
  private boolean started;
  private boolean stopped;
  private int seen;

  TableExtractor(SheetData sheet, Layout layout, FactTable target, String file, String fileName) {
    this.sheet = sheet;
    this.rows = sheet.rows();
    this.layout = layout;
    this.target = target;
    this.file = file;
    this.fileName = fileName;
    this.headerRows = Math.max(1, layout.table().headerRows());
    this.classifier = new RowClassifier(layout);
    this.hiddenColumns =
        "keep".equalsIgnoreCase(layout.table().hiddenColumns()) ? Set.of() : sheet.hiddenColumns();
    this.mergeFill = mergeFill(sheet.merges());
    this.range = parseRange(layout.table().range());
    this.startAfter = compile(layout.table().startAfter());
    this.stopBefore = compile(layout.table().stopBefore());
    this.started = startAfter == null;
    this.context = new LinkedHashMap<>();
    if (sheet.name() != null) {
      context.put("sheet", sheet.name());
    }
  }

  private static Pattern compile(String regex) {
    return regex == null
        ? null
        : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static int[] parseRange(String range) {
    if (range == null) {
      return null;
    }
    String[] parts = range.split(":");
    int[] a = CellRef.parse(parts[0].trim());
    int[] b = parts.length > 1 ? CellRef.parse(parts[1].trim()) : null;
    if (a == null || b == null) {
      return null;
    }
    return new int[] {a[0], a[1], b[0], b[1]};
  }

  /** Cells covered by a merge (other than its top-left) read the top-left's position. */
  private static Map<Long, String> mergeFill(List<int[]> merges) {
    Map<Long, String> fill = new HashMap<>();
    for (int[] m : merges) {
      String origin = m[0] + ":" + m[1];
      for (int r = m[1]; r <= Math.min(m[3], m[1] + 50); r++) {
        for (int c = m[0]; c <= Math.min(m[2], m[0] + 200); c++) {
          if (r != m[1] || c != m[0]) {
            fill.put(((long) r << 20) | c, origin);
          }
        }
      }
    }
    return fill;
  }

  @Override
  public boolean hasNext() {
    while (out.isEmpty()) {
      if (rows.hasNext()) {
        accept(rows.next());
      } else if (!window.isEmpty()) {
        emit(window.pollFirst());
      } else {
        if (columns == null && !stopped && layout.table().headerRow() == null) {
          throw headerNotFound();
        }
        return false;
      }
    }
    return true;
  }

  @Override
  public BronzeRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.pollFirst();
  }

  private void accept(RawRow row) {
    seen++;
    if (firstRowsSeen.size() < 6 && !row.isBlank()) {
      firstRowsSeen.add(Text.clip(joined(row), 80));
    }
    window.addLast(row);
    if (window.size() >= headerRows && headerCandidate()) {
      List<RawRow> header = new ArrayList<>(window);
      if (tryHeader(header)) {
        window.clear();
        return;
      }
    }
    if (window.size() >= headerRows) {
      emit(window.pollFirst());
    }
    if (columns == null
        && layout.table().headerRow() == null
        && seen > layout.table().searchRows() + headerRows
        && started
        && !stopped) {
      throw headerNotFound();
    }
  }

  private boolean headerCandidate() {
    if (!started || stopped) {
      return false;
    }
    if (stopBefore != null
        && columns != null
        && stopBefore.matcher(joined(window.peekFirst())).find()) {
      return false; // where the table ends (emit stops there), not another table
    }
    Integer fixed = layout.table().headerRow();
    if (fixed != null && columns == null) {
      // A fixed header row places the first table; stacked tables below it are still found.
      return window.peekFirst().number() == fixed;
    }
    for (RawRow r : window) {
      if (r.hidden() || r.isBlank() && window.size() == 1) {
        return false;
      }
      if (range != null && (r.number() < range[1] || r.number() > range[3])) {
        return false;
      }
      // A data row is mostly figures; a header may hold a stray number (a page number, a total
      // typed beside it) outside the columns it names, which tryHeader checks once it has them.
      int figures = 0;
      int cells = 0;
      for (RawCell c : r.cells()) {
        if (!inRange(c.column()) || c.text().isBlank()) {
          continue;
        }
        cells++;
        if (c.isNumeric() && HeaderMatcher.year(headerText(c)) == null) {
          figures++;
        }
      }
      if (figures > 0 && figures * 2 >= cells) {
        return false;
      }
    }
    if (columns != null && !layout.table().stacked()) {
      // After the first table only the same header again (a printed report's page break) is a
      // header. The first cells decide most rows without joining every row's text; a row with
      // figures in the table's amount columns is data, and anything else may be another table,
      // which tryHeader refuses.
      return headerTexts != null && sameFirstCells(window) && headerTexts.equals(texts(window))
          || !figuresInMeasures(window);
    }
    return true;
  }

  /** Whether any of the rows holds a figure in a column the current table maps to a measure. */
  private boolean figuresInMeasures(java.util.Collection<RawRow> rows) {
    for (RawRow r : rows) {
      int cells = 0;
      for (RawCell c : r.cells()) {
        Mapped m = columns.get(c.column());
        if (!c.text().isBlank()) {
          cells++;
        }
        if (m != null && m.measure() && (c.isNumeric() || hasDigit(c.text()))) {
          return true;
        }
      }
      if (cells < 2) {
        return true; // a one-cell row is a title or a note, never a header
      }
    }
    return false;
  }

  private List<String> headerFirstCells = List.of();

  private boolean inRange(int column) {
    return range == null || (column >= range[0] && column <= range[2]);
  }

  /** Whether each row begins with the text its header row began with. */
  private boolean sameFirstCells(java.util.Collection<RawRow> rows) {
    int i = 0;
    for (RawRow r : rows) {
      String want = i < headerFirstCells.size() ? headerFirstCells.get(i) : "";
      String have = r.cells().isEmpty() ? "" : Text.squish(r.cells().get(0).text());
      if (!want.equals(have)) {
        return false;
      }
      i++;
    }
    return true;
  }

  /**
   * Tries the rows as a header; on success maps the columns, emits them as header rows and returns
   * true.
   */
  private boolean tryHeader(List<RawRow> header) {
    Map<Integer, String> paths = headerPaths(header);
    Map<Integer, Mapped> mapped = new TreeMap<>();
    int found = 0;
    int aliasSpecs = 0;
    List<String> locate = layout.table().locateBy();
    boolean locateOk = true;
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      String name = e.getKey();
      Layout.ColumnSpec spec = e.getValue();
      List<Integer> cols = columnsFor(name, spec, paths);
      boolean counts = spec.column() == null && (!spec.aliases().isEmpty() || spec.isYearColumns());
      if (counts) {
        aliasSpecs++;
        if (!cols.isEmpty()) {
          found++;
        }
      }
      if (locate.contains(name) && cols.isEmpty()) {
        locateOk = false;
      }
      for (int c : cols) {
        String key =
            spec.isYearColumns() ? HeaderMatcher.yearColumn(paths.get(c), spec.aliases()) : null;
        mapped.put(
            c, new Mapped(name, key, paths.getOrDefault(c, ""), null, isMeasure(name, spec)));
      }
    }
    boolean fixed = layout.table().headerRow() != null && columns == null;
    boolean matches =
        locate.isEmpty()
            ? found >= Math.min(2, Math.max(1, aliasSpecs)) && aliasSpecs > 0
            : locateOk;
    if (fixed) {
      matches = true;
    } else if (matches && !startsHeader(header.get(0))) {
      return false; // a title or unit line above the header is not part of it
    }
    if (!matches || (!fixed && figureInMappedColumn(header, mapped))) {
      return false;
    }
    int headerRow = header.get(0).number();
    if (columns != null && !layout.table().stacked()) {
      if (headerTexts != null && headerTexts.equals(texts(header))) {
        // A header repeated below the first (a printed report's page break): same table, header
        // rows again.
        for (RawRow r : header) {
          out.addLast(record(r, RowClass.HEADER, null));
        }
        return true;
      }
      throw unexpectedTable(header, paths, false);
    }
    if (columns != null && mapsNoMember(mapped)) {
      throw unexpectedTable(header, paths, true);
    }
    checkRequired(mapped, paths, headerRow);
    headerTexts = texts(header);
    headerFirstCells = new ArrayList<>();
    for (RawRow r : header) {
      headerFirstCells.add(r.cells().isEmpty() ? "" : Text.squish(r.cells().get(0).text()));
    }
    tableIndex++;
    dataRows = 0;
    headerRowNumber = headerRow;
    headerPaths = paths;
    columns = withUnits(mapped, headerRow);
    tableColumns = tableColumns(columns, paths);
    labelColumn = labelColumn(columns);
    resolveContext(header);
    for (RawRow r : header) {
      out.addLast(record(r, RowClass.HEADER, null));
    }
    return true;
  }

  /**
   * Whether a row can be the first row of a header: not blank, and either naming a column itself or
   * laid out like a header (several cells, no unit line). A one-cell title above the header is not.
   */
  private boolean startsHeader(RawRow first) {
    if (first.isBlank() || first.hidden()) {
      return false;
    }
    int cells = 0;
    for (RawCell c : first.cells()) {
      String t = headerText(c);
      if (t.isBlank()) {
        continue;
      }
      if (Unit.isUnitLine(t)) {
        return false;
      }
      cells++;
      for (Layout.ColumnSpec spec : layout.columns().values()) {
        if (HeaderMatcher.matches(t, spec.aliases())
            || (spec.isYearColumns() && HeaderMatcher.year(t) != null)) {
          return true;
        }
      }
    }
    return cells >= 2;
  }

  /** Whether a figure (not a year) sits in a column the candidate header maps. */
  private boolean figureInMappedColumn(List<RawRow> header, Map<Integer, Mapped> mapped) {
    for (RawRow r : header) {
      for (RawCell c : r.cells()) {
        if (mapped.containsKey(c.column())
            && c.isNumeric()
            && HeaderMatcher.year(headerText(c)) == null) {
          return true;
        }
      }
    }
    return false;
  }

  /** The layout's columns that name a member (partner, area, sector...) by header text. */
  private List<String> memberColumns() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      String field = layout.fieldOf(e.getKey());
      if (e.getValue().column() == null
          && !e.getValue().aliases().isEmpty()
          && target.dimensions().containsKey(field)
          && !Set.of(FactTable.YEAR, FactTable.PERIOD, FactTable.STATUS).contains(field)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Whether a further table maps none of the layout's member columns (while the layout has some):
   * its rows name members the layout cannot place, such as regions under a layout by partner.
   */
  private boolean mapsNoMember(Map<Integer, Mapped> mapped) {
    List<String> members = memberColumns();
    if (members.isEmpty() || layout.rowsAreMeasures()) {
      return false;
    }
    for (Mapped m : mapped.values()) {
      if (members.contains(m.spec())) {
        return false;
      }
    }
    return true;
  }

  private RuntimeException unexpectedTable(
      List<RawRow> header, Map<Integer, String> paths, boolean stacked) {
    String first = "";
    for (RawCell c : header.get(0).cells()) {
      if (!c.text().isBlank()) {
        first = Text.squish(c.text());
        break;
      }
    }
    return IngestErrors.unexpectedTable(
        file,
        sheet.name(),
        header.get(0).number(),
        new ArrayList<>(paths.values()),
        layout.id(),
        first.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"),
        memberColumns(),
        stacked);
  }

  /** A measure published as a percentage of the year before ("so với năm trước (%)"). */
  private boolean isRatioMeasure(String name, Layout.ColumnSpec spec) {
    Measure m = target.measures().get(spec.field() == null ? name : spec.field());
    return m != null && Unit.PERCENT.equals(m.baseUnit());
  }

  private boolean isMeasure(String name, Layout.ColumnSpec spec) {
    String field = spec.field() == null ? name : spec.field();
    return target.measures().containsKey(field) || Layout.VALUE_FIELD.equals(field);
  }

  private List<Integer> columnsFor(
      String name, Layout.ColumnSpec spec, Map<Integer, String> paths) {
    List<Integer> cols = new ArrayList<>();
    if (spec.column() != null) {
      cols.add(CellRef.columnIndex(spec.column()));
      return cols;
    }
    for (Map.Entry<Integer, String> p : paths.entrySet()) {
      int c = p.getKey();
      if (hiddenColumns.contains(c) || (range != null && (c < range[0] || c > range[2]))) {
        continue;
      }
      // A family of year columns holds figures, not the ratios beside them ("Năm 2019 so với năm
      // trước (%)" under the same "Trị giá").
      boolean hit =
          spec.isYearColumns()
              ? HeaderMatcher.yearColumn(p.getValue(), spec.aliases()) != null
                  && HeaderMatcher.isRatio(p.getValue()) == isRatioMeasure(name, spec)
              : HeaderMatcher.matches(p.getValue(), spec.aliases());
      if (hit) {
        cols.add(c);
      }
    }
    return cols;
  }

  private void checkRequired(
      Map<Integer, Mapped> mapped, Map<Integer, String> paths, int headerRow) {
    Map<String, List<Integer>> bySpec = new HashMap<>();
    mapped.forEach((c, m) -> bySpec.computeIfAbsent(m.spec(), k -> new ArrayList<>()).add(c));
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      List<Integer> cols = bySpec.getOrDefault(e.getKey(), List.of());
      Layout.ColumnSpec spec = e.getValue();
      if (cols.isEmpty() && spec.isRequired()) {
        throw IngestErrors.missingColumn(
            file,
            sheet.name(),
            headerRow,
            e.getKey(),
            spec.aliases(),
            new ArrayList<>(paths.values()));
      }
      if (cols.size() > 1 && !spec.isYearColumns() && spec.column() == null) {
        throw IngestErrors.ambiguousColumn(
            file,
            sheet.name(),
            headerRow,
            e.getKey(),
            CellRef.column(cols.get(0)) + " '" + paths.get(cols.get(0)) + "'",
            CellRef.column(cols.get(1)) + " '" + paths.get(cols.get(1)) + "'");
      }
    }
  }

  /**
   * Flattens the header rows into one path per column, reading merged cells from their top-left.
   */
  private Map<Integer, String> headerPaths(List<RawRow> header) {
    Map<Integer, Map<Integer, String>> grid = new HashMap<>();
    int maxCol = -1;
    for (RawRow r : header) {
      Map<Integer, String> byCol = new HashMap<>();
      for (RawCell c : r.cells()) {
        byCol.put(c.column(), headerText(c));
        maxCol = Math.max(maxCol, c.column());
      }
      grid.put(r.number(), byCol);
    }
    for (long k : mergeFill.keySet()) {
      int r = (int) (k >> 20);
      if (grid.containsKey(r)) {
        maxCol = Math.max(maxCol, (int) (k & 0xFFFFF));
      }
    }
    Map<Integer, String> paths = new TreeMap<>();
    for (int c = 0; c <= maxCol; c++) {
      List<String> texts = new ArrayList<>();
      for (RawRow r : header) {
        String t = grid.get(r.number()).get(c);
        if (t == null) {
          String origin = mergeFill.get(((long) r.number() << 20) | c);
          if (origin != null) {
            String[] rc = origin.split(":");
            Map<Integer, String> originRow = grid.get(Integer.parseInt(rc[1]));
            t = originRow == null ? null : originRow.get(Integer.parseInt(rc[0]));
          }
        }
        texts.add(t);
      }
      String path = HeaderMatcher.path(texts);
      if (!path.isEmpty()) {
        paths.put(c, path);
      }
    }
    return paths;
  }

  private static String headerText(RawCell c) {
    if (c.isNumeric() && c.text().endsWith(".0")) {
      return c.text().substring(0, c.text().length() - 2);
    }
    return c.text();
  }

  /**
   * Settles each mapped column's unit: the header's, else the unit line's, else the layout's. The
   * file's own unit wins; a layout unit that contradicts it stops the file (never a silent 1000x).
   */
  private Map<Integer, Mapped> withUnits(Map<Integer, Mapped> mapped, int headerRow) {
    Map<Integer, Mapped> result = new TreeMap<>();
    String unitLine = context.get("unit_line");
    for (Map.Entry<Integer, Mapped> e : mapped.entrySet()) {
      Mapped m = e.getValue();
      Layout.ColumnSpec spec = layout.columns().get(m.spec());
      String field = spec.field() == null ? m.spec() : spec.field();
      Unit fromFile = null;
      String whereInFile = null;
      if (Unit.fromHeader(m.header()) != null) {
        fromFile = Unit.fromHeader(m.header());
        whereInFile = "its header '" + m.header() + "'";
      } else if (m.measure() && unitLine != null && lineUnit(unitLine, field) != null) {
        // A sheet's unit line speaks for its amounts, not for its counts ("Số dự án" beside "triệu
        // USD"); a line for two units ("Nghìn tấn; Triệu USD") gives each measure its own.
        fromFile = lineUnit(unitLine, field);
        whereInFile = "the line '" + unitLine + "'";
      }
      String written = fromFile == null ? spec.unit() : fromFile.written();
      if (fromFile != null && spec.unit() != null && !Unit.parse(spec.unit()).sameAs(fromFile)) {
        throw IngestErrors.unitConflict(
            file, sheet.name(), headerRow, m.spec(), spec.unit(), fromFile.written(), whereInFile);
      }
      if (m.measure() && !Layout.VALUE_FIELD.equals(field)) {
        checkUnit(m, field, written, headerRow);
      }
      result.put(e.getKey(), new Mapped(m.spec(), m.key(), m.header(), written, m.measure()));
    }
    return result;
  }

  /** The unit a unit line gives a measure: the one of its units that fits the measure. */
  private Unit lineUnit(String line, String field) {
    for (Unit u : Unit.fromUnitLineAll(line)) {
      if (fits(u, field)) {
        return u;
      }
    }
    return null;
  }

  private boolean fits(Unit unit, String field) {
    Measure measure = target.measures().get(field);
    return unit != null
        && measure != null
        && (measure.baseUnit() == null || measure.baseUnit().equals(unit.base()));
  }

  private void checkUnit(Mapped m, String field, String written, int headerRow) {
    Measure measure = target.measures().get(field);
    if (measure == null || measure.baseUnit() == null) {
      return;
    }
    Unit unit = Unit.parse(written);
    if (unit == null) {
      if (Unit.USD.equals(measure.baseUnit())) {
        throw IngestErrors.noUnit(file, sheet.name(), headerRow, m.spec(), m.header());
      }
      return; // counts: "Số dự án" needs no unit
    }
    if (!unit.base().equals(measure.baseUnit())
        && !(Unit.COUNT.equals(unit.base()) && !Unit.USD.equals(measure.baseUnit()))) {
      throw IngestErrors.unitMismatch(file, sheet.name(), m.spec(), written, measure.baseUnit());
    }
  }

  private int labelColumn(Map<Integer, Mapped> mapped) {
    String wanted = layout.rows().labelColumn();
    if (wanted == null) {
      // A key-indicator sheet's rows are named by the column that names their measure.
      for (String c : layout.columns().keySet()) {
        if (Layout.MEASURE_FIELD.equals(layout.fieldOf(c))) {
          wanted = c;
        }
      }
    }
    for (Map.Entry<Integer, Mapped> e : mapped.entrySet()) {
      if (wanted != null ? e.getValue().spec().equals(wanted) : !e.getValue().measure()) {
        return e.getKey();
      }
    }
    return -1;
  }

  /**
   * Year, period and status from the title lines, the file name or the sheet name, as the layout
   * says.
   */
  private void resolveContext(List<RawRow> header) {
    Map<String, String> ctx = new LinkedHashMap<>(context);
    ctx.put("header_row", String.valueOf(header.get(0).number()));
    Layout.PeriodSpec p = layout.period();
    put(ctx, "year", p.year());
    put(ctx, "period", p.period());
    put(ctx, "status", p.status());
    Layout.PublicationSpec pub = layout.publication();
    put(ctx, TableContext.PUBLISHED, pub.date());
    if (!ctx.containsKey(TableContext.PUBLISHED)) {
      String d = Publications.dateIn(fileName);
      if (d != null) {
        ctx.put(TableContext.PUBLISHED, d);
      }
    } else {
      String d = Publications.date(ctx.get(TableContext.PUBLISHED));
      if (d == null) {
        ctx.remove(TableContext.PUBLISHED);
      } else {
        ctx.put(TableContext.PUBLISHED, d);
      }
    }
    put(ctx, TableContext.EDITION, pub.edition());
    if (!ctx.containsKey(TableContext.EDITION) && ctx.get("year") != null) {
      String period = ctx.get("period");
      ctx.put(
          TableContext.EDITION,
          ctx.get("year").trim()
              + (period == null || Periods.FULL_YEAR.equals(period) ? "" : "-" + period));
    }
    context = Collections.unmodifiableMap(ctx);
  }

  private void put(Map<String, String> ctx, String key, Layout.ValueSource source) {
    if (source == null) {
      return;
    }
    String v = null;
    if (source.value() != null) {
      v = source.value();
    }
    if (v == null && source.title() != null) {
      for (String line : preamble) {
        v = extract(source.title(), line, key);
        if (v != null) {
          break;
        }
      }
    }
    if (v == null && source.fileName() != null) {
      v = extract(source.fileName(), fileName, key);
    }
    if (v == null && source.sheetName() != null && sheet.name() != null) {
      v = extract(source.sheetName(), sheet.name(), key);
    }
    if (v != null) {
      ctx.put(key, v);
    }
  }

  /**
   * "auto" reads the period words; otherwise the regex's group "v" or first group, or the whole
   * match.
   */
  private static String extract(String regex, String text, String key) {
    if (text == null) {
      return null;
    }
    if ("auto".equalsIgnoreCase(regex)) {
      if (TableContext.PUBLISHED.equals(key)) {
        return Publications.dateIn(text);
      }
      Periods.Found f = Periods.find(text);
      return switch (key) {
        case TableContext.YEAR -> f.year() == null ? null : String.valueOf(f.year());
        case TableContext.PERIOD -> f.period();
        case TableContext.STATUS -> f.status();
        default -> null;
      };
    }
    Matcher m =
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
    if (!m.find()) {
      return null;
    }
    try {
      return m.group("v");
    } catch (IllegalArgumentException noNamedGroup) {
      return m.groupCount() > 0 ? m.group(1) : m.group();
    }
  }

  private void emit(RawRow row) {
    RowClass cls;
    String label = null;
    // The row's whole text is only needed around the table, not for each of a million data rows.
    boolean needText = columns == null || startAfter != null || stopBefore != null;
    String text = needText ? joined(row) : null;
    if (!started && startAfter != null && startAfter.matcher(text).find()) {
      started = true;
      out.addLast(record(row, RowClass.OUTSIDE, null));
      return;
    }
    if (!started || stopped) {
      cls = RowClass.OUTSIDE;
    } else if (stopBefore != null && columns != null && stopBefore.matcher(text).find()) {
      stopped = true;
      cls = RowClass.OUTSIDE;
    } else if (row.hidden() && !"keep".equalsIgnoreCase(layout.table().hiddenRows())) {
      cls = RowClass.HIDDEN;
    } else if (range != null && (row.number() < range[1] || row.number() > range[3])) {
      cls = RowClass.OUTSIDE;
    } else if (row.isBlank()) {
      cls = RowClass.BLANK;
    } else if (columns == null) {
      cls = RowClass.TITLE;
      preamble.add(text);
      for (RawCell c : row.cells()) {
        if (Unit.isUnitLine(c.text())) {
          Map<String, String> ctx = new LinkedHashMap<>(context);
          ctx.put("unit_line", Text.squish(c.text()));
          context = Collections.unmodifiableMap(ctx);
        }
      }
      if (!context.containsKey("title")) {
        Map<String, String> ctx = new LinkedHashMap<>(context);
        ctx.put("title", Text.clip(text, 300));
        context = Collections.unmodifiableMap(ctx);
      }
    } else {
      label = label(row);
      cls = classifier.classify(label, hasValues(row), row.cells().size());
      if (cls == RowClass.SECTION) {
        section = Text.squish(label);
      } else if (cls == RowClass.DATA) {
        if (classifier.ignored(label)) {
          cls = RowClass.IGNORED;
        } else if (!hasMappedValue(row)) {
          // Nothing in the columns the layout reads: a subtitle under the header ("Tính từ
          // 01/01/2020 đến 20/12/2020") or a row of stray cells; it can give no fact.
          cls = dataRows == 0 ? RowClass.SUBTITLE : RowClass.EMPTY;
        } else {
          dataRows++;
        }
      }
    }
    out.addLast(record(row, cls, label));
  }

  /** Whether a column the layout reads values from (not the label) holds anything in the row. */
  private boolean hasMappedValue(RawRow row) {
    boolean longFacts = target.isLongFacts();
    for (RawCell c : row.cells()) {
      Mapped m = columns.get(c.column());
      if (m != null
          && !c.text().isBlank()
          && (longFacts ? m.measure() : c.column() != labelColumn)) {
        return true;
      }
    }
    return false;
  }

  private String label(RawRow row) {
    if (labelColumn >= 0) {
      RawCell c = row.cell(labelColumn);
      if (c != null && !c.text().isBlank() && !c.isNumeric()) {
        return Text.squish(c.text());
      }
    }
    for (RawCell c : row.cells()) {
      if (c.kind() == 's' && !c.text().isBlank() && !hiddenColumns.contains(c.column())) {
        return Text.squish(c.text());
      }
    }
    return null;
  }

  private boolean hasValues(RawRow row) {
    boolean longFacts = target.isLongFacts();
    for (RawCell c : row.cells()) {
      Mapped m = columns.get(c.column());
      if (m == null || c.text().isBlank()) {
        continue;
      }
      // A figure has a digit in it: "Giám đốc" under an amount column (a signature block) is no
      // value.
      boolean figure = c.isNumeric() || hasDigit(c.text());
      if (longFacts ? m.measure() && figure : c.column() != labelColumn) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private BronzeRecord record(RawRow row, RowClass cls, String label) {
    boolean header = cls == RowClass.HEADER;
    return new BronzeRecord(
        sheet.name(),
        sheet.index(),
        row.number(),
        cls,
        label,
        tableIndex,
        // A table's rows share its header's context: stored on the header rows only.
        header || columns == null ? context : null,
        columns == null ? null : section,
        row.cells(),
        header ? tableColumns : null);
  }

  /** Every column of a table that has a header or a mapping, in column order. */
  private static List<TableColumn> tableColumns(
      Map<Integer, Mapped> mapped, Map<Integer, String> paths) {
    java.util.SortedSet<Integer> indexes = new java.util.TreeSet<>(paths.keySet());
    indexes.addAll(mapped.keySet());
    List<TableColumn> out = new ArrayList<>(indexes.size());
    for (int c : indexes) {
      Mapped m = mapped.get(c);
      out.add(
          m == null
              ? new TableColumn(c, null, null, paths.get(c), null)
              : new TableColumn(c, m.spec(), m.key(), m.header(), m.unit()));
    }
    return List.copyOf(out);
  }

  private static List<String> texts(java.util.Collection<RawRow> rows) {
    List<String> out = new ArrayList<>();
    for (RawRow r : rows) {
      out.add(joined(r));
    }
    return out;
  }

  private static String joined(RawRow row) {
    StringBuilder sb = new StringBuilder();
    for (RawCell c : row.cells()) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(Text.squish(c.text()));
    }
    return sb.toString();
  }

  private RuntimeException headerNotFound() {
    List<String> wanted = new ArrayList<>();
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      Layout.ColumnSpec c = e.getValue();
      if (c.isYearColumns()) {
        wanted.add(
            e.getKey()
                + " (year columns such as '2016', 'Năm 2016'"
                + (c.aliases().isEmpty() ? "" : " under " + c.aliases())
                + ")");
      } else if (!c.aliases().isEmpty()) {
        wanted.add(e.getKey() + " " + c.aliases());
      }
    }
    return IngestErrors.headerNotFound(
        file, sheet.name(), layout.id(), wanted, layout.table().searchRows(), firstRowsSeen);
  }
}
