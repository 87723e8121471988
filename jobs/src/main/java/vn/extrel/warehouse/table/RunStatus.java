package vn.extrel.warehouse.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a load ended: the {@code status} of {@code ops.load_runs}, of the load summary and of the
 * event log, spelt there as {@link #wire()}.
 */
public enum RunStatus {
  /** Started and not ended: still running, or killed (the next load says which). */
  RUNNING,
  /** Every file loaded or unchanged, no rule at error level. */
  SUCCEEDED,
  /** Some files failed or a rule found an error; the rest loaded. */
  SUCCEEDED_WITH_ERRORS,
  /** Nothing changed since the last load: no table was written. */
  NOTHING_TO_DO,
  /** The run stopped with an error; its tables are as the last load left them. */
  FAILED;

  /** The word the tables, the summary and the event log use. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RunStatus of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** Whether the run ended and left its tables complete (the last completed load). */
  public boolean completed() {
    return switch (this) {
      case SUCCEEDED, SUCCEEDED_WITH_ERRORS, NOTHING_TO_DO -> true;
      case RUNNING, FAILED -> false;
    };
  }

  @Override
  public String toString() {
    return wire();
  }
}
