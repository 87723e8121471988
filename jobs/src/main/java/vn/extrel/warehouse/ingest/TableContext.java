package vn.extrel.warehouse.ingest;

/**
 * The keys of a table's context: what the lines above a table, the file name and the layout say of
 * every row in it. Bronze stores the context once per table (on its header rows); the silver parser
 * reads it back by these keys.
 */
public final class TableContext {
  private TableContext() {}

  public static final String SHEET = "sheet";
  public static final String TITLE = "title";
  public static final String UNIT_LINE = "unit_line";
  public static final String HEADER_ROW = "header_row";
  public static final String YEAR = "year";
  public static final String PERIOD = "period";
  public static final String STATUS = "status";

  /** The publication date (ISO yyyy-MM-dd) of the report the table is in. */
  public static final String PUBLISHED = "published";

  /** The report's edition: its own reference period ("2021", "2021-Q1") or a declared label. */
  public static final String EDITION = "edition";

  public static final String SECTION = "section";
}
