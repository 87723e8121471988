package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.indicators}: one long table of yearly indicators, each with its year-over-year
 * comparison and its share of the year's total, by dimension and member.
 */
public final class IndicatorsTable {
  private IndicatorsTable() {}

  public static final TableId ID = new TableId("gold", "indicators");

  public static final String INDICATOR = "indicator";
  public static final String NAME_VI = "name_vi";
  public static final String NAME_EN = "name_en";
  public static final String YEAR = "year";

  /** {@code total}, a dimension column such as {@code partner_country}, or a cross {@code a/b}. */
  public static final String DIMENSION = "dimension";

  /** {@code *} for the total, otherwise the ISO code, type or field (joined by / for a cross). */
  public static final String MEMBER = "member";

  public static final String MEMBER_NAME = "member_name";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String PREV_VALUE = "prev_value";

  /** value − prev_value. */
  public static final String YOY_CHANGE = "yoy_change";

  /** value / prev_value; null when there is no base or the base is 0. */
  public static final String YOY_RATIO = "yoy_ratio";

  /** (value − prev_value) / prev_value × 100; null like the ratio. */
  public static final String YOY_CHANGE_PCT = "yoy_change_pct";

  /** value / the indicator's total of the year × 100; null for the total itself. */
  public static final String SHARE_PCT = "share_pct";

  /**
   * The ratio to the year before (%), as the figure's own publication prints it ("Năm 2020 so với
   * năm trước (%)"): computed by the publisher on its revised figure of the year before, which may
   * differ from {@link #YOY_CHANGE_PCT} + 100, computed on the figures gold holds.
   */
  public static final String PUBLISHED_YOY_PCT = "published_yoy_pct";

  /** final, or the weakest status among the figures summed (preliminary, estimated). */
  public static final String STATUS = "status";

  /** How many silver rows the value sums or counts. */
  public static final String SOURCE_ROWS = "source_rows";

  /** The source path of the latest publication behind the figure (null for counted rows). */
  public static final String PUBLICATION = "publication";

  /** That publication's date, when known. */
  public static final String PUBLISHED = "published";

  public static final String RUN_ID = "run_id";

  /** Member of the total row. */
  public static final String TOTAL_MEMBER = "*";

  /** Member for rows whose dimension is empty (an event with no foreign partner). */
  public static final String NONE_MEMBER = "(none)";

  public static final StructType SCHEMA =
      new StructType()
          .add(INDICATOR, DataTypes.StringType, false)
          .add(NAME_VI, DataTypes.StringType)
          .add(NAME_EN, DataTypes.StringType)
          .add(YEAR, DataTypes.IntegerType, false)
          .add(DIMENSION, DataTypes.StringType, false)
          .add(MEMBER, DataTypes.StringType, false)
          .add(MEMBER_NAME, DataTypes.StringType)
          .add(VALUE, FactTable.AMOUNT)
          .add(UNIT, DataTypes.StringType)
          .add(PREV_VALUE, FactTable.AMOUNT)
          .add(YOY_CHANGE, FactTable.AMOUNT)
          .add(YOY_RATIO, DataTypes.DoubleType)
          .add(YOY_CHANGE_PCT, DataTypes.DoubleType)
          .add(SHARE_PCT, DataTypes.DoubleType)
          .add(PUBLISHED_YOY_PCT, DataTypes.DoubleType)
          .add(STATUS, DataTypes.StringType)
          .add(SOURCE_ROWS, DataTypes.LongType)
          .add(PUBLICATION, DataTypes.StringType)
          .add(PUBLISHED, DataTypes.DateType)
          .add(RUN_ID, DataTypes.StringType);
}
