package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code bronze.source_rows}: every row of every source file version, as read, in text, with its
 * lineage. A row keeps its cells' texts by column ({@link #TEXTS}, A first, null where empty) and,
 * for cells that are not text, their kinds. What is the same on every row of a table is stored
 * once, on its header rows: how each column was read (layout column, year key, header path, unit:
 * {@link #COLUMNS}) and what the lines above the table say (title, unit line, year, period, status:
 * {@link #CONTEXT}, also kept on the rows before a table); a row in a table carries only its {@link
 * #SECTION}. {@code TableHeaders} puts them back together. A row's lineage id (silver's {@code
 * lineage_id}) is {@link #lineageId}: the first 12 digits of the file's SHA-256, the sheet index
 * and the row.
 *
 * <p>Append-only per file version: a re-sent file adds its new version beside the old one, so
 * bronze is the record of what was received; silver holds the current version of each file.
 */
public final class BronzeTable {
  private BronzeTable() {}

  public static final TableId ID = new TableId("bronze", "source_rows");

  public static final String RUN_ID = "run_id";
  public static final String LAYOUT = "layout";
  public static final String TARGET = "target";
  public static final String DATASET = "dataset";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SHEET = "sheet";
  public static final String SHEET_INDEX = "sheet_index";
  public static final String ROW = "row";
  public static final String ROW_CLASS = "row_class";
  public static final String LABEL = "label";
  public static final String TABLE_INDEX = "table_index";
  public static final String CONTEXT = "context";
  public static final String SECTION = "section";
  public static final String TEXTS = "texts";
  public static final String KINDS = "kinds";
  public static final String COLUMNS = "columns";
  public static final String ERROR_CODE = "error_code";

  /** Fields of each element of {@link #COLUMNS}; see {@code TableColumn}. */
  public static final String COLUMN_INDEX = "index";

  public static final String COLUMN_NAME = "column";
  public static final String COLUMN_KEY = "key";
  public static final String COLUMN_HEADER = "header";
  public static final String COLUMN_UNIT = "unit";

  /** Nested fields stay nullable: Delta cannot enforce NOT NULL inside arrays. */
  public static final StructType COLUMN =
      new StructType()
          .add(COLUMN_INDEX, DataTypes.IntegerType)
          .add(COLUMN_NAME, DataTypes.StringType)
          .add(COLUMN_KEY, DataTypes.StringType)
          .add(COLUMN_HEADER, DataTypes.StringType)
          .add(COLUMN_UNIT, DataTypes.StringType);

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(LAYOUT, DataTypes.StringType, false)
          .add(TARGET, DataTypes.StringType, false)
          .add(DATASET, DataTypes.StringType, false)
          .add(SOURCE_PATH, DataTypes.StringType, false)
          .add(SOURCE_SHA256, DataTypes.StringType, false)
          .add(SHEET, DataTypes.StringType)
          .add(SHEET_INDEX, DataTypes.IntegerType, false)
          .add(ROW, DataTypes.IntegerType, false)
          .add(ROW_CLASS, DataTypes.StringType, false)
          .add(LABEL, DataTypes.StringType)
          .add(TABLE_INDEX, DataTypes.IntegerType, false)
          .add(CONTEXT, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
          .add(SECTION, DataTypes.StringType)
          .add(TEXTS, DataTypes.createArrayType(DataTypes.StringType, true))
          .add(KINDS, DataTypes.StringType)
          .add(COLUMNS, DataTypes.createArrayType(COLUMN, true))
          .add(ERROR_CODE, DataTypes.StringType);

  /**
   * Table properties at creation. File statistics (min/max for data skipping) only for the columns
   * loads select files by: computing them for every column cost a quarter of the bronze write.
   */
  public static final java.util.Map<String, String> PROPERTIES =
      java.util.Map.of("delta.dataSkippingStatsColumns", SOURCE_PATH + "," + SOURCE_SHA256);

  /** The id that ties silver rows to their bronze row (a row in the table's column order). */
  public static String lineageId(org.apache.spark.sql.Row bronze) {
    return lineageId(bronze.getString(I_SHA), bronze.getInt(I_SHEET_INDEX), bronze.getInt(I_ROW));
  }

  private static final int I_SHA = SCHEMA.fieldIndex(SOURCE_SHA256);
  private static final int I_SHEET_INDEX = SCHEMA.fieldIndex(SHEET_INDEX);
  private static final int I_ROW = SCHEMA.fieldIndex(ROW);

  /** The id that ties silver rows to their bronze row. */
  public static String lineageId(String sha256, int sheetIndex, int row) {
    return lineagePrefix(sha256) + sheetIndex + ":" + row;
  }

  /** What the lineage ids of one file version begin with. */
  public static String lineagePrefix(String sha256) {
    return sha256.substring(0, Math.min(12, sha256.length())) + ":";
  }
}
