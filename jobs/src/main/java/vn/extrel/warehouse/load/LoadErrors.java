package vn.extrel.warehouse.load;

import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.table.TableId;

/**
 * The errors that stop a whole load (those of one file are {@code IngestErrors}: the rest of the
 * night goes on). Each says what is wrong, why, and what to do.
 */
final class LoadErrors {
  private LoadErrors() {}

  static UserException noInputFolder(String input) {
    return new UserException(
        "input folder "
            + input
            + " does not exist. Pass --input with the folder that holds the spreadsheets");
  }

  static UserException cannotListInput(String input, Exception cause) {
    return new UserException(
        "cannot list the input folder " + input + ": " + cause.getMessage(), cause);
  }

  static UserException cannotChecksum(String path, Exception cause) {
    return new UserException(
        path + ": cannot be read to compute its checksum (" + cause.getMessage() + ")", cause);
  }

  /** A table this version cannot add to, what differs in it, and how to go on. */
  static UserException earlierVersion(Warehouse w, TableId table, String difference) {
    return new UserException(
        table.qualified()
            + " under "
            + w.root()
            + " was written by an earlier version of the loader ("
            + difference
            + "), so this version cannot add to it. Load into a new warehouse folder (--warehouse"
            + " NEW_FOLDER, or WAREHOUSE_DIR) from the same input; the old folder stays as it is and"
            + " can still be queried by the earlier version.");
  }

  static UserException damagedBeyondRepair(TableId t, Warehouse w, String problem) {
    return new UserException(
        t.qualified()
            + " under "
            + w.root()
            + ": "
            + problem
            + ", and the commits before it are damaged too. Restore the warehouse folder"
            + " from a backup, or load the input into a new warehouse folder (--warehouse"
            + " NEW_FOLDER)");
  }

  static UserException cannotRepair(Warehouse w, Exception cause) {
    return new UserException(
        "cannot repair the tables under " + w.root() + ": " + cause.getMessage(), cause);
  }
}
