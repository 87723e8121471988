package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.file_loads}: one row per file version a run read, with its accounting: rows read =
 * rows loaded + rows quarantined + rows excluded. The history of every version of every file (its
 * revisions).
 */
public final class FileLoadsTable {
  private FileLoadsTable() {}

  public static final TableId ID = new TableId("ops", "file_loads");

  public static final String RUN_ID = "run_id";
  public static final String SOURCE_PATH = "source_path";
  public static final String SHA256 = "sha256";
  public static final String SIZE = "size";
  public static final String MODIFIED_AT = "modified_at";
  public static final String LAYOUT = "layout";
  public static final String TARGET = "target";

  /** loaded or failed. */
  public static final String STATUS = "status";

  public static final String ERROR_CODE = "error_code";
  public static final String ERROR = "error";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_LOADED = "rows_loaded";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String ROWS_EXCLUDED = "rows_excluded";

  /** 1 for the first version of a path, then 2, 3, ... for each re-sent version. */
  public static final String REVISION = "revision";

  public static final String LOADED_AT = "loaded_at";

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(SOURCE_PATH, DataTypes.StringType, false)
          .add(SHA256, DataTypes.StringType, false)
          .add(SIZE, DataTypes.LongType)
          .add(MODIFIED_AT, DataTypes.TimestampType)
          .add(LAYOUT, DataTypes.StringType)
          .add(TARGET, DataTypes.StringType)
          .add(STATUS, DataTypes.StringType, false)
          .add(ERROR_CODE, DataTypes.StringType)
          .add(ERROR, DataTypes.StringType)
          .add(ROWS_READ, DataTypes.LongType)
          .add(ROWS_LOADED, DataTypes.LongType)
          .add(ROWS_QUARANTINED, DataTypes.LongType)
          .add(ROWS_EXCLUDED, DataTypes.LongType)
          .add(REVISION, DataTypes.IntegerType)
          .add(LOADED_AT, DataTypes.TimestampType, false);
}
