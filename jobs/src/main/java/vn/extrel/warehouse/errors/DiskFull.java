package vn.extrel.warehouse.errors;

import java.util.Locale;

/**
 * A write that failed because the disk is full, whoever wrote (a Delta commit, Spark's Parquet
 * writer, the state file, the event log): Java reports it as an {@code IOException} "No space left
 * on device", Hadoop's local file system as an {@code FSError} (an Error) around it, Spark inside
 * its task failures. Recognised anywhere in the chain, it is one line for the operator instead of
 * pages of stack traces.
 */
public final class DiskFull {
  private DiskFull() {}

  /** The message of the disk-full failure in the chain, or null when there is none. */
  public static String find(Throwable t) {
    for (int i = 0; i < 30 && t != null; i++) {
      String m = t.getMessage();
      if (m != null) {
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")
            || lower.contains("disk quota exceeded")
            || lower.contains("not enough space on the disk")) {
          return m.lines().findFirst().orElse(m).strip();
        }
      }
      t = t.getCause();
    }
    return null;
  }

  /** The one line the command line prints. */
  public static String message(String found) {
    return "the disk is full ("
        + found
        + "). Free space on the disk of the warehouse (or of the file named), then run again: every"
        + " table is still in its last committed state, and the next load finishes what this one"
        + " started";
  }
}
