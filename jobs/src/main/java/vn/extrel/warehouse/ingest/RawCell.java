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

  public boolean isNumeric() {
    return kind == 'n';
  }
}
