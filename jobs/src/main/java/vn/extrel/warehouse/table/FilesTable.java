package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.files}: the file manifest, one row per source path with its current version, so a
 * rerun skips what it has seen and loads only new and changed files.
 */
public final class FilesTable {
  private FilesTable() {}

  public static final TableId ID = new TableId("ops", "files");

  public static final String SOURCE_PATH = "source_path";
  public static final String SIZE = "size";
  public static final String MODIFIED_AT = "modified_at";
  public static final String SHA256 = "sha256";
  public static final String LAYOUT = "layout";

  /**
   * The layout file's fingerprint when the file was read; a changed layout means reading it again.
   */
  public static final String LAYOUT_HASH = "layout_hash";

  public static final String TARGET = "target";

  /** loaded, failed (its error below; earlier rows kept), no_layout, ambiguous_layout, vanished. */
  public static final String STATUS = "status";

  public static final String ERROR_CODE = "error_code";
  public static final String ERROR = "error";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_LOADED = "rows_loaded";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String ROWS_EXCLUDED = "rows_excluded";

  /** How many versions of the path have been received. */
  public static final String REVISION = "revision";

  public static final String FIRST_RUN = "first_run";
  public static final String LAST_RUN = "last_run";

  /**
   * What changes with the file's content even when size and time do not (see {@link
   * vn.extrel.warehouse.load.SourceFile#changeStamp}); null on object storage.
   */
  public static final String CHANGE_STAMP = "change_stamp";

  public static final StructType SCHEMA =
      new StructType()
          .add(SOURCE_PATH, DataTypes.StringType, false)
          .add(SIZE, DataTypes.LongType)
          .add(MODIFIED_AT, DataTypes.TimestampType)
          .add(SHA256, DataTypes.StringType)
          .add(LAYOUT, DataTypes.StringType)
          .add(LAYOUT_HASH, DataTypes.StringType)
          .add(TARGET, DataTypes.StringType)
          .add(STATUS, DataTypes.StringType, false)
          .add(ERROR_CODE, DataTypes.StringType)
          .add(ERROR, DataTypes.StringType)
          .add(ROWS_READ, DataTypes.LongType)
          .add(ROWS_LOADED, DataTypes.LongType)
          .add(ROWS_QUARANTINED, DataTypes.LongType)
          .add(ROWS_EXCLUDED, DataTypes.LongType)
          .add(REVISION, DataTypes.IntegerType)
          .add(FIRST_RUN, DataTypes.StringType)
          .add(LAST_RUN, DataTypes.StringType)
          .add(CHANGE_STAMP, DataTypes.StringType);
}
