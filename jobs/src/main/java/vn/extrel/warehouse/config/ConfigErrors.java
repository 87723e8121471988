package vn.extrel.warehouse.config;

import java.nio.file.Path;
import vn.extrel.warehouse.errors.UserException;

/**
 * The errors of finding and reading the configuration folder (a bad file's are ConfigException).
 */
final class ConfigErrors {
  private ConfigErrors() {}

  static UserException noFolder(Path dir, String env) {
    return new UserException(
        "configuration folder "
            + dir
            + " not found. Pass --config or set "
            + env
            + " to the folder with layouts/, indicators.yaml and reference/");
  }

  static UserException cannotList(Path dir, Exception cause) {
    return new UserException("cannot list " + dir + ": " + cause.getMessage(), cause);
  }

  static UserException cannotRead(Path p, Exception cause) {
    return new UserException("cannot read " + p + ": " + cause.getMessage(), cause);
  }
}
