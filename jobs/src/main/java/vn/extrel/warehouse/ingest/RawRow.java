package vn.extrel.warehouse.ingest;

import java.util.List;

/**
 * One row of a sheet (or one record of a CSV file) as read.
 *
 * @param number 1-based row number as the spreadsheet shows it (for CSV, the record number)
 * @param cells non-empty cells, in column order
 * @param hidden whether the row is hidden in the workbook
 */
public record RawRow(int number, List<RawCell> cells, boolean hidden) {

  public boolean isBlank() {
    for (RawCell c : cells) {
      if (!c.text().isBlank()) {
        return false;
      }
    }
    return true;
  }

  public RawCell cell(int column) {
    for (RawCell c : cells) {
      if (c.column() == column) {
        return c;
      }
      if (c.column() > column) {
        return null;
      }
    }
    return null;
  }
}
