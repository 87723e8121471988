package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code ops.load_runs}: one row per load run, with what it did. */
public final class LoadRunsTable {
  private LoadRunsTable() {}

  public static final TableId ID = new TableId("ops", "load_runs");

  public static final String RUN_ID = "run_id";
  public static final String COMMAND = "command";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";

  /** running, succeeded, succeeded_with_errors (some files failed), failed. */
  public static final String STATUS = "status";

  public static final String INPUT = "input";
  public static final String FILES_SEEN = "files_seen";
  public static final String FILES_LOADED = "files_loaded";
  public static final String FILES_UNCHANGED = "files_unchanged";
  public static final String FILES_FAILED = "files_failed";
  public static final String FILES_UNMATCHED = "files_unmatched";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_LOADED = "rows_loaded";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String ROWS_EXCLUDED = "rows_excluded";
  public static final String FACTS_WRITTEN = "facts_written";
  public static final String MESSAGE = "message";

  /** Fingerprint of layouts and reference data the silver tables were parsed with. */
  public static final String SILVER_FINGERPRINT = "silver_fingerprint";

  /** Fingerprint of the indicator definitions gold was computed with. */
  public static final String GOLD_FINGERPRINT = "gold_fingerprint";

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(COMMAND, DataTypes.StringType, false)
          .add(STARTED_AT, DataTypes.TimestampType, false)
          .add(ENDED_AT, DataTypes.TimestampType)
          .add(STATUS, DataTypes.StringType, false)
          .add(INPUT, DataTypes.StringType)
          .add(FILES_SEEN, DataTypes.IntegerType)
          .add(FILES_LOADED, DataTypes.IntegerType)
          .add(FILES_UNCHANGED, DataTypes.IntegerType)
          .add(FILES_FAILED, DataTypes.IntegerType)
          .add(FILES_UNMATCHED, DataTypes.IntegerType)
          .add(ROWS_READ, DataTypes.LongType)
          .add(ROWS_LOADED, DataTypes.LongType)
          .add(ROWS_QUARANTINED, DataTypes.LongType)
          .add(ROWS_EXCLUDED, DataTypes.LongType)
          .add(FACTS_WRITTEN, DataTypes.LongType)
          .add(MESSAGE, DataTypes.StringType)
          .add(SILVER_FINGERPRINT, DataTypes.StringType)
          .add(GOLD_FINGERPRINT, DataTypes.StringType);
}
