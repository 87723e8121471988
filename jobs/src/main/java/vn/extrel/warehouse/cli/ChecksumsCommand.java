package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/**
 * {@code warehouse checksums}: each table's row count and order-free content hash, leaving out
 * which run wrote a row and when. Two warehouses loaded from the same input (locally and on a
 * cluster, or a copy and its original) print the same lines.
 */
@Command(
    name = "checksums",
    mixinStandardHelpOptions = true,
    description = {
      "Prints 'table rows:hash' for every table (ops.load_runs, the log of runs, left out):",
      "equal lines mean equal contents, whoever loaded them."
    })
public final class ChecksumsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.getOrCreate();
    Warehouse w = common.warehouse();
    List<TableId> present = WarehouseCatalog.discover(spark, w);
    List<TableId> tables =
        WarehouseTables.all().keySet().stream()
            .filter(t -> !t.equals(LoadRunsTable.ID) && present.contains(t))
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<TableId, String> e : TableChecksums.of(spark, w, tables).entrySet()) {
      out.println(e.getKey().qualified() + " " + e.getValue());
    }
    out.flush();
    return WarehouseCli.OK;
  }
}
