package vn.extrel.warehouse.ingest;

import java.io.Serializable;

/**
 * How one source column of a table was read: stored once per table (on its header rows), not on
 * every cell.
 *
 * @param index 0-based source column (A is 0)
 * @param column the layout column it was mapped to, or null for a column no layout column claims
 * @param key for year columns, the year the header names ("2016"); otherwise null
 * @param header the flattened header path above the column ("Năm 2016 / Vốn thực hiện")
 * @param unit the unit as written where the column's unit was found (header, unit line or layout)
 */
public record TableColumn(int index, String column, String key, String header, String unit)
    implements Serializable {}
