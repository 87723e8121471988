package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.check.CheckJob;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.spark.ResultPrinter;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.util.Text;

/**
 * {@code warehouse check}: a dry run of files: layout, rows as parsed, problems. Writes nothing.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run: which layout claims each file, the table it would load, the first rows as parsed, and every problem",
      "found (unreadable file, quarantined rows, totals that do not add up). Writes nothing; needs no Spark."
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spreadsheets to check.")
  List<Path> files;

  @Option(
      names = "--layout",
      description = "Use this layout instead of the one whose pattern matches.")
  String layout;

  @Option(
      names = "--layouts",
      paramLabel = "DIR",
      description = "Read layouts from this folder (a layout being written).")
  Path layoutsDir;

  @Option(
      names = "--rows",
      defaultValue = "10",
      description = "How many parsed rows to show (default: ${DEFAULT-VALUE}).")
  int rows;

  @Override
  public Integer call() {
    WarehouseConfig config =
        layoutsDir == null
            ? common.loadConfig()
            : WarehouseConfig.load(WarehouseConfig.locate(common.config), layoutsDir);
    CheckJob job = new CheckJob(config);
    PrintWriter out = spec.commandLine().getOut();
    boolean allOk = true;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw CliErrors.noSuchFile(f);
      }
      CheckJob.FileCheck c = job.check(f, layout, rows);
      allOk &= print(c, out);
    }
    out.flush();
    return allOk ? WarehouseCli.OK : WarehouseCli.DATA_ERROR;
  }

  /** Prints a dry run's findings; true when the file would load cleanly. */
  public static boolean print(CheckJob.FileCheck c, PrintWriter out) {
    out.println("== " + Text.printable(c.path()));
    if (c.layout() == null) {
      out.println("   no layout: " + Text.printable(c.error()));
      return false;
    }
    List<String> tables = new ArrayList<>();
    for (String t : c.target().split(Layout.ID_SEPARATOR)) {
      tables.add(FactTables.ALL.get(t).table().toString());
    }
    out.println(
        "   layout"
            + (c.layout().contains(Layout.ID_SEPARATOR) ? "s " : " ")
            + c.layout()
            + " -> "
            + String.join(", ", tables));
    if (c.errorCode() != null) {
      out.println("   FILE ERROR " + c.errorCode() + ": " + Text.printable(c.error()));
      return false;
    }
    out.println("   rows: " + c.rowsByClass() + "; " + c.factCount() + " values");
    if (!c.facts().isEmpty() && !c.target().contains(Layout.ID_SEPARATOR)) {
      StructType schema = FactTables.ALL.get(c.target()).schema();
      List<String> shown = new ArrayList<>();
      for (String name : schema.fieldNames()) {
        if (c.facts().stream().anyMatch(f -> f.get(name) != null)
            && !name.endsWith("sha256")
            && !name.equals("run_id")
            && !name.equals("lineage_id")
            && !name.equals("layout")
            && !name.equals("source_path")) {
          shown.add(name);
        }
      }
      StructType view = new StructType();
      for (String n : shown) {
        view = view.add(schema.apply(n));
      }
      List<Row> rows = new ArrayList<>();
      for (Map<String, Object> f : c.facts()) {
        rows.add(RowFactory.create(shown.stream().map(f::get).toArray()));
      }
      ResultPrinter.print(view, rows.iterator(), ResultPrinter.Format.TABLE, out);
    }
    for (Row q : c.quarantined()) {
      out.println(
          "   QUARANTINED row "
              + q.getAs("row")
              + " ["
              + q.getAs("reason_code")
              + "] "
              + Text.printable(q.getAs("reason")));
    }
    for (Row r : c.reconciliation()) {
      out.println(
          "   TOTAL "
              + ((String) r.getAs("status")).toUpperCase()
              + " "
              + Text.printable(r.getAs("message")));
    }
    return c.ok();
  }
}
