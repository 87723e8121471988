package vn.extrel.warehouse.ingest;

import static vn.extrel.warehouse.ingest.IngestErrors.where;

import java.util.List;
import vn.extrel.warehouse.ingest.IngestErrors.FileException;

/**
 * Errors in a sheet's table that stop its file: a header not found, a column missing, found twice
 * or in the wrong unit, a table the layout does not describe. Like {@link IngestErrors}, each names
 * the file, sheet and row, says why and what to do.
 */
final class TableErrors {
  private TableErrors() {}

  static FileException headerNotFound(
      String file,
      String sheet,
      String layout,
      List<String> lookingFor,
      int searched,
      List<String> firstRows) {
    return new FileException(
        "HEADER_NOT_FOUND",
        where(file, sheet)
            + ": no header row with "
            + lookingFor
            + " in the first "
            + searched
            + " rows (layout "
            + layout
            + "). First rows read: "
            + firstRows
            + ". Add the header texts used here to the columns' aliases in the layout",
        null);
  }

  static FileException missingColumn(
      String file,
      String sheet,
      int headerRow,
      String column,
      List<String> aliases,
      List<String> headers) {
    return new FileException(
        "MISSING_COLUMN",
        where(file, sheet)
            + " header row "
            + headerRow
            + ": required column '"
            + column
            + "' not found (looked for "
            + aliases
            + "; the header has "
            + headers
            + "). Add the column to the file, or its header text to"
            + " the layout's aliases; if the header spans two rows (a merged title over its"
            + " columns), say so in the layout with table: {header_rows: 2}",
        null);
  }

  static FileException ambiguousColumn(
      String file, String sheet, int headerRow, String column, String first, String second) {
    return new FileException(
        "AMBIGUOUS_COLUMN",
        where(file, sheet)
            + " header row "
            + headerRow
            + ": column '"
            + column
            + "' matches both "
            + first
            + " and "
            + second
            + ". Make the layout's aliases more specific",
        null);
  }

  static FileException noUnit(
      String file, String sheet, int headerRow, String column, String header) {
    return new FileException(
        "UNIT_UNKNOWN",
        where(file, sheet)
            + " header row "
            + headerRow
            + ": column '"
            + column
            + "' (header '"
            + header
            + "') holds money but no unit is given:"
            + " not in the header, not in a 'Đơn vị tính' line, not in the layout. Add unit: 'triệu USD' (or"
            + " the right one) to the column in the layout",
        null);
  }

  static FileException unitMismatch(
      String file, String sheet, String column, String unit, String expected) {
    return new FileException(
        "UNIT_MISMATCH",
        where(file, sheet)
            + ": column '"
            + column
            + "' is in '"
            + unit
            + "' but the measure is stored in "
            + expected
            + ", and the warehouse does not convert currencies. Send the figures in "
            + expected
            + " or map the column to another measure",
        null);
  }

  static FileException unitConflict(
      String file,
      String sheet,
      int headerRow,
      String column,
      String layoutUnit,
      String fileUnit,
      String whereInFile) {
    return new FileException(
        "UNIT_CONFLICT",
        where(file, sheet)
            + " header row "
            + headerRow
            + ": column '"
            + column
            + "' is in '"
            + fileUnit
            + "' by "
            + whereInFile
            + ", but the layout says unit: '"
            + layoutUnit
            + "'. The file's own unit wins over the layout's, and these two differ, so nothing is"
            + " guessed: remove unit: from the column in the layout (the file's unit is then used), or"
            + " correct the file if the layout is right",
        null);
  }

  static FileException unexpectedTable(
      String file,
      String sheet,
      int row,
      List<String> header,
      String layout,
      String firstCell,
      List<String> memberColumns,
      boolean stacked) {
    return new FileException(
        "UNEXPECTED_TABLE",
        where(file, sheet)
            + " row "
            + row
            + ": another table starts here (header "
            + header
            + ") that layout "
            + layout
            + " does not map"
            + (memberColumns.isEmpty()
                ? ""
                : ": none of its columns is one of the layout's member columns " + memberColumns)
            + ". Its rows would be read with the wrong meaning, so the file is not loaded. To leave"
            + " the table out, add table.stop_before: '"
            + firstCell
            + "' to the layout (or table.range); to load it, "
            + (stacked
                ? "add the header text of its name column to the aliases of the member column it"
                    + " holds (e.g. columns.area.aliases)"
                : "add table.stacked: true and the header text of its name column to the aliases of"
                    + " the member column it holds (e.g. columns.area.aliases)"),
        null);
  }
}
