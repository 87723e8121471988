package vn.extrel.warehouse.load;

/**
 * What a run did with one file.
 *
 * @param status {@code loaded}, {@code unchanged}, {@code failed}, {@code no_layout}, {@code
 *     ambiguous_layout}, {@code vanished}, {@code pruned}
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

  public boolean failed() {
    return FAILED.equals(status) || "no_layout".equals(status) || "ambiguous_layout".equals(status);
  }
}
