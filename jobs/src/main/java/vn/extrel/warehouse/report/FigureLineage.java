package vn.extrel.warehouse.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source cells behind a figure and the year before, as {@code explain} gives them: the silver
 * facts the figure sums (or the activities it counts), each with its file, sheet and A1 cell.
 *
 * @param cells at most {@link #MAX_CELLS} per year, in file, sheet and row order
 * @param counts every source row per year
 * @param units the base units of the source cells per year (USD, VND, person, ...)
 */
public record FigureLineage(
    List<SourceCell> cells, Map<Integer, Long> counts, Map<Integer, Set<String>> units) {

  /** Cells listed per year at most, as {@code explain} lists them; the rest are counted. */
  public static final int MAX_CELLS = 50;

  public static final FigureLineage NONE = new FigureLineage(List.of(), Map.of(), Map.of());

  /**
   * One source row: for a sum, the cell of its value; for a count, the cells of the activity's row.
   *
   * @param what what the cell is of: the partner, the activity's date, type and title
   * @param partnerId an activity's partner (silver.activity), null for a sum
   * @param field an activity's field code, null for a sum
   */
  public record SourceCell(
      int year,
      String path,
      String sha256,
      String sheet,
      Integer row,
      String cell,
      String rawText,
      BigDecimal value,
      String unit,
      String what,
      String activityId,
      String partnerId,
      String field) {}

  public FigureLineage {
    cells = List.copyOf(cells);
    counts = Map.copyOf(counts);
    Map<Integer, Set<String>> u = new LinkedHashMap<>();
    units.forEach((y, s) -> u.put(y, Set.copyOf(s)));
    units = Map.copyOf(u);
  }

  public List<SourceCell> cellsOf(int year) {
    return cells.stream().filter(c -> c.year() == year).toList();
  }

  public long countOf(int year) {
    return counts.getOrDefault(year, 0L);
  }

  public Set<String> units(int year) {
    return units.getOrDefault(year, Set.of());
  }

  /**
   * The files of a year, each with its sheets and cells, in order; a row listing several partners
   * (one source row each) is named once.
   */
  public Map<String, Map<String, List<String>>> filesOf(int year) {
    Map<String, Map<String, Set<String>>> cells = new LinkedHashMap<>();
    for (SourceCell c : cellsOf(year)) {
      cells
          .computeIfAbsent(c.path(), p -> new LinkedHashMap<>())
          .computeIfAbsent(c.sheet() == null ? "" : c.sheet(), s -> new LinkedHashSet<>())
          .add(c.cell());
    }
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    cells.forEach(
        (path, sheets) -> {
          Map<String, List<String>> m = new LinkedHashMap<>();
          sheets.forEach((sheet, set) -> m.put(sheet, new ArrayList<>(set)));
          out.put(path, m);
        });
    return out;
  }

  /** An activity figure's partners, each once, in the order of the rows. */
  public List<String> partnerIds(int year) {
    Set<String> out = new LinkedHashSet<>();
    for (SourceCell c : cellsOf(year)) {
      if (c.partnerId() != null) {
        out.add(c.partnerId());
      }
    }
    return List.copyOf(out);
  }

  /** An activity figure's fields, each once, in the order of the rows. */
  public List<String> fields(int year) {
    Set<String> out = new LinkedHashSet<>();
    for (SourceCell c : cellsOf(year)) {
      if (c.field() != null) {
        out.add(c.field());
      }
    }
    return List.copyOf(out);
  }
}
