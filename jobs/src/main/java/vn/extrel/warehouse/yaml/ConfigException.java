package vn.extrel.warehouse.yaml;

import vn.extrel.warehouse.errors.UserException;

/** A configuration file (layout, indicator, reference list) that cannot be used as written. */
public final class ConfigException extends UserException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  ConfigException(String file, int line, String problem, String fix) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + problem
            + (fix == null ? "" : ". Fix: " + fix));
    this.file = file;
    this.line = line;
  }

  /**
   * An error at a line of a file an analyst edits that is not YAML (a report template): the same
   * one-line form, "file:line: problem. Fix: fix".
   */
  public static ConfigException at(String file, int line, String problem, String fix) {
    return new ConfigException(file, line, problem, fix);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
