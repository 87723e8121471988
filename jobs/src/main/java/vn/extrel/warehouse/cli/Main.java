package vn.extrel.warehouse.cli;

/** Entry point of {@code bin/warehouse} and of spark-submit; it only exits. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = WarehouseCli.run(System.out, System.err, args);
    System.out.flush();
    System.exit(code);
  }
}
