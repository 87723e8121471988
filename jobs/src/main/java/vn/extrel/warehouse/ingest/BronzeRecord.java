package vn.extrel.warehouse.ingest;

import java.util.List;
import java.util.Map;

/**
 * One row read from a sheet, classified.
 *
 * @param rowClass {@code data}, or a non-data class: {@code title}, {@code header}, {@code blank},
 *     {@code total}, {@code subtotal}, {@code section}, {@code note}, {@code hidden}, {@code
 *     outside}, {@code subtitle}, {@code empty}, {@code ignored}
 * @param label the text that names the row (first text cell), for totals and sections (bronze keeps
 *     it for rows other than data rows)
 * @param tableIndex which table of the sheet (several can be stacked), 0-based; -1 before the first
 *     header
 * @param context what the rows above say about this one: title, unit line, year, period, status; on
 *     header rows and rows before the first table (a table's other rows have their header's)
 * @param section the label of the section row above, for rows in a section of a table
 * @param cells the row's non-empty cells, in column order
 * @param columns on header rows, how the table's columns were read (the same list for every row of
 *     the table); null on other rows
 */
public record BronzeRecord(
    String sheet,
    int sheetIndex,
    int row,
    String rowClass,
    String label,
    int tableIndex,
    Map<String, String> context,
    String section,
    List<RawCell> cells,
    List<TableColumn> columns) {

  public static final String DATA = "data";
  public static final String TITLE = "title";
  public static final String HEADER = "header";
  public static final String BLANK = "blank";
  public static final String TOTAL = "total";
  public static final String SUBTOTAL = "subtotal";
  public static final String SECTION = "section";
  public static final String NOTE = "note";
  public static final String HIDDEN = "hidden";
  public static final String OUTSIDE = "outside";

  /** A text line right under a header with nothing in the columns read ("Tính từ 01/01/2020"). */
  public static final String SUBTITLE = "subtitle";

  /** A row in a table with nothing in the columns the layout reads (stray cells elsewhere). */
  public static final String EMPTY = "empty";

  /** A row the layout's rows.ignore names. */
  public static final String IGNORED = "ignored";

  /** A whole file that could not be read: one row, row number 0, the error in the label. */
  public static final String FILE_ERROR = "file_error";
}
