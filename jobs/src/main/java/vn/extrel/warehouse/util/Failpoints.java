package vn.extrel.warehouse.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named points in a load where a test can stop it. When {@code EXTREL_FAILPOINT} names the point,
 * the load prints {@code FAILPOINT <name>} on stderr and waits, so a test (or {@code
 * bin/fault-sweep}) can SIGKILL the process exactly there; {@code name:SECONDS} pauses that long
 * and goes on instead (a slow run, for the scheduler's no-overlap test). A list, {@code a,b,c},
 * holds the load at each point in turn: it prints {@code FAILPOINT a} and waits for a line on its
 * standard input, then goes on to {@code b}; at the last it waits as at a single point (one process
 * a reader looks at in several states before it is killed). In a test's own JVM, {@link #stopAt}
 * makes the point throw {@link Stopped} instead: a kill without the cost of a process.
 *
 * <p>Besides the named points, every commit a load makes is three points, named after the table and
 * the step its commit records ({@code bin/warehouse history} shows them): {@code
 * before-commit:silver.fdi:silver}, {@code in-commit:...} (the log folders Delta makes before it
 * writes the commit file exist, the commit file does not: what a kill inside Delta's commit leaves)
 * and {@code after-commit:...}. A step a run commits twice to one table is {@code ...:rules#2} the
 * second time. Off unless armed; costs one field read.
 */
public final class Failpoints {
  private Failpoints() {}

  public static final String ENV = "EXTREL_FAILPOINT";

  public static final String RUN_START = "run-start";
  public static final String AFTER_BRONZE = "after-bronze";
  public static final String BETWEEN_SILVER_TABLES = "between-silver-tables";
  public static final String DURING_GOLD = "during-gold";
  public static final String BEFORE_MANIFEST = "before-manifest";

  /** After the load wrote the state file, its very last write. */
  public static final String AFTER_STATE = "after-state";

  /** What a point armed in the test's JVM throws: an Error, so no handler takes it for its own. */
  public static final class Stopped extends Error {
    private static final long serialVersionUID = 1L;

    Stopped(String point) {
      super("stopped at failpoint " + point);
    }
  }

  private static volatile String armed = System.getenv(ENV);
  private static volatile boolean throwing;
  private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

  /**
   * Arms a point in this JVM: its next hit throws {@link Stopped}. Close to disarm. For tests; one
   * armed point at a time.
   */
  public static AutoCloseable stopAt(String point) {
    throwing = true;
    armed = point;
    return () -> {
      armed = null;
      throwing = false;
    };
  }

  public static void hit(String name) {
    String a = armed;
    if (a == null) {
      return;
    }
    if (a.indexOf(',') > 0) {
      holdInTurn(name);
      return;
    }
    if (RUN_START.equals(name)) {
      SEEN.clear(); // "#n" counts within one run (the scheduler runs several in one process)
    }
    String base = a;
    long seconds = -1;
    Matcher m = PAUSE.matcher(a);
    if (m.matches()) {
      base = m.group(1);
      seconds = Long.parseLong(m.group(2));
    }
    int occurrence = -1;
    int hash = base.lastIndexOf('#');
    if (hash > 0) {
      occurrence = Integer.parseInt(base.substring(hash + 1));
      base = base.substring(0, hash);
    }
    if (!base.equals(name) || (occurrence > 0 && SEEN.merge(name, 1, Integer::sum) != occurrence)) {
      return;
    }
    if (throwing) {
      armed = null;
      throw new Stopped(a);
    }
    System.err.println("FAILPOINT " + a);
    System.err.flush();
    try {
      Thread.sleep(seconds < 0 ? 600_000 : seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A point of a list: the first one held, until a line arrives on standard input. */
  private static synchronized void holdInTurn(String name) {
    String a = armed;
    int comma = a == null ? -1 : a.indexOf(',');
    if (comma < 0 || !a.substring(0, comma).equals(name)) {
      return;
    }
    System.err.println("FAILPOINT " + name);
    System.err.flush();
    try {
      for (int c = System.in.read(); c != '\n' && c != -1; c = System.in.read()) {
        // the rest of the line
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    armed = a.substring(comma + 1);
  }

  private static final Pattern PAUSE = Pattern.compile("(.*):(\\d+)");

  private static final Pattern STEP = Pattern.compile("\"step\":\"([^\"]*)\"");

  /** The armed point without its {@code #n} and {@code :SECONDS}; null when none is. */
  public static String armedPoint() {
    String a = armed;
    if (a == null) {
      return null;
    }
    Matcher m = PAUSE.matcher(a);
    String base = m.matches() ? m.group(1) : a;
    int hash = base.lastIndexOf('#');
    return hash > 0 ? base.substring(0, hash) : base;
  }

  /** Whether any point is armed: the commit points' names are built only then. */
  public static boolean armed() {
    return armed != null;
  }

  /**
   * The commit points of a write to {@code tablePath} ({@code <root>/<db>/<table>}) recording
   * {@code userMetadata} (see {@link vn.extrel.warehouse.catalog.DeltaWrites#commitInfo}).
   */
  public static String commitPoint(String when, String tablePath, String userMetadata) {
    String[] parts = tablePath.split("/");
    String table = parts[parts.length - 2] + "." + parts[parts.length - 1];
    Matcher m = STEP.matcher(userMetadata == null ? "" : userMetadata);
    return when + "-commit:" + table + ":" + (m.find() ? m.group(1) : "");
  }
}
