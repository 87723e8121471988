package vn.extrel.warehouse.table;

import java.util.Locale;

/**
 * What a row read from a sheet is: the {@code row_class} of {@code bronze.rows} and of {@code
 * silver.excluded_rows}, spelt there as {@link #wire()}. Only data rows (and, for long facts, total
 * rows) become facts; every other class is kept in bronze and counted as excluded.
 */
public enum RowClass {
  /** A member's figures. */
  DATA,
  /** A title line above a table. */
  TITLE,
  /** A header row of a table. */
  HEADER,
  /** An empty row. */
  BLANK,
  /** A total row typed in the file ("Tổng số", "Cộng"). */
  TOTAL,
  /** A partial total ("Trong đó"). */
  SUBTOTAL,
  /** A section row that names the rows under it. */
  SECTION,
  /** A note or source line ("Nguồn: ..."). */
  NOTE,
  /** A row the sheet hides. */
  HIDDEN,
  /** A row outside any table the layout reads. */
  OUTSIDE,
  /** A text line right under a header with nothing in the columns read ("Tính từ 01/01/2020"). */
  SUBTITLE,
  /** A row in a table with nothing in the columns the layout reads (stray cells elsewhere). */
  EMPTY,
  /** A row the layout's rows.ignore names. */
  IGNORED,
  /** A whole file that could not be read: one row, row number 0, the error in the label. */
  FILE_ERROR;

  /** The word the tables use. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class a table's word names. */
  public static RowClass of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return wire();
  }
}
