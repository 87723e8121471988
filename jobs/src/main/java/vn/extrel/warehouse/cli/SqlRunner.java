package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.ResultPrinter;

/**
 * Runs one statement at a time for {@code warehouse sql} (-e, -f, standard input or the shell):
 * refuses writes and code unless allowed, prints each result in the chosen format.
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

  /** How a refused statement is allowed after all. */
  static final String HINT = "Rerun with --allow-write if you mean it";

  /**
   * Throws before anything runs if a statement's parsed plan shows it would write or run code and
   * writes are not allowed: needs no SparkSession, so a refusal is immediate. The session's guard
   * checks the analysed plans of the rest.
   */
  static void checkWrites(Iterable<String> statements, boolean allowWrite) {
    if (allowWrite) {
      return;
    }
    for (String s : statements) {
      ReadOnlyGuard.checkText(s, ReadOnlyGuard.Access.READ_ONLY, HINT);
    }
  }

  /** Guards the session for the statements this runner runs, unless writes are allowed. */
  ReadOnlyGuard.Scope guard() {
    return allowWrite ? () -> {} : ReadOnlyGuard.guard(spark, ReadOnlyGuard.Access.READ_ONLY, HINT);
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
        return CliErrors.queryFailed(first, e);
      }
      t = t.getCause();
    }
    return e;
  }

  static ResultPrinter.Format parseFormat(String name) {
    try {
      return ResultPrinter.Format.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CliErrors.unknownFormat(name);
    }
  }
}
