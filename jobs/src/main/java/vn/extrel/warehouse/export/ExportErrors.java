package vn.extrel.warehouse.export;

import java.nio.file.Path;
import java.util.Map;
import vn.extrel.warehouse.errors.UserException;

/** The errors an export reports: what went wrong, why, and what to do. */
final class ExportErrors {
  private ExportErrors() {}

  static UserException unknownFormat(String name) {
    return new UserException(
        "unknown export format '" + name + "'; use csv, xlsx, json or parquet");
  }

  static UserException unknownLocale(String locale) {
    return new UserException("unknown --locale '" + locale + "'; use vi or en");
  }

  static UserException cannotWrite(Path target, Exception cause) {
    return new UserException("cannot write " + target + ": " + cause.getMessage(), cause);
  }

  static UserException keptChanging(String source, Map<String, Long> moved, int attempts) {
    return new UserException(
        "cannot export '"
            + source
            + "': loads committed "
            + moved
            + " while it was read, "
            + attempts
            + " times in a row, so no version could be recorded. Export again when the load has"
            + " finished (bin/warehouse status), or export a table by name: it is read at one"
            + " version");
  }
}
