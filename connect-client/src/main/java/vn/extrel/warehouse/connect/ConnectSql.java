package vn.extrel.warehouse.connect;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL against {@code warehouse serve} through the official Spark Connect JVM client and prints
 * each result as CSV (header, then rows), results separated by a blank line: the shape {@code
 * warehouse sql --format csv} prints, so the two can be compared.
 *
 * <p>Usage: {@code ConnectSql sc://127.0.0.1:15002 "SELECT ..." ["SELECT ..." ...]}. An analyst's
 * own JVM program talks to the warehouse the same way.
 */
public final class ConnectSql {
  private ConnectSql() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ConnectSql sc://HOST:PORT[/;token=...] SQL [SQL...]");
      System.exit(1);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate()) {
      for (int i = 1; i < args.length; i++) {
        if (i > 1) {
          out.println();
        }
        Dataset<Row> result = spark.sql(args[i]);
        out.println(
            String.join(",", List.of(result.columns()).stream().map(ConnectSql::csv).toList()));
        for (Row row : result.collectAsList()) {
          StringBuilder line = new StringBuilder();
          for (int c = 0; c < row.length(); c++) {
            if (c > 0) {
              line.append(',');
            }
            line.append(row.isNullAt(c) ? "" : csv(text(row.get(c))));
          }
          out.println(line);
        }
      }
    }
  }

  /**
   * Decimals without trailing zeros and doubles without exponent, as {@code warehouse sql} prints.
   */
  static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      BigDecimal b = BigDecimal.valueOf(d);
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  /** RFC 4180 quoting: only fields with a comma, quote or line break. */
  static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
