package vn.extrel.warehouse.load;

import vn.extrel.warehouse.errors.UserException;

/** Another load holds the warehouse; this one did nothing. */
public final class LoadLockedException extends UserException {
  private static final long serialVersionUID = 1L;

  /** Exit code for "another load is running". */
  public static final int EXIT_CODE = 3;

  public LoadLockedException(String message) {
    super(message, EXIT_CODE, null);
  }
}
