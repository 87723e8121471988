package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;

/**
 * The silver side of a yoy rule, for each table with a source unit: a measure written in different
 * units across years (unit_change), a year mixing preliminary and final figures (mixed_status).
 */
final class SilverConsistency {
  private SilverConsistency() {}

  static List<RuleResult> check(Rule.Yoy r, Map<String, Dataset<Row>> silver) {
    List<RuleResult> out = new ArrayList<>();
    for (Map.Entry<String, Dataset<Row>> s : silver.entrySet()) {
      if (!Arrays.asList(s.getValue().columns()).contains(FactTable.SOURCE_UNIT)) {
        continue;
      }
      if (r.checks().contains(YoyCheck.UNIT_CHANGE)) {
        out.add(unitChange(r, s.getKey(), s.getValue()));
      }
      if (r.checks().contains(YoyCheck.MIXED_STATUS)) {
        out.add(mixedStatus(r, s.getKey(), s.getValue()));
      }
    }
    return List.copyOf(out);
  }

  private static RuleResult unitChange(Rule.Yoy r, String name, Dataset<Row> table) {
    List<Row> bad =
        table
            .filter(col(FactTable.SOURCE_UNIT).isNotNull())
            .groupBy(FactTable.DATASET, FactTable.MEASURE)
            .agg(
                countDistinct(functions.lower(col(FactTable.SOURCE_UNIT))).as("units"),
                concat_ws(
                        ", ",
                        functions.collect_set(
                            functions.concat_ws(
                                " ",
                                col(FactTable.YEAR).cast("string"),
                                col(FactTable.SOURCE_UNIT))))
                    .as("which"))
            .filter(col("units").gt(1))
            .collectAsList();
    return RuleResult.of(
        r,
        name,
        bad.size(),
        r.id()
            + " unit_change: "
            + bad.size()
            + " measure(s) of silver."
            + name
            + " written in different units"
            + " across years (converted, but check the figures)"
            + RuleResult.firstCase(
                bad, b -> b.getString(0) + " " + b.getString(1) + ": " + b.getString(3)));
  }

  private static RuleResult mixedStatus(Rule.Yoy r, String name, Dataset<Row> table) {
    List<Row> bad =
        table
            // Within one report: a later report's final figure beside an earlier one's
            // estimate of the same year is two publications, not a mix.
            .groupBy(FactTable.DATASET, FactTable.YEAR, FactTable.MEASURE, Lineage.SOURCE_PATH)
            .agg(countDistinct(col(FactTable.STATUS)).as("n"))
            .filter(col("n").gt(1))
            .collectAsList();
    return RuleResult.of(
        r,
        name,
        bad.size(),
        r.id()
            + " mixed_status: "
            + bad.size()
            + " year(s) of silver."
            + name
            + " mix preliminary or estimated figures with final ones"
            + RuleResult.firstCase(
                bad, b -> b.getString(0) + " " + b.getInt(1) + " " + b.getString(2)));
  }
}
