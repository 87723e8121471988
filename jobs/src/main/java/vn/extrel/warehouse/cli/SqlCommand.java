package vn.extrel.warehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.spark.PlanAccess;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.ResultPrinter;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.util.Invocation;

/**
 * {@code warehouse sql}: Spark SQL against the warehouse, tables by name ({@code gold.indicators}).
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Spark SQL against the warehouse; tables are named bronze.*, silver.*, gold.*, ops.*.",
      "Without -e or -f: an interactive shell on a terminal, or the statements on standard input.",
      "Statements that change tables, settings or the catalog, and calls of Java methods, are",
      "refused unless --allow-write is given."
    })
public final class SqlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  static final class Source {
    @Option(
        names = {"-e", "--execute"},
        paramLabel = "SQL",
        description = "Statement(s) to run, separated by ;")
    String sql;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "A file of statements separated by ;")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "Output: table, csv, json (one object per line) or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--allow-write",
      description =
          "Allow statements that change tables (INSERT, DELETE, DROP, ...), settings (SET) or"
              + " run code (ADD JAR, CREATE FUNCTION, reflect).")
  boolean allowWrite;

  @Override
  public Integer call() throws IOException {
    ResultPrinter.Format fmt = SqlRunner.parseFormat(format);
    Invocation at = Invocation.current();
    if (source == null && at.handedOver()) {
      throw CliErrors.noStatement(); // a warm process has no terminal or input of its client's
    }
    boolean interactive = source == null && at.hasConsole();
    String text = null;
    if (source != null) {
      text =
          source.sql != null ? source.sql : Files.readString(source.file, StandardCharsets.UTF_8);
    } else if (!interactive) {
      // Statements piped in: warehouse sql < report.sql
      text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = text == null ? List.of() : SqlStatements.split(text);
    if (!interactive && statements.isEmpty()) {
      throw CliErrors.noStatement();
    }
    SqlRunner.checkWrites(statements, allowWrite);
    SparkSession spark = SparkSessions.getOrCreate();
    SqlRunner runner = new SqlRunner(spark, allowWrite, fmt);
    Warehouse warehouse = common.warehouse();
    WarehouseConfig config = common.loadConfig();
    Map<String, String> views = config.indicators().views();
    // Statements given at once bind only the tables they read: each one bound replays its log.
    Optional<Set<String>> reads =
        interactive ? Optional.empty() : PlanAccess.tablesRead(statements, views);
    // Small-warehouse settings first: binding replays each table's log with Spark jobs.
    SparkSessions.forCommand(spark, warehouse);
    WarehouseCatalog.bind(spark, warehouse, views, reads);
    try (ReadOnlyGuard.Scope guard = runner.guard()) {
      if (interactive) {
        return new SqlShell(runner, warehouse).run();
      }
      PrintWriter out = spec.commandLine().getOut();
      // Each statement's result in turn, like psql; results without columns (SET, USE) print
      // nothing.
      boolean first = true;
      for (String s : statements) {
        Dataset<Row> result;
        try {
          result = runner.run(s);
        } catch (Exception e) { // Scala's AnalysisException, undeclared
          if (reads.isEmpty()
              || !(e instanceof AnalysisException a
                  && "TABLE_OR_VIEW_NOT_FOUND".equals(a.getCondition()))) {
            throw e;
          }
          // A name the statement's text did not show (inside a view of the user's own, say):
          // every name, as the shell has them, then the statement again.
          reads = Optional.empty();
          ReadOnlyGuard.unguarded(
              spark, () -> WarehouseCatalog.bind(spark, warehouse, views, Optional.empty()));
          result = runner.run(s);
        }
        if (result == null) {
          continue;
        }
        if (!first) {
          out.println();
        }
        runner.print(result, out);
        first = false;
      }
      out.flush();
      return WarehouseCli.OK;
    }
  }
}
