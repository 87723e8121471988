package vn.extrel.warehouse.connect;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tries actions against {@code warehouse serve} through the official Spark Connect JVM client, as a
 * hostile or careless client would, and prints one line per action: {@code ok ACTION -> rows} or
 * {@code refused ACTION: message} or {@code failed ACTION: message}. It goes on after each, in one
 * session, so a test sees every answer and whether the server is still there.
 *
 * <p>Actions: {@code sql:SQL}, {@code saveAsTable:TABLE} (overwrites it with one row), {@code
 * save:PATH} (overwrites the folder with Parquet), {@code insertInto:TABLE} and {@code
 * writeTo:TABLE} (append the table to itself), {@code conf:KEY=VALUE}, {@code persist:TABLE},
 * {@code cacheTable:TABLE}, {@code udf} (a Java function the server would run).
 */
public final class ConnectTry {
  private ConnectTry() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate()) {
      for (int i = 1; i < args.length; i++) {
        String action = args[i];
        try {
          out.println("ok " + action + " -> " + run(spark, action));
        } catch (Exception e) {
          String message = firstLine(e);
          out.println(
              (message.contains("refused:") ? "refused " : "failed ") + action + ": " + message);
        }
      }
    }
  }

  static String run(SparkSession spark, String action) throws Exception {
    int colon = action.indexOf(':');
    String kind = colon < 0 ? action : action.substring(0, colon);
    String arg = colon < 0 ? "" : action.substring(colon + 1);
    switch (kind) {
      case "sql" -> {
        return rows(spark.sql(arg).collectAsList());
      }
      case "saveAsTable" -> spark.sql("SELECT 1 AS a").write().mode("overwrite").saveAsTable(arg);
      case "save" -> spark.range(1).write().mode("overwrite").format("parquet").save(arg);
      case "insertInto" -> spark.table(arg).write().insertInto(arg);
      case "writeTo" -> spark.table(arg).writeTo(arg).append();
      case "conf" -> {
        String[] kv = arg.split("=", 2);
        spark.conf().set(kv[0], kv[1]);
      }
      case "persist" -> spark.table(arg).persist().count();
      case "cacheTable" -> spark.catalog().cacheTable(arg);
      case "udf" -> {
        UDF1<Long, Long> plusOne = x -> x + 1;
        return rows(
            spark
                .range(1)
                .select(functions.udf(plusOne, DataTypes.LongType).apply(functions.col("id")))
                .collectAsList());
      }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
    return "done";
  }

  static String rows(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      if (!sb.isEmpty()) {
        sb.append(" | ");
      }
      for (int c = 0; c < r.length(); c++) {
        sb.append(c == 0 ? "" : ",").append(ConnectSql.text(r.get(c)));
      }
    }
    return sb.toString();
  }

  /** The first line of the innermost message: what the server answered. */
  static String firstLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m =
        String.valueOf(e.getMessage()).contains("refused:") ? e.getMessage() : t.getMessage();
    m = String.valueOf(m);
    int at = m.indexOf("refused:");
    String line = (at >= 0 ? m.substring(at) : m).lines().findFirst().orElse("");
    return line.strip();
  }
}
