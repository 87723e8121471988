package vn.extrel.warehouse.cli;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.spark.ResultPrinter;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.TableId;

/** {@code warehouse history TABLE}: the table's versions: when, what, which run, how many rows. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists a table's versions (Delta history) with the run that wrote each.")
public final class HistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Parameters(paramLabel = "TABLE", description = "e.g. gold.indicators")
  String table;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many versions, newest first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", defaultValue = "table", description = "table, csv, json or markdown.")
  String format;

  @Override
  public Integer call() {
    TableId id = TableArgument.parse(table);
    Warehouse w = common.warehouse();
    SparkSession spark = SparkSessions.getOrCreate();
    if (!w.exists(spark, id)) {
      throw CliErrors.noVersions(id);
    }
    Dataset<Row> h =
        DeltaTable.forPath(spark, w.path(id))
            .history(limit)
            .select(
                col("version"),
                col("timestamp"),
                col("operation"),
                get_json_object(col("userMetadata"), "$.run_id").as("run_id"),
                get_json_object(col("userMetadata"), "$.step").as("step"),
                // A replace copies the other rows of the files it rewrites; Delta counts them as
                // output, but this commit did not write them.
                col("operationMetrics")
                    .getItem("numOutputRows")
                    .cast("long")
                    .minus(
                        coalesce(
                            col("operationMetrics").getItem("numCopiedRows").cast("long"), lit(0L)))
                    .as("rows_written"),
                col("operationMetrics").getItem("numDeletedRows").as("rows_deleted"));
    ResultPrinter.print(
        h.schema(),
        h.collectAsList().iterator(),
        ResultPrinter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
        spec.commandLine().getOut());
    return WarehouseCli.OK;
  }
}
