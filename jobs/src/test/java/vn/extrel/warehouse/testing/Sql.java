package vn.extrel.warehouse.testing;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Spark SQL in tests, the Iceberg way: {@code sql("SELECT ... WHERE year = %d", 2016)} gives the
 * rows as arrays, to compare with {@code row(...)}; {@code scalar(...)} gives one value.
 */
public final class Sql {
  private Sql() {}

  public static List<Object[]> sql(String query, Object... args) {
    List<Row> rows = TestSpark.get().sql(String.format(query, args)).collectAsList();
    return rows.stream().map(Sql::values).toList();
  }

  /** The first column of the only row the query returns. */
  public static Object scalar(String query, Object... args) {
    List<Object[]> rows = sql(query, args);
    if (rows.size() != 1) {
      throw new AssertionError(rows.size() + " rows, not 1, from: " + String.format(query, args));
    }
    return rows.get(0)[0];
  }

  public static Object[] row(Object... values) {
    return values;
  }

  private static Object[] values(Row r) {
    Object[] v = new Object[r.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return v;
  }
}
