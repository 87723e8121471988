package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Measure;
import vn.extrel.warehouse.util.CellRef;

/** Maps a layout's columns onto the paths of a header, by alias, year or fixed letter. */
final class ColumnMapper {

  /**
   * The columns a header maps.
   *
   * @param columns the mapped source columns, in column order (units not yet settled)
   * @param enough whether enough of the layout's columns were found for the rows to be a header
   */
  record Mapping(Map<Integer, MappedColumn> columns, boolean enough) {}

  private final Layout layout;
  private final FactTable target;
  private final String file;
  private final String sheetName;
  private final Set<Integer> hiddenColumns;
  private final int[] range;

  ColumnMapper(
      Layout layout,
      FactTable target,
      String file,
      String sheetName,
      Set<Integer> hiddenColumns,
      int[] range) {
    this.layout = layout;
    this.target = target;
    this.file = file;
    this.sheetName = sheetName;
    this.hiddenColumns = hiddenColumns;
    this.range = range;
  }

  /** Maps the layout's columns onto the header paths. */
  Mapping map(Map<Integer, String> paths) {
    Map<Integer, MappedColumn> mapped = new TreeMap<>();
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
            c, new MappedColumn(name, key, paths.getOrDefault(c, ""), null, isMeasure(name, spec)));
      }
    }
    boolean enough =
        locate.isEmpty()
            ? found >= Math.min(2, Math.max(1, aliasSpecs)) && aliasSpecs > 0
            : locateOk;
    return new Mapping(Collections.unmodifiableMap(mapped), enough);
  }

  /** The layout's columns that name a member (partner, area, sector...) by header text. */
  List<String> memberColumns() {
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
  boolean mapsNoMember(Map<Integer, MappedColumn> mapped) {
    List<String> members = memberColumns();
    if (members.isEmpty() || layout.rowsAreMeasures()) {
      return false;
    }
    for (MappedColumn m : mapped.values()) {
      if (members.contains(m.spec())) {
        return false;
      }
    }
    return true;
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

  /** Stops the file where a required column is missing or a column is found twice. */
  void checkRequired(Map<Integer, MappedColumn> mapped, Map<Integer, String> paths, int headerRow) {
    Map<String, List<Integer>> bySpec = new HashMap<>();
    mapped.forEach((c, m) -> bySpec.computeIfAbsent(m.spec(), k -> new ArrayList<>()).add(c));
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      List<Integer> cols = bySpec.getOrDefault(e.getKey(), List.of());
      Layout.ColumnSpec spec = e.getValue();
      if (cols.isEmpty() && spec.isRequired()) {
        throw TableErrors.missingColumn(
            file,
            sheetName,
            headerRow,
            e.getKey(),
            spec.aliases(),
            new ArrayList<>(paths.values()));
      }
      if (cols.size() > 1 && !spec.isYearColumns() && spec.column() == null) {
        throw TableErrors.ambiguousColumn(
            file,
            sheetName,
            headerRow,
            e.getKey(),
            CellRef.column(cols.get(0)) + " '" + paths.get(cols.get(0)) + "'",
            CellRef.column(cols.get(1)) + " '" + paths.get(cols.get(1)) + "'");
      }
    }
  }
}
