package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;

/**
 * Duplicates of the unique rules' key columns within each file version, after the write. The same
 * key in two reports is not a duplicate but two publications of one value (gold keeps one, and a
 * revision finding names both when they differ); total rows are not members' values.
 */
final class UniquenessRules {
  private final List<Rule.Unique> rules;

  UniquenessRules(List<Rule.Unique> rules) {
    this.rules = List.copyOf(rules);
  }

  List<RuleResult> check(Dataset<Row> table, FactTable target) {
    List<RuleResult> out = new ArrayList<>();
    for (Rule.Unique r : rules) {
      if (!target.name().equals(r.table())) {
        continue;
      }
      Row d = duplicates(r, table, target);
      long n = d.isNullAt(0) ? 0 : d.getLong(0);
      String message =
          r.id()
              + ": "
              + n
              + " row(s) of "
              + target.table()
              + " share "
              + (d.isNullAt(1) ? 0 : d.getLong(1))
              + " key(s) within one file "
              + r.columns()
              + RuleResult.firstCase(n == 0 ? null : d.getString(2) + " in " + d.getString(3));
      out.add(RuleResult.of(r, target.name(), n, message));
    }
    return List.copyOf(out);
  }

  /** One row: the duplicated rows, the keys they share, a first key and its files. */
  private static Row duplicates(Rule.Unique r, Dataset<Row> table, FactTable target) {
    Dataset<Row> rows = r.where() == null ? table : table.filter(expr(r.where()));
    if (target.isLongFacts()) {
      rows = rows.filter(col(FactTable.ROW_ROLE).equalTo(FactTable.DETAIL));
    }
    List<Column> keyColumns = new ArrayList<>();
    r.columns().forEach(c -> keyColumns.add(col(c)));
    Column[] key = keyColumns.toArray(Column[]::new);
    keyColumns.add(col(Lineage.SOURCE_PATH));
    keyColumns.add(col(Lineage.SOURCE_SHA256));
    Column[] perFile = keyColumns.toArray(Column[]::new);
    return rows.groupBy(perFile)
        .agg(
            count(lit(1)).as("n"),
            concat_ws(", ", functions.collect_set(col(Lineage.SOURCE_PATH))).as("files"))
        .filter(col("n").gt(1))
        .agg(
            sum(col("n")).as("rows"),
            count(lit(1)).as("keys"),
            first(concat_ws(" / ", key), true).as("example"),
            first(col("files"), true).as("files"))
        .first();
  }
}
