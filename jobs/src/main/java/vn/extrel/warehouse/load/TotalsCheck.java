package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.Scala;

/**
 * The totals check: the bronze data and total rows of each table that has a total row go to the
 * {@link Reconciler} together. A few thousand rows (a province's reports) are gathered and checked
 * here, in one Spark job; more are joined and grouped by Spark. The same results either way.
 */
final class TotalsCheck {
  private TotalsCheck() {}

  /** Up to this many data and total rows are checked on the driver. */
  static final int HERE_ROWS = 20_000;

  private static final List<String> TABLE =
      List.of(BronzeTable.SOURCE_PATH, BronzeTable.SHEET_INDEX, BronzeTable.TABLE_INDEX);

  /**
   * @param rows the data and total rows of the file versions checked, in bronze's columns
   */
  static List<Row> results(Dataset<Row> rows, Reconciler reconciler) {
    return results(rows, reconciler, HERE_ROWS);
  }

  static List<Row> results(Dataset<Row> rows, Reconciler reconciler, int hereRows) {
    List<Row> head = rows.limit(hereRows + 1).collectAsList();
    if (head.size() <= hereRows) {
      Map<String, List<Row>> tables = new LinkedHashMap<>();
      for (Row r : head) {
        tables.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
      }
      List<Row> out = new ArrayList<>();
      for (List<Row> t : tables.values()) {
        if (t.stream().anyMatch(TotalsCheck::isTotal)) {
          out.addAll(reconciler.reconcile(t.iterator()));
        }
      }
      return out;
    }
    return withTotals(rows)
        .groupByKey((MapFunction<Row, String>) TotalsCheck::key, Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>)
                (k, it) -> reconciler.reconcile(it).iterator(),
            Encoders.row(DqResultsTable.SCHEMA))
        .collectAsList();
  }

  /** The rows of the tables that have a total row. */
  private static Dataset<Row> withTotals(Dataset<Row> rows) {
    Dataset<Row> tables =
        rows.filter(functions.col(BronzeTable.ROW_CLASS).equalTo(RowClass.TOTAL.wire()))
            .select(TABLE.stream().map(functions::col).toArray(Column[]::new))
            .distinct();
    return rows.join(tables, Scala.seq(TABLE), "left_semi")
        // the join puts its keys first; the parser reads bronze rows in the table's own column
        // order
        .select(
            Arrays.stream(BronzeTable.SCHEMA.fieldNames())
                .map(functions::col)
                .toArray(Column[]::new));
  }

  private static boolean isTotal(Row r) {
    return RowClass.TOTAL.wire().equals(r.getAs(BronzeTable.ROW_CLASS));
  }

  /** The table a bronze row belongs to. */
  private static String key(Row r) {
    return r.getAs(BronzeTable.SOURCE_PATH)
        + "|"
        + r.getAs(BronzeTable.SHEET_INDEX)
        + "|"
        + r.getAs(BronzeTable.TABLE_INDEX);
  }
}
