package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.errors.UserException;

/**
 * Runs one statement at a time for {@code warehouse sql} (-e, -f, standard input or the shell):
 * refuses writes unless allowed, prints each result in the chosen format.
 */
final class SqlRunner {
  private final SparkSession spark;
  private final boolean allowWrite;
  private ResultPrinter.Format format;

  SqlRunner(SparkSession spark, boolean allowWrite, ResultPrinter.Format format) {
    this.spark = spark;
    this.allowWrite = allowWrite;
    this.format = format;
  }

  ResultPrinter.Format format() {
    return format;
  }

  void format(ResultPrinter.Format format) {
    this.format = format;
  }

  SparkSession spark() {
    return spark;
  }

  /**
   * Throws before anything runs if a statement would change tables and writes are not allowed:
   * needs no SparkSession, so a refusal is immediate.
   */
  static void checkWrites(Iterable<String> statements, boolean allowWrite) {
    for (String s : statements) {
      if (!allowWrite && !SqlStatements.isReadOnly(s)) {
        throw new UserException(
            "refused: '"
                + SqlStatements.firstWords(s)
                + "' changes tables, and the warehouse is loaded only by"
                + " 'warehouse load'. Rerun with --allow-write if you mean it");
      }
    }
  }

  /**
   * Runs the statement; returns its result, or null for results without columns (SET, USE), which
   * print nothing.
   */
  Dataset<Row> run(String statement) {
    checkWrites(java.util.List.of(statement), allowWrite);
    try {
      Dataset<Row> result = spark.sql(statement);
      return result.schema().isEmpty() ? null : result;
    } catch (RuntimeException e) {
      throw queryFailed(e);
    }
  }

  void print(Dataset<Row> result, PrintWriter out) {
    try {
      ResultPrinter.print(result.schema(), result.toLocalIterator(), format, out);
    } catch (RuntimeException e) {
      throw queryFailed(e);
    }
  }

  /**
   * A query that fails while it runs (an index past an array's end, a division by zero, a cast that
   * cannot be made: Spark's errors with a condition) is the analyst's to fix: one line with Spark's
   * own message, which names the condition and what to use instead. Spark's internal errors, and
   * anything else, stay what they are.
   */
  static RuntimeException queryFailed(RuntimeException e) {
    Throwable t = e;
    for (int i = 0; i < 20 && t != null; i++) {
      if (t instanceof org.apache.spark.SparkThrowable st
          && st.getCondition() != null
          && !st.getCondition().startsWith("INTERNAL_ERROR")
          && !(t instanceof org.apache.spark.sql.AnalysisException)) {
        String first = String.valueOf(t.getMessage()).lines().findFirst().orElse("").strip();
        return new UserException("the query failed: " + first, e);
      }
      t = t.getCause();
    }
    return e;
  }

  static ResultPrinter.Format parseFormat(String name) {
    try {
      return ResultPrinter.Format.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException("unknown format '" + name + "'; use table, csv, json or markdown");
    }
  }
}
