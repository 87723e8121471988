package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a sheet's header rows into one path per column, reading merged cells from their
 * top-left.
 */
final class HeaderPaths {

  private final Map<Long, String> mergeFill;

  HeaderPaths(List<int[]> merges) {
    this.mergeFill = mergeFill(merges);
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

  /** The path above each column that has one, in column order. */
  Map<Integer, String> of(List<RawRow> header) {
    Map<Integer, Map<Integer, String>> grid = new HashMap<>();
    int maxCol = -1;
    for (RawRow r : header) {
      Map<Integer, String> byCol = new HashMap<>();
      for (RawCell c : r.cells()) {
        byCol.put(c.column(), text(c));
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
          t = mergedText(grid, r.number(), c);
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

  /** The text of the merge's top-left when the cell is covered by one, else null. */
  private String mergedText(Map<Integer, Map<Integer, String>> grid, int row, int column) {
    String origin = mergeFill.get(((long) row << 20) | column);
    if (origin == null) {
      return null;
    }
    String[] rc = origin.split(":");
    Map<Integer, String> originRow = grid.get(Integer.parseInt(rc[1]));
    return originRow == null ? null : originRow.get(Integer.parseInt(rc[0]));
  }

  /** A cell's text as a header reads it: a year typed as a number loses its ".0". */
  static String text(RawCell c) {
    if (c.isNumeric() && c.text().endsWith(".0")) {
      return c.text().substring(0, c.text().length() - 2);
    }
    return c.text();
  }
}
