package vn.extrel.warehouse.cli;

import vn.extrel.warehouse.errors.UserException;
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
    throw new UserException(
        "unknown table '"
            + name
            + "'; the warehouse has "
            + WarehouseTables.all().keySet().stream().map(TableId::qualified).toList());
  }
}
