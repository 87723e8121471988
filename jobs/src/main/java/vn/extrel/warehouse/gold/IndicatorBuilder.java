package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.catalog.HeldTables;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.MemberKeys;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * Computes {@code gold.indicators} from silver with Spark SQL: each indicator by year and by each
 * of its breakdowns, then the year-over-year ratio and change against the year before, and the
 * share of the year's total. Everything is an aggregate, so it runs where the data is.
 *
 * <p>The figures of a table of values come from {@link LongIndicators}, the counts of a table of
 * rows from {@link CountedIndicators}; {@link GoldTables} puts them in the two tables' columns.
 */
public final class IndicatorBuilder {

  /** The measure a report publishes as a ratio to the year before: {@code value_usd_yoy_pct}. */
  public static final String PUBLISHED_RATIO_SUFFIX = "_yoy_pct";

  private final IndicatorCatalog catalog;
  private final Reference reference;
  private final Map<String, Layout> layouts;

  public IndicatorBuilder(
      IndicatorCatalog catalog, Reference reference, Map<String, Layout> layouts) {
    this.catalog = catalog;
    this.reference = reference;
    this.layouts = layouts;
  }

  /** The indicators as they stand, and as they stood after each publication. */
  public record Built(Dataset<Row> indicators, Dataset<Row> vintages) {}

  public Built build(SparkSession spark, Warehouse warehouse, String runId) {
    return build(spark, warehouse, new HeldTables(spark, warehouse), runId);
  }

  /** As {@link #build(SparkSession, Warehouse, String)}, over silver tables read already. */
  public Built build(
      SparkSession spark, Warehouse warehouse, HeldTables silverTables, String runId) {
    UserDefinedFunction names = MemberNames.of(reference);
    Members members = new Members(spark, warehouse);
    try (TempViews views = new TempViews(spark)) {
      LongIndicators values = new LongIndicators(layouts, names);
      CountedIndicators rows = new CountedIndicators(names, views);
      List<Dataset<Row>> parts = new ArrayList<>();
      for (FactTable target : FactTables.all()) {
        List<IndicatorDefinition> defs =
            catalog.indicators().stream().filter(d -> d.source().equals(target.name())).toList();
        if (defs.isEmpty()) {
          continue;
        }
        Dataset<Row> silver = silverTables.get(target.table());
        if (target.isLongFacts()) {
          members.record(silver, target);
          parts.add(values.rows(silver, target, defs));
        } else {
          parts.add(rows.rows(silver, target, defs));
        }
      }
      members.keepAdded(runId);
      if (parts.isEmpty()) {
        return new Built(
            spark.createDataFrame(List.of(), IndicatorsTable.SCHEMA),
            spark.createDataFrame(List.of(), VintagesTable.SCHEMA));
      }
      Dataset<Row> all = parts.get(0);
      for (int i = 1; i < parts.size(); i++) {
        all = all.unionByName(parts.get(i));
      }
      all = all.localCheckpoint();
      Column current = col(LongFigures.CUT).equalTo(LongFigures.CURRENT);
      return new Built(
          GoldTables.indicators(all.filter(current), runId),
          GoldTables.vintages(all.filter(functions.not(current)), runId));
    }
  }

  /** Filters an indicator's silver rows: its measure, its period, its declared filters. */
  public static Dataset<Row> filtered(Dataset<Row> df, IndicatorDefinition def) {
    Dataset<Row> out = df.filter(col(FactTable.PERIOD).equalTo(def.period()));
    if (def.measure() != null && FactTables.ALL.get(def.source()).isLongFacts()) {
      out = out.filter(col(FactTable.MEASURE).equalTo(def.measure()));
    }
    FactTable target = FactTables.ALL.get(def.source());
    for (Map.Entry<String, List<String>> f : def.filter().entrySet()) {
      if (target.keyed().contains(f.getKey())) {
        // The same rows, compared as numbers.
        out =
            out.filter(
                col(FactTable.keyOf(f.getKey()))
                    .isin(f.getValue().stream().map(MemberKeys::of).toArray()));
      } else {
        out = out.filter(col(f.getKey()).isin(f.getValue().toArray()));
      }
    }
    return out;
  }
}
