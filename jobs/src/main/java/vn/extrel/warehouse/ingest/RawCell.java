package vn.extrel.warehouse.ingest;

/**
 * One non-empty cell as read.
 *
 * @param column 0-based column index
 * @param kind {@code s} text, {@code n} number (text is the stored value, e.g.
 *     "2464.3229809999998"), {@code d} date (ISO text), {@code b} boolean, {@code e} error value
 *     such as #N/A
 * @param text NFC-normalised text, never null
 * @param formula whether the value is a formula's cached result
 */
public record RawCell(int column, char kind, String text, boolean formula) {

  /**
   * A formula with no saved result: kind {@code F}, the formula as its text. A file fails on it
   * only where a layout maps the cell; elsewhere it is left out.
   */
  static final char FORMULA_WITHOUT_VALUE = 'F';

  /**
   * A text longer than a cell can hold: kind {@code X}, its first characters as its text. A file
   * fails on it only where a layout maps the cell; elsewhere it is kept as that shortened text.
   */
  static final char OVERSIZED = 'X';

  static RawCell formulaWithoutValue(int column, String formula) {
    return new RawCell(column, FORMULA_WITHOUT_VALUE, formula == null ? "" : formula, true);
  }

  static RawCell oversized(int column, String text, int limit) {
    return new RawCell(
        column,
        OVERSIZED,
        text.substring(0, 200) + "… (" + text.length() + " characters, more than " + limit + ")",
        false);
  }

  /** Whether the cell is one a layout cannot read (see the kinds above). */
  boolean unreadable() {
    return kind == FORMULA_WITHOUT_VALUE || kind == OVERSIZED;
  }

  public boolean isNumeric() {
    return kind == 'n';
  }
}
