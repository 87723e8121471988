package vn.extrel.warehouse.bronze;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.ingest.BronzeCell;
import vn.extrel.warehouse.ingest.TableColumn;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.CellRef;

/**
 * What bronze stores once per table, on its header rows: the column map (layout column, year key,
 * header path and unit of each source column) and the context (title, unit line, year, period,
 * status), keyed by file version (path and SHA-256: two byte-identical files under different names
 * have contexts of their own, such as the year each one's name gives), sheet and table; and a
 * bronze row's cells and context put back together with them. Small (a few entries per file), so it
 * is gathered on the driver and shipped with the tasks that parse bronze rows.
 */
public final class TableHeaders implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String[] KIND_TEXT = new String[128];

  static {
    for (char c = 0; c < KIND_TEXT.length; c++) {
      KIND_TEXT[c] = String.valueOf(c);
    }
  }

  // Bronze rows are read in the table's own column order (as SilverParser reads them).
  private static final int I_PATH = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SOURCE_PATH);
  private static final int I_SHA = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SOURCE_SHA256);
  private static final int I_SHEET_INDEX = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SHEET_INDEX);
  private static final int I_ROW = BronzeTable.SCHEMA.fieldIndex(BronzeTable.ROW);
  private static final int I_TABLE_INDEX = BronzeTable.SCHEMA.fieldIndex(BronzeTable.TABLE_INDEX);
  private static final int I_TEXTS = BronzeTable.SCHEMA.fieldIndex(BronzeTable.TEXTS);
  private static final int I_KINDS = BronzeTable.SCHEMA.fieldIndex(BronzeTable.KINDS);
  private static final int I_COLUMNS = BronzeTable.SCHEMA.fieldIndex(BronzeTable.COLUMNS);
  private static final int I_CONTEXT = BronzeTable.SCHEMA.fieldIndex(BronzeTable.CONTEXT);
  private static final int I_SECTION = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SECTION);

  private record Key(String path, String sha256, int sheetIndex, int tableIndex)
      implements Serializable {}

  private record Header(TableColumn[] columns, Map<String, String> context, List<String> mapped)
      implements Serializable {}

  private static final Header NO_HEADER = new Header(new TableColumn[0], Map.of(), List.of());

  private final Map<Key, Header> tables = new HashMap<>();

  /** The column maps of the header rows among the given bronze rows (one Spark job). */
  public static TableHeaders of(Dataset<Row> bronze) {
    TableHeaders out = new TableHeaders();
    for (Row r :
        bronze
            .filter(
                col(BronzeTable.ROW_CLASS)
                    .equalTo(RowClass.HEADER.wire())
                    .and(col(BronzeTable.COLUMNS).isNotNull()))
            .select(
                col(BronzeTable.SOURCE_PATH),
                col(BronzeTable.SOURCE_SHA256),
                col(BronzeTable.SHEET_INDEX),
                col(BronzeTable.TABLE_INDEX),
                col(BronzeTable.COLUMNS),
                col(BronzeTable.CONTEXT))
            .dropDuplicates(
                BronzeTable.SOURCE_PATH,
                BronzeTable.SOURCE_SHA256,
                BronzeTable.SHEET_INDEX,
                BronzeTable.TABLE_INDEX)
            .collectAsList()) {
      out.put(
          r.getString(0),
          r.getString(1),
          r.getInt(2),
          r.getInt(3),
          r.getList(4),
          r.isNullAt(5) ? Map.of() : r.getJavaMap(5));
    }
    return out;
  }

  /** Remembers the header a bronze row carries (header rows do); other rows are ignored. */
  public void add(Row bronze) {
    if (!bronze.isNullAt(I_COLUMNS)) {
      put(
          bronze.getString(I_PATH),
          bronze.getString(I_SHA),
          bronze.getInt(I_SHEET_INDEX),
          bronze.getInt(I_TABLE_INDEX),
          bronze.getList(I_COLUMNS),
          bronze.isNullAt(I_CONTEXT) ? Map.of() : bronze.getJavaMap(I_CONTEXT));
    }
  }

  private void put(
      String path,
      String sha256,
      int sheetIndex,
      int tableIndex,
      List<Row> columns,
      Map<String, String> context) {
    List<TableColumn> cs = new ArrayList<>(columns.size());
    for (Row c : columns) {
      cs.add(
          new TableColumn(
              c.getInt(0), c.getString(1), c.getString(2), c.getString(3), c.getString(4)));
    }
    add(new Entry(path, sha256, sheetIndex, tableIndex, cs, context));
  }

  /** One table's header, as a reader reports it. */
  public record Entry(
      String path,
      String sha256,
      int sheetIndex,
      int tableIndex,
      List<TableColumn> columns,
      Map<String, String> context)
      implements Serializable {}

  /** Remembers a table's header. */
  public void add(Entry e) {
    int width = 0;
    for (TableColumn c : e.columns()) {
      width = Math.max(width, c.index() + 1);
    }
    TableColumn[] byIndex = new TableColumn[width];
    for (TableColumn c : e.columns()) {
      byIndex[c.index()] = c;
    }
    List<String> mapped = new ArrayList<>();
    for (TableColumn c : e.columns()) {
      if (c.column() != null && !mapped.contains(c.column())) {
        mapped.add(c.column());
      }
    }
    tables.put(
        new Key(e.path(), e.sha256(), e.sheetIndex(), e.tableIndex()),
        new Header(
            byIndex,
            java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(e.context() == null ? Map.of() : e.context())),
            List.copyOf(mapped)));
  }

  /** The layout columns the row's table maps (whether or not the row has a value in them). */
  public List<String> mappedColumns(Row bronze) {
    return header(bronze).mapped();
  }

  private Header header(Row bronze) {
    return tables.getOrDefault(
        new Key(
            bronze.getString(I_PATH),
            bronze.getString(I_SHA),
            bronze.getInt(I_SHEET_INDEX),
            bronze.getInt(I_TABLE_INDEX)),
        NO_HEADER);
  }

  /**
   * What the lines above a bronze row say of it: its own context (rows before a table, header
   * rows), else its table's; with {@code section} when the row is in one.
   */
  public Map<String, String> context(Row bronze) {
    Map<String, String> own = bronze.isNullAt(I_CONTEXT) ? null : bronze.getJavaMap(I_CONTEXT);
    Map<String, String> context = own != null ? own : header(bronze).context();
    if (bronze.isNullAt(I_SECTION)) {
      return context;
    }
    Map<String, String> out = new LinkedHashMap<>(context);
    out.put(BronzeTable.SECTION, bronze.getString(I_SECTION));
    return out;
  }

  /** The bronze row's non-empty cells, in column order, with their columns' header and mapping. */
  public List<BronzeCell> cells(Row bronze) {
    if (bronze.isNullAt(I_TEXTS)) {
      return List.of();
    }
    List<String> texts = bronze.getList(I_TEXTS);
    String kinds = bronze.isNullAt(I_KINDS) ? null : bronze.getString(I_KINDS);
    int row = bronze.getInt(I_ROW);
    TableColumn[] columns = header(bronze).columns();
    List<BronzeCell> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        continue;
      }
      TableColumn c = i < columns.length ? columns[i] : null;
      char stored = kinds == null || i >= kinds.length() ? 's' : kinds.charAt(i);
      char kind = Character.toLowerCase(stored);
      out.add(
          new BronzeCell(
              c == null ? null : c.column(),
              c == null ? null : c.key(),
              c == null ? null : c.header(),
              CellRef.of(i, row),
              kind < KIND_TEXT.length ? KIND_TEXT[kind] : String.valueOf(kind),
              text,
              c == null ? null : c.unit(),
              stored != kind));
    }
    return out;
  }

  /** A bronze row's texts by A1 reference ("C12" → "80.729,4"), for rows kept as they are. */
  public static Map<String, String> textsByRef(Row bronze) {
    Map<String, String> out = new LinkedHashMap<>();
    if (bronze.isNullAt(I_TEXTS)) {
      return out;
    }
    List<String> texts = bronze.getList(I_TEXTS);
    int row = bronze.getInt(I_ROW);
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) != null) {
        out.put(CellRef.of(i, row), texts.get(i));
      }
    }
    return out;
  }
}
