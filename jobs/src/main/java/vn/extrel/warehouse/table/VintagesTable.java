package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.indicator_vintages}: every figure of {@code gold.indicators} as each publication that
 * gave its year left it, one row per indicator, year, dimension, member and publication: the
 * revision triangle (year by publication). The figure "as published on" a date is the row of the
 * latest publication on or before it; {@link #CURRENT} marks the one gold.indicators shows.
 */
public final class VintagesTable {
  private VintagesTable() {}

  public static final TableId ID = new TableId("gold", "indicator_vintages");

  /** The report's edition: its own reference period ("2021") or a declared label. */
  public static final String EDITION = "edition";

  /** Whether this is the publication gold.indicators shows the figure from. */
  public static final String CURRENT = "current";

  public static final StructType SCHEMA =
      new StructType()
          .add(IndicatorsTable.INDICATOR, DataTypes.StringType, false)
          .add(IndicatorsTable.NAME_VI, DataTypes.StringType)
          .add(IndicatorsTable.NAME_EN, DataTypes.StringType)
          .add(IndicatorsTable.YEAR, DataTypes.IntegerType, false)
          .add(IndicatorsTable.DIMENSION, DataTypes.StringType, false)
          .add(IndicatorsTable.MEMBER, DataTypes.StringType, false)
          .add(IndicatorsTable.MEMBER_NAME, DataTypes.StringType)
          .add(IndicatorsTable.VALUE, FactTable.AMOUNT)
          .add(IndicatorsTable.UNIT, DataTypes.StringType)
          .add(IndicatorsTable.STATUS, DataTypes.StringType)
          .add(IndicatorsTable.PUBLISHED_YOY_PCT, DataTypes.DoubleType)
          .add(IndicatorsTable.PUBLICATION, DataTypes.StringType)
          .add(IndicatorsTable.PUBLISHED, DataTypes.DateType)
          .add(EDITION, DataTypes.StringType)
          .add(CURRENT, DataTypes.BooleanType)
          .add(IndicatorsTable.SOURCE_ROWS, DataTypes.LongType)
          .add(IndicatorsTable.RUN_ID, DataTypes.StringType);
}
