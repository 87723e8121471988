package vn.extrel.warehouse.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.util.Invocation;

/** Options every command shares; each can come from the environment, as a scheduler sets it. */
public final class WarehouseOptions {

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse folder or URI (env WAREHOUSE_DIR; default: ./warehouse).")
  String warehouse;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description =
          "Configuration folder with layouts/, indicators.yaml, reference/ (env WAREHOUSE_CONFIG; default: ./config).")
  Path config;

  @Option(names = "--verbose", description = "Print stack traces of internal errors.")
  boolean verbose;

  public Warehouse warehouse() {
    return Warehouse.at(location());
  }

  /** --warehouse, else $WAREHOUSE_DIR, else ./warehouse, where the command was typed. */
  String location() {
    Invocation at = Invocation.current();
    String typed = warehouse != null ? warehouse : at.env("WAREHOUSE_DIR");
    return at.location(typed != null ? typed : "warehouse");
  }

  public WarehouseConfig loadConfig() {
    return WarehouseConfig.load(WarehouseConfig.locate(config));
  }
}
