package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.table.IndicatorsTable;

/**
 * Year-over-year sanity of the total indicators just computed: a year without the year before it
 * (missing_base), a ratio to the year before outside the rule's band (ratio_band).
 */
final class YoySanity {
  private YoySanity() {}

  static final String TARGET = "indicators";

  static List<RuleResult> check(Rule.Yoy r, Dataset<Row> gold) {
    Dataset<Row> g = totals(r, gold);
    List<RuleResult> out = new ArrayList<>();
    if (r.checks().contains(YoyCheck.MISSING_BASE)) {
      out.add(missingBase(r, g));
    }
    if (r.checks().contains(YoyCheck.RATIO_BAND)) {
      out.add(ratioBand(r, g));
    }
    return List.copyOf(out);
  }

  /** The total indicators the rule names. */
  private static Dataset<Row> totals(Rule.Yoy r, Dataset<Row> gold) {
    Dataset<Row> g = gold.filter(col(IndicatorsTable.DIMENSION).equalTo("total"));
    if (!r.indicators().isEmpty()) {
      Column in = lit(false);
      for (String pattern : r.indicators()) {
        in = in.or(col(IndicatorsTable.INDICATOR).like(pattern.replace('*', '%')));
      }
      g = g.filter(in);
    }
    return g;
  }

  private static RuleResult missingBase(Rule.Yoy r, Dataset<Row> g) {
    Dataset<Row> firstYears =
        g.groupBy(col(IndicatorsTable.INDICATOR).as("i"))
            .agg(functions.min(IndicatorsTable.YEAR).as("y0"));
    List<Row> bad =
        g.join(firstYears, col(IndicatorsTable.INDICATOR).equalTo(col("i")))
            .filter(
                col(IndicatorsTable.YEAR)
                    .gt(col("y0"))
                    .and(
                        col(IndicatorsTable.PREV_VALUE)
                            .isNull()
                            .or(col(IndicatorsTable.PREV_VALUE).equalTo(0))))
            .select(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR)
            .collectAsList();
    return RuleResult.of(
        r,
        TARGET,
        bad.size(),
        r.id()
            + " missing_base: "
            + bad.size()
            + " indicator-year(s) without a value (or with 0) the year before"
            + RuleResult.firstCase(bad, b -> b.getString(0) + " " + b.getInt(1)));
  }

  private static RuleResult ratioBand(Rule.Yoy r, Dataset<Row> g) {
    double lo = r.low();
    double hi = r.high();
    List<Row> bad =
        g.filter(col(IndicatorsTable.YOY_RATIO).lt(lo).or(col(IndicatorsTable.YOY_RATIO).gt(hi)))
            .select(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR, IndicatorsTable.YOY_RATIO)
            .collectAsList();
    return RuleResult.of(
        r,
        TARGET,
        bad.size(),
        r.id()
            + " ratio_band: "
            + bad.size()
            + " year-over-year ratio(s) outside ["
            + lo
            + ", "
            + hi
            + "]"
            + RuleResult.firstCase(
                bad,
                b ->
                    b.getString(0)
                        + " "
                        + b.getInt(1)
                        + " ratio "
                        + String.format("%.2f", b.getDouble(2))));
  }
}
