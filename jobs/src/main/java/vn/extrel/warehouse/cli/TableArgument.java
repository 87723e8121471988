package vn.extrel.warehouse.cli;

import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/** A table named on the command line: {@code gold.indicators}. */
final class TableArgument {
  private TableArgument() {}

  static TableId parse(String name) {
    for (TableId t : WarehouseTables.all().keySet()) {
      if (t.qualified().equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    throw CliErrors.unknownTable(
        name, WarehouseTables.all().keySet().stream().map(TableId::qualified).toList());
  }
}
