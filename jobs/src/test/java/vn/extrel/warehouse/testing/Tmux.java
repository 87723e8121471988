package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program under a real pseudo-terminal: a detached tmux session on a private server, typed into
 * with send-keys and read with capture-pane. .ci/run installs tmux.
 */
public final class Tmux implements AutoCloseable {
  private final String socket;
  private final String session = "t";

  private Tmux(String socket) {
    this.socket = socket;
  }

  /** Starts {@code shellCommand} in a new 200x60 terminal. */
  public static Tmux start(String shellCommand) {
    Tmux t = new Tmux("extrel-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    t.tmux("new-session", "-d", "-s", t.session, "-x", "200", "-y", "60", shellCommand);
    return t;
  }

  /**
   * Types the text, then Enter. A trailing ';' goes as a key code: tmux would take it for its own
   * command separator.
   */
  public void line(String text) {
    type(text);
    tmux("send-keys", "-t", session, "Enter");
  }

  public void type(String text) {
    boolean semicolon = text.endsWith(";");
    String body = semicolon ? text.substring(0, text.length() - 1) : text;
    if (!body.isEmpty()) {
      tmux("send-keys", "-t", session, "-l", body);
    }
    if (semicolon) {
      tmux("send-keys", "-t", session, "-H", "3b");
    }
  }

  /** Keys by tmux name: Tab, Up, C-d, C-c. */
  public void key(String name) {
    tmux("send-keys", "-t", session, name);
  }

  /** The screen and its scrollback, as the user sees it. */
  public String screen() {
    return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", session);
  }

  public String awaitScreen(Predicate<String> condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    String s = screen();
    while (!condition.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the terminal never showed what was expected; it shows:\n" + s);
      }
      WarehouseProcess.sleep(200);
      s = screen();
    }
    return s;
  }

  @Override
  public void close() {
    try {
      tmux("kill-server");
    } catch (AssertionError e) {
      // already gone
    }
  }

  private String tmux(String... args) {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run tmux (is it installed? .ci/run installs it with apt-get)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
