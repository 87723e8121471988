package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.util.Text;

/**
 * Finds a table's header in a sheet (1 to n rows, merged cells flattened to a path) and maps its
 * columns by alias; stops the file where a header maps a column twice, misses a required one or
 * begins a table the layout does not describe.
 */
final class HeaderFinder {

  private final Layout layout;
  private final String file;
  private final String sheetName;
  private final int[] range;
  private final HeaderPaths headerPaths;
  private final ColumnMapper columns;

  HeaderFinder(
      Layout layout,
      FactTable target,
      String file,
      SheetData sheet,
      Set<Integer> hiddenColumns,
      int[] range) {
    this.layout = layout;
    this.file = file;
    this.sheetName = sheet.name();
    this.range = range;
    this.headerPaths = new HeaderPaths(sheet.merges());
    this.columns = new ColumnMapper(layout, target, file, sheet.name(), hiddenColumns, range);
  }

  /**
   * Whether the rows may be a header, before their columns are mapped; {@code current} is the
   * header of the table being read, or null before the first.
   */
  boolean isCandidate(Collection<RawRow> window, TableHeader current) {
    RawRow first = window.iterator().next();
    Integer fixed = layout.table().headerRow();
    if (fixed != null && current == null) {
      // A fixed header row places the first table; stacked tables below it are still found.
      return first.number() == fixed;
    }
    for (RawRow r : window) {
      if (r.hidden() || r.isBlank() && window.size() == 1) {
        return false;
      }
      if (range != null && (r.number() < range[1] || r.number() > range[3])) {
        return false;
      }
      if (mostlyFigures(r)) {
        return false;
      }
    }
    if (current != null && !layout.table().stacked()) {
      // After the first table only the same header again (a printed report's page break) is a
      // header. The first cells decide most rows without joining every row's text; a row with
      // figures in the table's amount columns is data, and anything else may be another table,
      // which find refuses.
      return sameFirstCells(window, current.firstCells())
              && current.texts().equals(RowText.texts(window))
          || !figuresInMeasures(window, current.columns());
    }
    return true;
  }

  /**
   * A data row is mostly figures; a header may hold a stray number (a page number, a total typed
   * beside it) outside the columns it names, which find checks once it has them.
   */
  private boolean mostlyFigures(RawRow r) {
    int figures = 0;
    int cells = 0;
    for (RawCell c : r.cells()) {
      if (!inRange(c.column()) || c.text().isBlank()) {
        continue;
      }
      cells++;
      if (c.isNumeric() && HeaderMatcher.year(HeaderPaths.text(c)) == null) {
        figures++;
      }
    }
    return figures > 0 && figures * 2 >= cells;
  }

  /** Whether any of the rows holds a figure in a column the current table maps to a measure. */
  private static boolean figuresInMeasures(
      Collection<RawRow> rows, Map<Integer, MappedColumn> columns) {
    for (RawRow r : rows) {
      int cells = 0;
      for (RawCell c : r.cells()) {
        MappedColumn m = columns.get(c.column());
        if (!c.text().isBlank()) {
          cells++;
        }
        if (m != null && m.measure() && (c.isNumeric() || RowText.hasDigit(c.text()))) {
          return true;
        }
      }
      if (cells < 2) {
        return true; // a one-cell row is a title or a note, never a header
      }
    }
    return false;
  }

  private boolean inRange(int column) {
    return range == null || (column >= range[0] && column <= range[2]);
  }

  /** Whether each row begins with the text its header row began with. */
  private static boolean sameFirstCells(Collection<RawRow> rows, List<String> firstCells) {
    int i = 0;
    for (RawRow r : rows) {
      String want = i < firstCells.size() ? firstCells.get(i) : "";
      if (!want.equals(firstCell(r))) {
        return false;
      }
      i++;
    }
    return true;
  }

  private static String firstCell(RawRow r) {
    return r.cells().isEmpty() ? "" : Text.squish(r.cells().get(0).text());
  }

  /**
   * Tries the rows as a header: null when they are not one, {@code current} when they repeat the
   * current table's header, else the header of a new table.
   */
  TableHeader find(List<RawRow> header, TableHeader current) {
    Map<Integer, String> paths = headerPaths.of(header);
    ColumnMapper.Mapping mapping = columns.map(paths);
    Map<Integer, MappedColumn> mapped = mapping.columns();
    boolean matches = mapping.enough();
    boolean fixed = layout.table().headerRow() != null && current == null;
    if (fixed) {
      matches = true;
    } else if (matches && !startsHeader(header.get(0))) {
      return null; // a title or unit line above the header is not part of it
    }
    if (!matches || (!fixed && figureInMappedColumn(header, mapped))) {
      return null;
    }
    int headerRow = header.get(0).number();
    List<String> texts = RowText.texts(header);
    if (current != null && !layout.table().stacked()) {
      if (current.texts().equals(texts)) {
        // A header repeated below the first (a printed report's page break): same table, header
        // rows again.
        return current;
      }
      throw unexpectedTable(header, paths, false);
    }
    if (current != null && columns.mapsNoMember(mapped)) {
      throw unexpectedTable(header, paths, true);
    }
    columns.checkRequired(mapped, paths, headerRow);
    List<String> firstCells = new ArrayList<>();
    for (RawRow r : header) {
      firstCells.add(firstCell(r));
    }
    return new TableHeader(
        headerRow,
        Collections.unmodifiableMap(paths),
        mapped,
        List.copyOf(texts),
        List.copyOf(firstCells));
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
      String t = HeaderPaths.text(c);
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
  private static boolean figureInMappedColumn(
      List<RawRow> header, Map<Integer, MappedColumn> mapped) {
    for (RawRow r : header) {
      for (RawCell c : r.cells()) {
        if (mapped.containsKey(c.column())
            && c.isNumeric()
            && HeaderMatcher.year(HeaderPaths.text(c)) == null) {
          return true;
        }
      }
    }
    return false;
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
    return TableErrors.unexpectedTable(
        file,
        sheetName,
        header.get(0).number(),
        new ArrayList<>(paths.values()),
        layout.id(),
        first.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"),
        columns.memberColumns(),
        stacked);
  }

  /** The error for a sheet where no header turned up within the rows searched. */
  RuntimeException notFound(List<String> firstRowsSeen) {
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
    return TableErrors.headerNotFound(
        file, sheetName, layout.id(), wanted, layout.table().searchRows(), firstRowsSeen);
  }
}
