package vn.extrel.warehouse.load;

import vn.extrel.warehouse.table.FileStatus;

/**
 * What a run did with one file.
 *
 * @param rowsRead every row read from the file (data + quarantined + excluded)
 */
public record FileOutcome(
    String path,
    String layout,
    String target,
    String sha256,
    FileStatus status,
    String errorCode,
    String message,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined,
    long rowsExcluded) {

  /** Whether the run looked at the file at all (neither skipped nor ignored). */
  public boolean seen() {
    return status.seen();
  }

  public boolean failed() {
    return status.failed();
  }
}
