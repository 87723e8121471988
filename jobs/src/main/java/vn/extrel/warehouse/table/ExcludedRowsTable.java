package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.excluded_rows}: the non-data rows of each file (titles, headers, totals, subtotals,
 * sections, notes, blank and hidden rows), kept so that every row read is accounted for and totals
 * can be checked.
 */
public final class ExcludedRowsTable {
  private ExcludedRowsTable() {}

  public static final TableId ID = new TableId("silver", "excluded_rows");

  public static final String RUN_ID = "run_id";
  public static final String LAYOUT = "layout";
  public static final String TARGET = "target";
  public static final String DATASET = "dataset";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SHEET = "sheet";
  public static final String ROW = "row";
  public static final String LINEAGE_ID = "lineage_id";
  public static final String ROW_CLASS = "row_class";
  public static final String LABEL = "label";

  /** A1 reference to raw text. */
  public static final String RAW_VALUES = "raw_values";

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
          .add(ROW_CLASS, DataTypes.StringType, false)
          .add(LABEL, DataTypes.StringType)
          .add(RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
}
