package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * The indicators of a table of values (fdi, trade): the figures as published (see {@link
 * LongFigures}), named, with the ratio to the year before where a report publishes one.
 */
final class LongIndicators {

  private static final String SUFFIX = IndicatorBuilder.PUBLISHED_RATIO_SUFFIX;

  private final Map<String, Layout> layouts;
  private final UserDefinedFunction names;

  LongIndicators(Map<String, Layout> layouts, UserDefinedFunction names) {
    this.layouts = layouts;
    this.names = names;
  }

  /**
   * The indicators to compute: the declared ones, then the published ratio of each that has one.
   *
   * @param ratioOf the id of each ratio to the id of the indicator it belongs to
   */
  record WithRatios(List<IndicatorDefinition> all, Map<String, String> ratioOf) {

    // Each indicator whose measure a report also publishes as a ratio to the year before ("so với
    // năm trước (%)") gets that ratio computed beside it, the same way, to be kept as data.
    static WithRatios of(FactTable target, List<IndicatorDefinition> defs) {
      List<IndicatorDefinition> all = new ArrayList<>(defs);
      Map<String, String> ratioOf = new LinkedHashMap<>();
      for (IndicatorDefinition d : defs) {
        String ratio = d.measure() + SUFFIX;
        if (target.measures().containsKey(ratio)) {
          IndicatorDefinition r =
              new IndicatorDefinition(
                  d.id() + SUFFIX,
                  d.name(),
                  "%",
                  d.source(),
                  ratio,
                  d.aggregate(),
                  d.filter(),
                  d.period(),
                  d.breakdowns(),
                  d.description(),
                  d.vintage());
          all.add(r);
          ratioOf.put(r.id(), d.id());
        }
      }
      return new WithRatios(List.copyOf(all), Collections.unmodifiableMap(ratioOf));
    }
  }

  /** The named rows of every cut, each value beside its published ratio. */
  Dataset<Row> rows(Dataset<Row> silver, FactTable target, List<IndicatorDefinition> defs) {
    WithRatios indicators = WithRatios.of(target, defs);
    Dataset<Row> rows = named(silver, target, indicators.all()).localCheckpoint();
    Column isRatio = col(IndicatorsTable.INDICATOR).endsWith(SUFFIX);
    Dataset<Row> values = rows.filter(functions.not(isRatio));
    if (indicators.ratioOf().isEmpty()) {
      return values.withColumn(
          IndicatorsTable.PUBLISHED_YOY_PCT, lit(null).cast(DataTypes.DoubleType));
    }
    return withRatios(values, rows.filter(isRatio), indicators.ratioOf());
  }

  /** The figures of these indicators, named, with their cut and publication. */
  private Dataset<Row> named(Dataset<Row> silver, FactTable target, List<IndicatorDefinition> all) {
    Dataset<Row> figures = new LongFigures(target, all, layouts).figures(silver);
    Column indicator = lit(null).cast(DataTypes.StringType);
    for (int i = 0; i < all.size(); i++) {
      indicator = when(col(LongFigures.TAG).equalTo(i), lit(all.get(i).id())).otherwise(indicator);
    }
    Dataset<Row> labelled =
        figures
            .withColumn(IndicatorsTable.INDICATOR, indicator)
            .withColumnRenamed("v", IndicatorsTable.VALUE)
            .withColumnRenamed("n", IndicatorsTable.SOURCE_ROWS)
            .withColumnRenamed("r", "status_rank");
    Column cut = col(LongFigures.CUT);
    Column pub = when(cut.equalTo(LongFigures.CURRENT), col("pub")).otherwise(cut);
    return NamedRows.of(labelled, all, names)
        .withColumn(LongFigures.CUT, cut)
        .withColumn(IndicatorsTable.PUBLICATION, PublicationName.pathOf(pub))
        .withColumn(IndicatorsTable.PUBLISHED, PublicationName.publishedOf(pub))
        .withColumn(VintagesTable.EDITION, PublicationName.editionOf(pub));
  }

  /** Each value with the ratio its report publishes beside it, as {@code published_yoy_pct}. */
  private static Dataset<Row> withRatios(
      Dataset<Row> values, Dataset<Row> ratioRows, Map<String, String> ratioOf) {
    Column main = lit(null).cast(DataTypes.StringType);
    for (Map.Entry<String, String> e : ratioOf.entrySet()) {
      main =
          when(col(IndicatorsTable.INDICATOR).equalTo(e.getKey()), lit(e.getValue()))
              .otherwise(main);
    }
    Dataset<Row> ratios =
        ratioRows.select(
            main.as("r_indicator"),
            col(LongFigures.CUT).as("r_cut"),
            col(IndicatorsTable.YEAR).as("r_year"),
            col(IndicatorsTable.DIMENSION).as("r_dimension"),
            col(IndicatorsTable.MEMBER).as("r_member"),
            col(IndicatorsTable.VALUE)
                .cast(DataTypes.DoubleType)
                .as(IndicatorsTable.PUBLISHED_YOY_PCT));
    return values
        .join(
            ratios,
            col(IndicatorsTable.INDICATOR)
                .equalTo(col("r_indicator"))
                .and(col(LongFigures.CUT).equalTo(col("r_cut")))
                .and(col(IndicatorsTable.YEAR).equalTo(col("r_year")))
                .and(col(IndicatorsTable.DIMENSION).equalTo(col("r_dimension")))
                .and(col(IndicatorsTable.MEMBER).equalTo(col("r_member"))),
            "left")
        .drop("r_indicator", "r_cut", "r_year", "r_dimension", "r_member");
  }
}
