package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * Where a report's own ratio to the year before ("Năm 2020 so với năm trước: 106,5 %") and the one
 * computed from the figures gold holds disagree beyond the precision the report prints: the
 * publisher computed on a revised figure of the year before that the warehouse does not have (or on
 * a different one). Both are kept; the finding says which is which and the base the published ratio
 * implies.
 */
public final class PublishedRatios {
  private PublishedRatios() {}

  public static final String RULE = "published_ratio";

  public static List<Row> find(Dataset<Row> gold, String runId) {
    List<Row> out = new ArrayList<>();
    for (Row r :
        gold.filter(
                col(IndicatorsTable.PUBLISHED_YOY_PCT)
                    .isNotNull()
                    .and(col(IndicatorsTable.YOY_RATIO).isNotNull())
                    .and(col(IndicatorsTable.DIMENSION).equalTo("total")))
            .orderBy(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR)
            .collectAsList()) {
      BigDecimal published = BigDecimal.valueOf(r.<Double>getAs(IndicatorsTable.PUBLISHED_YOY_PCT));
      BigDecimal computed =
          BigDecimal.valueOf(r.<Double>getAs(IndicatorsTable.YOY_RATIO) * 100)
              .setScale(6, RoundingMode.HALF_UP);
      BigDecimal diff = computed.subtract(published);
      if (diff.abs().compareTo(Reconciler.tolerance(published)) <= 0) {
        continue;
      }
      out.add(
          DqResultsTable.row(
              runId,
              RULE,
              RuleStatus.WARN,
              RuleAction.WARN,
              DqResultsTable.Place.of(
                  "indicators",
                  null,
                  r.getAs(IndicatorsTable.PUBLICATION),
                  r.getAs(IndicatorsTable.INDICATOR)),
              DqResultsTable.Amounts.of(published, computed),
              1L,
              message(r, published, computed)));
    }
    return out;
  }

  private static String message(Row r, BigDecimal published, BigDecimal computed) {
    BigDecimal value = r.getAs(IndicatorsTable.VALUE);
    BigDecimal prev = r.getAs(IndicatorsTable.PREV_VALUE);
    BigDecimal implied =
        value.multiply(BigDecimal.valueOf(100)).divide(published, 0, RoundingMode.HALF_UP);
    int year = r.<Integer>getAs(IndicatorsTable.YEAR);
    return r.<String>getAs(IndicatorsTable.INDICATOR)
        + " "
        + year
        + ": "
        + r.getAs(IndicatorsTable.PUBLICATION)
        + " publishes "
        + published.stripTrailingZeros().toPlainString()
        + " % of "
        + (year - 1)
        + "; from the figures gold holds ("
        + plain(value)
        + " / "
        + plain(prev)
        + ") it is "
        + computed.setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " %. The published ratio implies "
        + (year - 1)
        + " = "
        + plain(implied)
        + ", a revised figure of a publication the warehouse does not have (or another"
        + " base). gold.indicators keeps both: yoy_ratio is computed, published_yoy_pct is"
        + " the report's";
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
