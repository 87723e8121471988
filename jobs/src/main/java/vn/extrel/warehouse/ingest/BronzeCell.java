package vn.extrel.warehouse.ingest;

import java.io.Serializable;

/**
 * A cell of a bronze row with what its table's header says of its column (bronze stores the text
 * per row and the column once per table; {@code bronze.TableHeaders} puts the two together).
 *
 * @param column the layout column it was mapped to, or null for a cell no column claims
 * @param key for year columns, the year the header names ("2016"); otherwise null
 * @param header the flattened header path above the cell ("Năm 2016 / Vốn thực hiện")
 * @param ref A1 reference
 * @param kind see {@link RawCell#kind()}
 * @param text the text as read
 * @param unit the unit as written where the column's unit was found (header, unit line or layout)
 * @param formula whether the value is a formula's cached result (a total computed with SUM)
 */
public record BronzeCell(
    String column,
    String key,
    String header,
    String ref,
    String kind,
    String text,
    String unit,
    boolean formula)
    implements Serializable {

  /** The same cell read in another unit (a key-indicator row's own unit cell). */
  public BronzeCell withUnit(String u) {
    return new BronzeCell(column, key, header, ref, kind, text, u, formula);
  }

  /** A fixed value of the layout (a constant, a column's set:), read as if it were a text cell. */
  public static BronzeCell fixed(String text) {
    return new BronzeCell(null, null, null, null, "s", text, null, false);
  }
}
