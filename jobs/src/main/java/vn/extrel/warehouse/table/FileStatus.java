package vn.extrel.warehouse.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a run did with one input file: the {@code status} of {@code ops.files} and {@code
 * ops.file_loads}, of the load summary and of the event log, spelt there as {@link #wire()}.
 */
public enum FileStatus {
  /** Read, and its rows replaced the file's earlier ones. */
  LOADED,
  /** The same content as the last load: not read again. */
  UNCHANGED,
  /** Read, and refused with a clear error; its earlier rows are kept. */
  FAILED,
  /** No layout claims it. */
  NO_LAYOUT,
  /** More than one layout claims it, and none is named for it. */
  AMBIGUOUS_LAYOUT,
  /** No longer in the input; its rows are kept. */
  VANISHED,
  /** No longer in the input, and its rows were removed by --prune. */
  PRUNED,
  /**
   * Not read, and said so in the summary: a symbolic link, a named pipe, a device (the input folder
   * is not trusted).
   */
  SKIPPED,
  /**
   * Not read, and not reported but with --verbose: lock files, hidden files, notes no layout
   * claims, what input.yaml lists under ignore.
   */
  IGNORED;

  /** The word the tables, the summary and the event log use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a table's word names. */
  @JsonCreator
  public static FileStatus of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** Whether the file could not be loaded: refused, or no single layout claims it. */
  public boolean failed() {
    return switch (this) {
      case FAILED, NO_LAYOUT, AMBIGUOUS_LAYOUT -> true;
      case LOADED, UNCHANGED, VANISHED, PRUNED, SKIPPED, IGNORED -> false;
    };
  }

  /** Whether the run looked at the file at all (neither skipped nor ignored). */
  public boolean seen() {
    return this != SKIPPED && this != IGNORED;
  }

  @Override
  public String toString() {
    return wire();
  }
}
