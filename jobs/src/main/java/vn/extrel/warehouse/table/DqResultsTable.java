package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.dq_results}: data-quality results of each run: totals reconciliation and the rules of
 * config/rules. One row per check and place (file, sheet, row, column where there is one).
 */
public final class DqResultsTable {
  private DqResultsTable() {}

  public static final TableId ID = new TableId("ops", "dq_results");

  public static final String RUN_ID = "run_id";

  /** e.g. {@code totals_reconciliation}. */
  public static final String RULE = "rule";

  /** pass, warn or fail. */
  public static final String STATUS = "status";

  /** What the rule does on failure: warn, quarantine, fail. */
  public static final String ACTION = "action";

  public static final String TARGET = "target";
  public static final String DATASET = "dataset";
  public static final String SOURCE_PATH = "source_path";
  public static final String SHEET = "sheet";
  public static final String ROW = "row";
  public static final String COLUMN = "column";
  public static final String CELL = "cell";

  /** What the source says (a total row's value). */
  public static final String EXPECTED = "expected";

  /** What the data gives (the sum of the detail rows). */
  public static final String ACTUAL = "actual";

  public static final String DIFFERENCE = "difference";
  public static final String FAILING_ROWS = "failing_rows";
  public static final String MESSAGE = "message";

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(RULE, DataTypes.StringType, false)
          .add(STATUS, DataTypes.StringType, false)
          .add(ACTION, DataTypes.StringType)
          .add(TARGET, DataTypes.StringType)
          .add(DATASET, DataTypes.StringType)
          .add(SOURCE_PATH, DataTypes.StringType)
          .add(SHEET, DataTypes.StringType)
          .add(ROW, DataTypes.IntegerType)
          .add(COLUMN, DataTypes.StringType)
          .add(CELL, DataTypes.StringType)
          .add(EXPECTED, FactTable.AMOUNT)
          .add(ACTUAL, FactTable.AMOUNT)
          .add(DIFFERENCE, FactTable.AMOUNT)
          .add(FAILING_ROWS, DataTypes.LongType)
          .add(MESSAGE, DataTypes.StringType);
}
