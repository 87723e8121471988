package vn.extrel.warehouse.load;

/**
 * Named points in a load where a test can stop the process for real: when {@code EXTREL_FAILPOINT}
 * names the point, the load prints {@code FAILPOINT <name>} on stderr and waits, so the test can
 * SIGKILL it exactly there. {@code name:SECONDS} pauses that long and goes on instead (a slow run,
 * for the scheduler's no-overlap test). Off unless the variable is set; costs one environment
 * lookup.
 */
public final class Failpoints {
  private Failpoints() {}

  public static final String ENV = "EXTREL_FAILPOINT";

  public static final String RUN_START = "run-start";
  public static final String AFTER_BRONZE = "after-bronze";
  public static final String BETWEEN_SILVER_TABLES = "between-silver-tables";
  public static final String DURING_GOLD = "during-gold";
  public static final String BEFORE_MANIFEST = "before-manifest";

  private static final String ARMED = System.getenv(ENV);

  public static void hit(String name) {
    if (ARMED == null || !(ARMED.equals(name) || ARMED.startsWith(name + ":"))) {
      return;
    }
    long millis =
        ARMED.equals(name) ? 600_000 : Long.parseLong(ARMED.substring(name.length() + 1)) * 1000;
    System.err.println("FAILPOINT " + name);
    System.err.flush();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
