package vn.extrel.warehouse.cli;

import java.util.OptionalInt;

/**
 * The warm path's own entry point: {@code bin/warehouse} starts it on the jar alone, a JVM that
 * starts in a tenth of a second, to hand the command to a running warehouse process; exits with
 * {@link #NOT_HANDED_OVER} when none took it, and the script then starts the whole CLI.
 */
public final class WarmMain {
  private WarmMain() {}

  /** Not a code any command exits with (see {@link WarehouseCli}). */
  public static final int NOT_HANDED_OVER = 99;

  public static void main(String[] args) {
    OptionalInt code = WarmClient.run(args);
    System.out.flush();
    System.exit(code.orElse(NOT_HANDED_OVER));
  }
}
