package vn.extrel.warehouse.util;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a command was started: its working folder, its environment and whether it has a terminal.
 * For a command run by this process ({@link #here()}) that is the JVM's own; for one a thin client
 * handed to a long-lived warehouse process (the warm path of {@code serve}) it is the client's, so
 * that {@code --input data}, {@code sql -f q.sql} and {@code WAREHOUSE_INPUT} mean in the warm
 * process what they mean where the user typed them.
 *
 * <p>Only the names a command reads are taken from it ({@code WAREHOUSE_*}); a command's thread
 * runs {@link #within} its invocation, so code far below the command line asks {@link #current()}.
 *
 * @param cwd the client's working folder, absolute; null for this process's own
 * @param env the client's {@code WAREHOUSE_*} variables; ignored for this process's own
 * @param console whether the client runs on a terminal
 */
public record Invocation(Path cwd, Map<String, String> env, boolean console) {

  private static final Invocation HERE = new Invocation(null, Map.of(), false);

  private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

  public Invocation {
    env = Map.copyOf(env);
    if (cwd != null && !cwd.isAbsolute()) {
      throw new IllegalArgumentException("a client's working folder must be absolute: " + cwd);
    }
  }

  /** This process's own: its working folder, its environment, its terminal. */
  public static Invocation here() {
    return HERE;
  }

  /** A command handed over by a client started in {@code cwd}. */
  public static Invocation client(Path cwd, Map<String, String> env, boolean console) {
    return new Invocation(cwd, env, console);
  }

  /** The invocation of the command this thread runs; this process's own outside one. */
  public static Invocation current() {
    Invocation i = CURRENT.get();
    return i != null ? i : HERE;
  }

  /** Runs {@code body} as the command of this invocation. */
  public <T> T within(Supplier<T> body) {
    Invocation previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Whether the command came from a client rather than from this process's own command line. */
  public boolean handedOver() {
    return cwd != null;
  }

  /** The environment variable as the user who typed the command has it; null when unset. */
  public String env(String name) {
    if (!handedOver()) {
      return System.getenv(name);
    }
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  /** Whether the command's user sits at a terminal. */
  public boolean hasConsole() {
    return handedOver() ? console : System.console() != null;
  }

  /** A file path as the user typed it, resolved where they typed it; unchanged when run here. */
  public Path path(String typed) {
    Path p = Path.of(typed);
    return handedOver() ? cwd.resolve(p) : p;
  }

  /**
   * A folder or URI as the user typed it ({@code --warehouse}, {@code --input}): a relative local
   * path is resolved where they typed it; URIs ({@code s3a://...}) and everything run here are
   * unchanged.
   */
  public String location(String typed) {
    if (!handedOver() || typed == null) {
      return typed;
    }
    String scheme;
    try {
      scheme = URI.create(typed.replace(" ", "%20")).getScheme();
    } catch (IllegalArgumentException e) {
      scheme = null;
    }
    if (scheme != null && scheme.length() > 1) {
      return typed;
    }
    return cwd.resolve(typed).toString();
  }
}
