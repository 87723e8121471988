package vn.extrel.warehouse.cli;

import java.io.PrintWriter;
import vn.extrel.warehouse.load.FileOutcome;
import vn.extrel.warehouse.load.LoadListener;
import vn.extrel.warehouse.util.Invocation;

/**
 * Progress lines on the terminal (stderr) while a load runs, so a long night's load shows it is
 * alive.
 */
final class TerminalProgress implements LoadListener {

  private final PrintWriter err;
  private final long start = System.nanoTime();

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /** On when stderr is a terminal, or when asked. */
  static boolean wanted(Boolean flag) {
    return flag != null ? flag : Invocation.current().hasConsole();
  }

  private String at() {
    return String.format("[%6.1f s]", (System.nanoTime() - start) / 1e9);
  }

  @Override
  public void stageStarted(String runId, String stage, String detail) {
    err.println(at() + " " + stage + ": " + detail + " ...");
  }

  @Override
  public void stageFinished(String runId, String stage, long millis) {
    err.printf("%s %s done (%.1f s)%n", at(), stage, millis / 1000.0);
    err.flush();
  }

  @Override
  public void fileFinished(String runId, FileOutcome o) {
    err.printf("%s   %-8s %s%n", at(), o.status(), o.path());
    err.flush();
  }
}
