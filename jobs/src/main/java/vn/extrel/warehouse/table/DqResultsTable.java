package vn.extrel.warehouse.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.util.Rows;

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

  /**
   * Where a result points: the table, and the file, sheet, row, column and cell where there is one.
   */
  public record Place(
      String target,
      String dataset,
      String sourcePath,
      String sheet,
      Integer row,
      String column,
      String cell) {

    /** A place without sheet, row or cell: a file, a table or a file's dataset. */
    public static Place of(String target, String dataset, String sourcePath, String column) {
      return new Place(target, dataset, sourcePath, null, null, column, null);
    }
  }

  /** What the source says, what the data gives, and the difference, kept to six decimals. */
  public record Amounts(BigDecimal expected, BigDecimal actual, BigDecimal difference) {
    public static final Amounts NONE = new Amounts(null, null, null);

    public static Amounts of(BigDecimal expected, BigDecimal actual) {
      return new Amounts(
          expected.setScale(6, RoundingMode.HALF_UP),
          actual.setScale(6, RoundingMode.HALF_UP),
          actual.subtract(expected).setScale(6, RoundingMode.HALF_UP));
    }
  }

  /** The one way an {@code ops.dq_results} row is made, in the columns of {@link #SCHEMA}. */
  public static Row row(
      String runId,
      String rule,
      RuleStatus status,
      RuleAction action,
      Place place,
      Amounts amounts,
      long failingRows,
      String message) {
    return Rows.of(
        SCHEMA,
        runId,
        rule,
        status.wire(),
        action.wire(),
        place.target(),
        place.dataset(),
        place.sourcePath(),
        place.sheet(),
        place.row(),
        place.column(),
        place.cell(),
        amounts.expected(),
        amounts.actual(),
        amounts.difference(),
        failingRows,
        message);
  }
}
