package vn.extrel.warehouse.check;

import java.nio.file.Path;
import java.util.Collection;
import vn.extrel.warehouse.errors.UserException;

/** The errors of {@code warehouse check} before it reads a file (a file's own are IngestErrors). */
final class CheckErrors {
  private CheckErrors() {}

  static UserException unknownLayout(String layoutId, Collection<String> known) {
    return new UserException("unknown layout '" + layoutId + "'; the configuration has " + known);
  }

  static UserException cannotRead(Path file, Exception cause) {
    return new UserException(file + ": cannot be read (" + cause.getMessage() + ")", cause);
  }
}
