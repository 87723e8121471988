package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * The named figures in the columns of the two gold tables: {@code gold.indicators} (the last cut,
 * with its comparisons) and {@code gold.indicator_vintages} (every other cut).
 */
final class GoldTables {
  private GoldTables() {}

  /** The rows of every cut but the last: the figures as each publication left them. */
  static Dataset<Row> vintages(Dataset<Row> cuts, String runId) {
    WindowSpec figure =
        Window.partitionBy(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER));
    return cuts.withColumn(
            VintagesTable.CURRENT,
            col(LongFigures.CUT).equalTo(functions.max(col(LongFigures.CUT)).over(figure)))
        .select(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.NAME_VI),
            col(IndicatorsTable.NAME_EN),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER),
            col(IndicatorsTable.MEMBER_NAME),
            col(IndicatorsTable.VALUE),
            col(IndicatorsTable.UNIT),
            col(IndicatorsTable.STATUS),
            col(IndicatorsTable.PUBLISHED_YOY_PCT),
            col(IndicatorsTable.PUBLICATION),
            col(IndicatorsTable.PUBLISHED),
            col(VintagesTable.EDITION),
            col(VintagesTable.CURRENT),
            col(IndicatorsTable.SOURCE_ROWS),
            lit(runId).as(IndicatorsTable.RUN_ID))
        .coalesce(1);
  }

  /** Adds the year-before value, the change, the ratio and the share of the year's total. */
  static Dataset<Row> indicators(Dataset<Row> current, String runId) {
    WindowSpec series =
        Window.partitionBy(
                col(IndicatorsTable.INDICATOR),
                col(IndicatorsTable.DIMENSION),
                col(IndicatorsTable.MEMBER))
            .orderBy(col(IndicatorsTable.YEAR));
    WindowSpec year = Window.partitionBy(col(IndicatorsTable.INDICATOR), col(IndicatorsTable.YEAR));
    Column value = col(IndicatorsTable.VALUE);
    // Only the year just before counts as the base: a gap year has no base, not an older one.
    Column prevValue =
        when(
            lag(col(IndicatorsTable.YEAR), 1)
                .over(series)
                .equalTo(col(IndicatorsTable.YEAR).minus(1)),
            lag(value, 1).over(series));
    Column total = max(when(col(IndicatorsTable.DIMENSION).equalTo("total"), value)).over(year);
    Dataset<Row> withPrev = current.withColumn("p_value", prevValue).withColumn("t_value", total);
    Column prev = col("p_value");
    Column hasBase = prev.isNotNull().and(prev.notEqual(lit(0)));
    Column ratio =
        when(hasBase, value.cast(DataTypes.DoubleType).divide(prev.cast(DataTypes.DoubleType)));
    Column share =
        when(
            col(IndicatorsTable.DIMENSION)
                .notEqual("total")
                .and(col("t_value").isNotNull())
                .and(col("t_value").notEqual(lit(0))),
            value
                .cast(DataTypes.DoubleType)
                .divide(col("t_value").cast(DataTypes.DoubleType))
                .multiply(100));
    return withPrev
        .select(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.NAME_VI),
            col(IndicatorsTable.NAME_EN),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER),
            col(IndicatorsTable.MEMBER_NAME),
            value.as(IndicatorsTable.VALUE),
            col(IndicatorsTable.UNIT),
            prev.cast(FactTable.AMOUNT).as(IndicatorsTable.PREV_VALUE),
            value.minus(prev).cast(FactTable.AMOUNT).as(IndicatorsTable.YOY_CHANGE),
            ratio.as(IndicatorsTable.YOY_RATIO),
            ratio.minus(1).multiply(100).as(IndicatorsTable.YOY_CHANGE_PCT),
            share.as(IndicatorsTable.SHARE_PCT),
            col(IndicatorsTable.PUBLISHED_YOY_PCT),
            col(IndicatorsTable.STATUS),
            col(IndicatorsTable.SOURCE_ROWS),
            col(IndicatorsTable.PUBLICATION),
            col(IndicatorsTable.PUBLISHED),
            lit(runId).as(IndicatorsTable.RUN_ID))
        .coalesce(1);
  }
}
