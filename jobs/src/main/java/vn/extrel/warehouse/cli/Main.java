package vn.extrel.warehouse.cli;

import java.util.OptionalInt;

/** Entry point of {@code bin/warehouse} and of spark-submit; it only exits. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // A warehouse process already running here answers without a Spark start of our own.
    OptionalInt warm = WarmClient.run(args);
    int code = warm.isPresent() ? warm.getAsInt() : WarehouseCli.run(System.out, System.err, args);
    System.out.flush();
    System.exit(code);
  }
}
