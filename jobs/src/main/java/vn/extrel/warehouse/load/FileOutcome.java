package vn.extrel.warehouse.load;

/**
 * What a run did with one file.
 *
 * @param status {@code loaded}, {@code unchanged}, {@code failed}, {@code no_layout}, {@code
 *     ambiguous_layout}, {@code vanished}, {@code pruned}, {@code skipped}, {@code ignored}
 * @param rowsRead every row read from the file (data + quarantined + excluded)
 */
public record FileOutcome(
    String path,
    String layout,
    String target,
    String sha256,
    String status,
    String errorCode,
    String message,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined,
    long rowsExcluded) {

  public static final String LOADED = "loaded";
  public static final String UNCHANGED = "unchanged";
  public static final String FAILED = "failed";

  /** No longer in the input; its rows are kept. */
  public static final String VANISHED = "vanished";

  /** No longer in the input, and its rows were removed by --prune. */
  public static final String PRUNED = "pruned";

  /**
   * Not read, and said so in the summary: a symbolic link, a named pipe, a device (the input folder
   * is not trusted).
   */
  public static final String SKIPPED = "skipped";

  /**
   * Not read, and not reported but with --verbose: lock files, hidden files, notes no layout
   * claims, what input.yaml lists under ignore.
   */
  public static final String IGNORED = "ignored";

  /** Whether the run looked at the file at all (neither skipped nor ignored). */
  public boolean seen() {
    return !SKIPPED.equals(status) && !IGNORED.equals(status);
  }

  public boolean failed() {
    return FAILED.equals(status) || "no_layout".equals(status) || "ambiguous_layout".equals(status);
  }
}
