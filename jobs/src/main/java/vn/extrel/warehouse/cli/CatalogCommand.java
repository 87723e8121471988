package vn.extrel.warehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.docs.CatalogueDoc;
import vn.extrel.warehouse.export.ExportCatalog;

/** {@code warehouse catalog}: the indicator and table catalogue, from the definitions. No Spark. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the indicator and table catalogue (Vietnamese and English) as Markdown,",
      "generated from config/indicators.yaml, config/exports.yaml and the table definitions."
    })
public final class CatalogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of printing.")
  Path out;

  @Override
  public Integer call() throws IOException {
    WarehouseConfig config = common.loadConfig();
    String md = CatalogueDoc.markdown(config, ExportCatalog.load(config.dir()));
    if (out == null) {
      spec.commandLine().getOut().print(md);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, md, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("wrote " + out);
    }
    return WarehouseCli.OK;
  }
}
