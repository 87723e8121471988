package vn.extrel.warehouse.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.TableLog;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.errors.UserException;

/**
 * Before a load touches the tables, under its lock: the table folders a crash or a damaged disk
 * left unusable ({@link TableLog}) are repaired, each with one line for the run's log. A table
 * never created is created by the run; a table whose newest commit was damaged or removed is back
 * at an earlier version. Either way the manifest no longer describes the tables, so a run that
 * repaired one reads every file again (as {@code --force}): every table ends as a clean load would
 * leave it.
 */
final class WarehouseRepair {
  private WarehouseRepair() {}

  /** The table folders under the root: {@code db/name} for every database of the warehouse. */
  static List<TableId> folders(TableLog.Folder folder, Warehouse w) throws IOException {
    List<TableId> out = new ArrayList<>();
    for (String db : WarehouseCatalog.DATABASES) {
      List<String> names = folder.list(w.root() + "/" + db);
      if (names != null) {
        names.stream()
            .filter(n -> !n.startsWith(".") && !n.startsWith("_"))
            .sorted()
            .forEach(n -> out.add(new TableId(db, n)));
      }
    }
    return out;
  }

  /**
   * Whether some table needs a repair; read without Spark (java.nio on local disk), for the
   * nothing-changed path, which must not trust its state file over a table it cannot open.
   */
  static boolean needed(Warehouse w, Configuration hadoop) {
    try {
      TableLog.Folder folder =
          hadoop == null
              ? TableLog.local()
              : TableLog.of(new org.apache.hadoop.fs.Path(w.root()).getFileSystem(hadoop));
      for (TableId t : folders(folder, w)) {
        if (TableLog.inspect(folder, w, t).state().needsRepair()) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: the full path looks again, with Spark's file system
    }
  }

  /** Repairs what needs it; returns one line per table repaired. */
  static List<String> run(Warehouse w, Configuration hadoop, String runId) {
    List<String> notes = new ArrayList<>();
    try {
      FileSystem fs = new org.apache.hadoop.fs.Path(w.root()).getFileSystem(hadoop);
      TableLog.Folder folder = TableLog.of(fs);
      for (TableId t : folders(folder, w)) {
        // A damaged newest commit set aside can leave the one before it never created (it was the
        // first) or damaged too; a few rounds settle it, or say it cannot be.
        for (int round = 0; ; round++) {
          TableLog.Inspection found = TableLog.inspect(folder, w, t);
          if (!found.state().needsRepair()) {
            break;
          }
          if (round == 3) {
            throw new UserException(
                t.qualified()
                    + " under "
                    + w.root()
                    + ": "
                    + found.problem()
                    + ", and the commits before it are damaged too. Restore the warehouse folder"
                    + " from a backup, or load the input into a new warehouse folder (--warehouse"
                    + " NEW_FOLDER)");
          }
          notes.add(TableLog.repair(fs, w, found, runId));
        }
      }
    } catch (IOException e) {
      throw new UserException(
          "cannot repair the tables under " + w.root() + ": " + e.getMessage(), e);
    }
    return List.copyOf(notes);
  }
}
