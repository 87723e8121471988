package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real {@code bin/warehouse} process, as a user or cron starts it, with its output in files a
 * test can read while it runs.
 */
public final class WarehouseProcess {
  private static final AtomicInteger SEQ = new AtomicInteger();

  public record Result(int code, String out, String err) {}

  private final Process process;
  private final Path out;
  private final Path err;
  private final String name;

  private WarehouseProcess(Process process, Path out, Path err, String name) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.name = name;
  }

  /** Starts {@code bin/warehouse ARGS} with the given environment on top of the test's. */
  public static WarehouseProcess start(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Repo.root().resolve("bin/warehouse").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Repo.root().toFile());
    pb.environment().putAll(env);
    return start(pb, dir, String.join(" ", args));
  }

  /**
   * Starts the CLI's main class in a new JVM on this JVM's classpath, with the flags bin/warehouse
   * gives it: for process tests that run in the unit-test phase, before the jar is packaged. The
   * JVM compiles with C1 only and collects with one thread: it runs a few seconds of a load, and
   * JIT and GC threads would otherwise compete with the test JVM for two cores.
   */
  public static WarehouseProcess java(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    try {
      for (String line : Files.readAllLines(Repo.root().resolve("bin/java-flags"))) {
        if (!line.isBlank() && !line.trim().startsWith("#")) {
          cmd.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cmd.addAll(
        List.of(
            "-Xmx2g",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Duser.timezone=UTC",
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            "vn.extrel.warehouse.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Repo.root().toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("WAREHOUSE_CONFIG", Repo.config().toString());
    pb.environment().putAll(env);
    return start(pb, dir, String.join(" ", args));
  }

  private static WarehouseProcess start(ProcessBuilder pb, Path dir, String name) {
    int n = SEQ.incrementAndGet();
    Path out = dir.resolve("process-" + n + ".out");
    Path err = dir.resolve("process-" + n + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      return new WarehouseProcess(pb.start(), out, err, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lets a process held at a point of a failpoint list go on to the next (a line on its standard
   * input; see Failpoints).
   */
  public void resume() {
    try {
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (at most five minutes). */
  public static Result run(Path dir, Map<String, String> env, String... args) {
    return start(dir, env, args).await(Duration.ofMinutes(5));
  }

  public Result await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "bin/warehouse " + name + " did not finish in " + timeout + "; stderr:\n" + err());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new Result(process.exitValue(), out(), err());
  }

  /** Waits until the process's stderr satisfies the condition (or it dies). */
  public void awaitErr(Predicate<String> condition, Duration timeout) {
    awaitOutput(condition, timeout, true);
  }

  public void awaitOut(Predicate<String> condition, Duration timeout) {
    awaitOutput(condition, timeout, false);
  }

  private void awaitOutput(Predicate<String> condition, Duration timeout, boolean stderr) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.test(stderr ? err() : out())) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "bin/warehouse "
                + name
                + " exited with "
                + process.exitValue()
                + ":\n"
                + out()
                + err());
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("bin/warehouse " + name + " timed out waiting:\n" + out() + err());
      }
      sleep(200);
    }
  }

  /** SIGKILL: the process gets no chance to clean up. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, as systemd, Kubernetes or Ctrl-C's cousin send it. */
  public void terminate() {
    process.destroy();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String out() {
    return read(out);
  }

  public String err() {
    return read(err);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
