package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official Spark Connect JVM client (module connect-client) in its own JVM: it must never share
 * a class path with classic Spark, which this test JVM holds.
 */
public final class ConnectClient {
  private ConnectClient() {}

  public record Result(int code, String out, String err) {}

  /** Runs the statements through {@code ConnectSql}; each result printed as CSV. */
  public static Result sql(Path dir, String url, String... statements) {
    return run(dir, "ConnectSql", url, statements);
  }

  /**
   * Tries the actions through {@code ConnectTry} in one session: a line per action, {@code ok},
   * {@code refused} or {@code failed}.
   */
  public static Result tryActions(Path dir, String url, String... actions) {
    return run(dir, "ConnectTry", url, actions);
  }

  private static Result run(Path dir, String main, String url, String... args) {
    Path module = Repo.root().resolve("connect-client/target");
    Path classpath = module.resolve("client.classpath");
    if (!Files.exists(classpath)) {
      throw new AssertionError(
          "no " + classpath + ": build the connect-client module first (mvn -B verify does)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Arrow, under the client, reads direct buffers.
    cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    try {
      cmd.add(module.resolve("classes") + ":" + Files.readString(classpath).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cmd.add("vn.extrel.warehouse.connect." + main);
    cmd.add(url);
    cmd.addAll(List.of(args));
    Path out = dir.resolve("connect-client.out");
    Path err = dir.resolve("connect-client.err");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the Spark Connect client did not finish in 3 minutes");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
