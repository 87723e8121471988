package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * The indicators of a table of rows (activity), counted once each, in a single pass: the rows of
 * each indicator are tagged with its id, and one GROUPING SETS aggregation produces every
 * (indicator, breakdown) at once.
 */
final class CountedIndicators {

  private final UserDefinedFunction names;
  private final TempViews views;

  CountedIndicators(UserDefinedFunction names, TempViews views) {
    this.names = names;
    this.views = views;
  }

  /** The named rows, in the columns of the long facts' (no publication: one current cut). */
  Dataset<Row> rows(Dataset<Row> silver, FactTable target, List<IndicatorDefinition> defs) {
    GroupingSets sets = GroupingSets.of(defs);
    Dataset<Row> tagged = tagged(silver, target, defs, sets.dims());
    String view =
        "extrel_gold_" + target.name() + "_" + Integer.toHexString(System.identityHashCode(tagged));
    views.create(tagged, view);
    Dataset<Row> labelled =
        silver
            .sparkSession()
            .sql(sets.query(view))
            .withColumn("dimension", expr(sets.label()))
            .filter(expr(sets.wanted()))
            .withColumn("pub", lit(null).cast(DataTypes.StringType))
            .withColumn(LongFigures.CUT, lit(LongFigures.CURRENT));
    return NamedRows.of(labelled, defs, names)
        .withColumn(IndicatorsTable.PUBLICATION, lit(null).cast(DataTypes.StringType))
        .withColumn(IndicatorsTable.PUBLISHED, lit(null).cast(DataTypes.DateType))
        .withColumn(VintagesTable.EDITION, lit(null).cast(DataTypes.StringType))
        .withColumn(IndicatorsTable.PUBLISHED_YOY_PCT, lit(null).cast(DataTypes.DoubleType));
  }

  /** Each indicator's rows, tagged with its id: the row id to count and the columns to group by. */
  private static Dataset<Row> tagged(
      Dataset<Row> silver, FactTable target, List<IndicatorDefinition> defs, List<String> dims) {
    List<Column> keep = new ArrayList<>();
    keep.add(col(FactTable.YEAR));
    keep.add(col(FactTable.STATUS));
    keep.add(col(target.rowIdColumn().orElseThrow()).as("v"));
    dims.forEach(c -> keep.add(col(c)));
    Dataset<Row> tagged = null;
    for (IndicatorDefinition d : defs) {
      List<Column> cols = new ArrayList<>(keep);
      cols.add(0, lit(d.id()).as(IndicatorsTable.INDICATOR));
      Dataset<Row> part = IndicatorBuilder.filtered(silver, d).select(cols.toArray(Column[]::new));
      tagged = tagged == null ? part : tagged.unionByName(part);
    }
    return tagged;
  }
}
