package vn.extrel.warehouse.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.CellRef;
import vn.extrel.warehouse.util.Text;

/**
 * Turns the rows of one sheet into classified bronze records, streaming: finds the header (with
 * {@link HeaderFinder}), settles the units of its columns ({@link UnitResolver}), reads the title
 * and unit lines above the table ({@link ContextResolver}), and tells data rows from totals,
 * sections and notes. Every row read comes out exactly once.
 */
final class TableExtractor implements Iterator<BronzeRecord> {

  private final Iterator<RawRow> rows;
  private final SheetData sheet;
  private final Layout layout;
  private final FactTable target;
  private final int headerRows;
  private final RowClassifier classifier;
  private final Set<Integer> hiddenColumns;
  private final int[] range;
  private final Pattern startAfter;
  private final Pattern stopBefore;
  private final HeaderFinder headers;
  private final UnitResolver units;
  private final ContextResolver contexts;

  private final Deque<RawRow> window = new ArrayDeque<>();
  private final Deque<BronzeRecord> out = new ArrayDeque<>();
  private final List<String> preamble = new ArrayList<>();
  private final List<String> firstRowsSeen = new ArrayList<>();
  private TableHeader header;
  private Map<Integer, MappedColumn> columns = null;
  private List<TableColumn> tableColumns;
  private String section;
  private Map<String, String> context;
  private int tableIndex = -1;
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
    this.headerRows = Math.max(1, layout.table().headerRows());
    this.classifier = new RowClassifier(layout);
    this.hiddenColumns =
        "keep".equalsIgnoreCase(layout.table().hiddenColumns()) ? Set.of() : sheet.hiddenColumns();
    this.range = parseRange(layout.table().range());
    this.startAfter = compile(layout.table().startAfter());
    this.stopBefore = compile(layout.table().stopBefore());
    this.headers = new HeaderFinder(layout, target, file, sheet, hiddenColumns, range);
    this.units = new UnitResolver(layout, target, file, sheet.name());
    this.contexts = new ContextResolver(layout, fileName, sheet.name());
    this.started = startAfter == null;
    this.context = new LinkedHashMap<>();
    if (sheet.name() != null) {
      context.put(TableContext.SHEET, sheet.name());
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

  @Override
  public boolean hasNext() {
    while (out.isEmpty()) {
      if (rows.hasNext()) {
        accept(rows.next());
      } else if (!window.isEmpty()) {
        emit(window.pollFirst());
      } else {
        if (columns == null && !stopped && layout.table().headerRow() == null) {
          throw headers.notFound(firstRowsSeen);
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
      firstRowsSeen.add(Text.clip(RowText.joined(row), 80));
    }
    window.addLast(row);
    if (window.size() >= headerRows && headerCandidate()) {
      TableHeader found = headers.find(List.copyOf(window), header);
      if (found != null) {
        if (found != header) {
          startTable(found);
        }
        // A header repeated below the first (a printed report's page break) only gives header
        // rows again.
        for (RawRow r : window) {
          out.addLast(record(r, RowClass.HEADER, null));
        }
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
      throw headers.notFound(firstRowsSeen);
    }
  }

  private boolean headerCandidate() {
    if (!started || stopped) {
      return false;
    }
    if (stopBefore != null
        && columns != null
        && stopBefore.matcher(RowText.joined(window.peekFirst())).find()) {
      return false; // where the table ends (emit stops there), not another table
    }
    return headers.isCandidate(window, header);
  }

  /** Makes a newly found header the current table's: its columns, units and context. */
  private void startTable(TableHeader found) {
    header = found;
    tableIndex++;
    dataRows = 0;
    columns = units.settle(found.columns(), context.get(TableContext.UNIT_LINE), found.row());
    tableColumns = tableColumns(columns, found.paths());
    labelColumn = labelColumn(columns);
    context = contexts.forTable(context, List.copyOf(preamble), found.row());
  }

  /** The context with one more key, as a new map: records already made keep the one they had. */
  private void addContext(String key, String value) {
    Map<String, String> ctx = new LinkedHashMap<>(context);
    ctx.put(key, value);
    context = Collections.unmodifiableMap(ctx);
  }

  private int labelColumn(Map<Integer, MappedColumn> mapped) {
    String wanted = layout.rows().labelColumn();
    if (wanted == null) {
      // A key-indicator sheet's rows are named by the column that names their measure.
      for (String c : layout.columns().keySet()) {
        if (Layout.MEASURE_FIELD.equals(layout.fieldOf(c))) {
          wanted = c;
        }
      }
    }
    for (Map.Entry<Integer, MappedColumn> e : mapped.entrySet()) {
      if (wanted != null ? e.getValue().spec().equals(wanted) : !e.getValue().measure()) {
        return e.getKey();
      }
    }
    return -1;
  }

  private void emit(RawRow row) {
    RowClass cls;
    String label = null;
    // The row's whole text is only needed around the table, not for each of a million data rows.
    boolean needText = columns == null || startAfter != null || stopBefore != null;
    String text = needText ? RowText.joined(row) : null;
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
          addContext(TableContext.UNIT_LINE, Text.squish(c.text()));
        }
      }
      if (!context.containsKey(TableContext.TITLE)) {
        addContext(TableContext.TITLE, Text.clip(text, 300));
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
      MappedColumn m = columns.get(c.column());
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
      MappedColumn m = columns.get(c.column());
      if (m == null || c.text().isBlank()) {
        continue;
      }
      // A figure has a digit in it: "Giám đốc" under an amount column (a signature block) is no
      // value.
      boolean figure = c.isNumeric() || RowText.hasDigit(c.text());
      if (longFacts ? m.measure() && figure : c.column() != labelColumn) {
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
      Map<Integer, MappedColumn> mapped, Map<Integer, String> paths) {
    SortedSet<Integer> indexes = new TreeSet<>(paths.keySet());
    indexes.addAll(mapped.keySet());
    List<TableColumn> out = new ArrayList<>(indexes.size());
    for (int c : indexes) {
      MappedColumn m = mapped.get(c);
      out.add(
          m == null
              ? new TableColumn(c, null, null, paths.get(c), null)
              : new TableColumn(c, m.spec(), m.key(), m.header(), m.unit()));
    }
    return List.copyOf(out);
  }
}
