package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server on loopback: S3Proxy (module s3-server) over a folder, in its own JVM, since
 * its libraries must never share a class path with Spark's. Signed requests only (AWS v2 or v4),
 * with a fixed key pair; one bucket, created at start.
 */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "extrel-test";
  public static final String SECRET_KEY = "extrel-test-secret";

  private final Process process;
  private final int port;
  private final Path log;

  private S3Server(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the server with {@code bucket} as an empty bucket; stored objects go under {@code dir}.
   */
  public static S3Server start(Path dir, String bucket) {
    Path module = Repo.root().resolve("s3-server");
    Path classpath = module.resolve("target/s3proxy.classpath");
    if (!Files.exists(classpath)) {
      throw new AssertionError(
          "no " + classpath + ": build the s3-server module first (mvn -B verify does)");
    }
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Path blobs = Files.createDirectories(dir.resolve("blobs"));
      // The filesystem store shows each folder under its base as a bucket.
      Files.createDirectories(blobs.resolve(bucket));
      Path properties = dir.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + blobs),
          StandardCharsets.UTF_8);
      Path log = dir.resolve("s3proxy.log");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  "-Xmx256m",
                  "-Dlogback.configurationFile=" + module.resolve("logback.xml"),
                  "-cp",
                  Files.readString(classpath).strip(),
                  "org.gaul.s3proxy.Main",
                  "--properties",
                  properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      S3Server server = new S3Server(p, port, log);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("S3Proxy exited at start:\n" + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
    close();
    throw new AssertionError("S3Proxy did not listen on port " + port + " within 60 s");
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The s3a settings that reach this server, scoped to {@code bucket} (Hadoop's per-bucket form),
   * so they change nothing for any other path the shared session reads.
   */
  public Map<String, String> s3aSettings(String bucket) {
    String p = "fs.s3a.bucket." + bucket + ".";
    return Map.of(
        p + "endpoint", endpoint(),
        p + "endpoint.region", "us-east-1",
        p + "path.style.access", "true",
        p + "connection.ssl.enabled", "false",
        p + "access.key", ACCESS_KEY,
        p + "secret.key", SECRET_KEY,
        p + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
  }

  /** What the server logged (warnings and errors). */
  public List<String> log() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
