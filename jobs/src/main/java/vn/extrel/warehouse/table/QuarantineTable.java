package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.quarantine}: source rows that failed validation, with every problem found, the raw
 * values and where they sit. Nothing is dropped silently: a row is loaded, quarantined here, or
 * excluded as a non-data row.
 */
public final class QuarantineTable {
  private QuarantineTable() {}

  public static final TableId ID = new TableId("silver", "quarantine");

  public static final String RUN_ID = "run_id";
  public static final String LAYOUT = "layout";
  public static final String TARGET = "target";
  public static final String DATASET = "dataset";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SHEET = "sheet";
  public static final String ROW = "row";
  public static final String LINEAGE_ID = "lineage_id";

  /** The first problem's code, e.g. NOT_A_NUMBER; see {@code Reasons}. */
  public static final String REASON_CODE = "reason_code";

  /** What is wrong and how to fix it, for the first problem. */
  public static final String REASON = "reason";

  /** The layout column of the first problem. */
  public static final String COLUMN = "column";

  /** The A1 reference of the first problem. */
  public static final String CELL = "cell";

  /** Layout column (or A1 reference for unmapped cells) to raw text. */
  public static final String RAW_VALUES = "raw_values";

  public static final String PROBLEMS = "problems";

  public static final StructType PROBLEM =
      new StructType()
          .add("reason_code", DataTypes.StringType)
          .add("column", DataTypes.StringType)
          .add("cell", DataTypes.StringType)
          .add("raw_text", DataTypes.StringType)
          .add("message", DataTypes.StringType)
          .add("suggestions", DataTypes.createArrayType(DataTypes.StringType, true));

  /** File statistics only on what loads replace rows by and analysts filter by (see FactTable). */
  public static final java.util.Map<String, String> PROPERTIES =
      java.util.Map.of("delta.dataSkippingStatsColumns", DATASET + "," + SOURCE_PATH);

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(LAYOUT, DataTypes.StringType, false)
          .add(TARGET, DataTypes.StringType, false)
          .add(DATASET, DataTypes.StringType, false)
          .add(SOURCE_PATH, DataTypes.StringType, false)
          .add(SOURCE_SHA256, DataTypes.StringType, false)
          .add(SHEET, DataTypes.StringType)
          .add(ROW, DataTypes.IntegerType, false)
          .add(LINEAGE_ID, DataTypes.StringType, false)
          .add(REASON_CODE, DataTypes.StringType, false)
          .add(REASON, DataTypes.StringType, false)
          .add(COLUMN, DataTypes.StringType)
          .add(CELL, DataTypes.StringType)
          .add(RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
          .add(PROBLEMS, DataTypes.createArrayType(PROBLEM, true));
}
