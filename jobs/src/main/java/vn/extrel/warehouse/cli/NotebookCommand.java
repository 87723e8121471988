package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.notebook.NotebookRunner;
import vn.extrel.warehouse.spark.SparkSessions;

/** {@code warehouse notebook run}: executes notebooks' SQL cells against the warehouse. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Jupyter notebooks of SQL cells, run against the warehouse.",
    subcommands = {NotebookCommand.Run.class})
public final class NotebookCommand {

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Executes each notebook's %%sql cells and writes the executed notebook (outputs, charts),",
        "a standalone HTML page and the charts as PNG and SVG into --out.",
        "A failing cell stops that notebook with the cell number and the error (exit 1)."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WarehouseOptions common;

    @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "The .ipynb files.")
    List<Path> notebooks;

    @Option(
        names = {"-p", "--parameter"},
        paramLabel = "NAME=VALUE",
        description = "Overrides a parameter of the cell tagged 'parameters', e.g. -p year=2015.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where the executed notebooks go (default: an out/ folder beside each).")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter w = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SparkSession spark = SparkSessions.getOrCreate();
      WarehouseConfig config = common.loadConfig();
      SparkSessions.forCommand(spark, common.warehouse()); // before binding: its replays are jobs
      WarehouseCatalog.bind(spark, common.warehouse(), config.indicators().views());
      NotebookRunner runner = new NotebookRunner(spark);
      int failed = 0;
      for (Path nb : notebooks) {
        Path dir = out != null ? out : nb.toAbsolutePath().getParent().resolve("out");
        try {
          NotebookRunner.Result r = runner.run(nb, parameters, dir);
          w.printf(
              "%s: %d SQL cells run -> %s, %s%s%n",
              nb,
              r.sqlCells(),
              r.notebook(),
              r.html(),
              r.charts().isEmpty()
                  ? ""
                  : ", " + r.charts().size() / 2 + " chart(s) as PNG and SVG");
        } catch (UserException e) {
          failed++;
          err.println("error: " + e.getMessage());
        }
        w.flush();
      }
      return failed == 0 ? WarehouseCli.OK : WarehouseCli.DATA_ERROR;
    }
  }
}
