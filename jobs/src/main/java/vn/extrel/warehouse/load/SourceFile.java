package vn.extrel.warehouse.load;

import vn.extrel.warehouse.table.FileStatus;

/**
 * A file found in the input folder.
 *
 * @param uri full Hadoop URI
 * @param path relative to the input folder, with forward slashes: what analysts see everywhere
 * @param layoutId the layout that claims it, or null
 * @param problem why no single layout claims it ({@link FileStatus#NO_LAYOUT}, {@link
 *     FileStatus#AMBIGUOUS_LAYOUT}), or why it is not read ({@link FileStatus#SKIPPED}, {@link
 *     FileStatus#IGNORED}); null otherwise
 * @param changeStamp what changes whenever the file's content does, even when its size and time
 *     stay (a corrected report copied with its old time, two saves in one second): the inode and
 *     its change time (ctime, which no copy can set) on local disk; null where there is none
 */
public record SourceFile(
    String uri,
    String path,
    long size,
    long modifiedMillis,
    String layoutId,
    FileStatus problem,
    String detail,
    String changeStamp) {

  public SourceFile(
      String uri,
      String path,
      long size,
      long modifiedMillis,
      String layoutId,
      FileStatus problem,
      String detail) {
    this(uri, path, size, modifiedMillis, layoutId, problem, detail, null);
  }

  /** The same file with its change stamp. */
  SourceFile withChangeStamp(String stamp) {
    return new SourceFile(uri, path, size, modifiedMillis, layoutId, problem, detail, stamp);
  }

  /**
   * Whether size, time and change stamp say the file is the one a manifest row describes; when they
   * cannot, its SHA-256 decides.
   */
  boolean sameAs(vn.extrel.warehouse.ops.Manifest.Entry m) {
    return m.size() == size
        && m.modifiedMillis() == modifiedMillis
        && (changeStamp == null || changeStamp.equals(m.changeStamp()));
  }
}
