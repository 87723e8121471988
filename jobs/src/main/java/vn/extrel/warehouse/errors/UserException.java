package vn.extrel.warehouse.errors;

/**
 * An expected failure a user can act on: bad input, bad configuration, wrong usage. The message
 * says what happened, why, and what to do, and names the file, sheet and cell where there is one.
 * The CLI prints it as one line and exits with {@link #exitCode()}.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for data or usage errors. */
  public static final int DATA_ERROR = 1;

  private final int exitCode;

  public UserException(String message) {
    this(message, DATA_ERROR, null);
  }

  public UserException(String message, Throwable cause) {
    this(message, DATA_ERROR, cause);
  }

  protected UserException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
