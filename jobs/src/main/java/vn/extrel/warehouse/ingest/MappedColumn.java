package vn.extrel.warehouse.ingest;

/**
 * A source column mapped for the current table.
 *
 * @param spec the layout column it was mapped to
 * @param key for year columns, the year the header names; otherwise null
 * @param header the flattened header path above the column
 * @param unit the unit as written, once settled (null before)
 * @param measure whether the column holds a measure's figures
 */
record MappedColumn(String spec, String key, String header, String unit, boolean measure) {

  MappedColumn withUnit(String written) {
    return new MappedColumn(spec, key, header, written, measure);
  }
}
