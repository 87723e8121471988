package vn.extrel.warehouse.serve;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import scala.Option;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.SparkSessions;

/**
 * A Spark Connect server over the warehouse: any Spark Connect client (PySpark, the Scala/Java
 * client, Go) queries {@code gold.indicators} by name.
 *
 * <p>The catalog is the warehouse folder, bound into the server's shared in-memory catalog (every
 * Connect session sees it) and re-bound every {@code refreshSeconds} so that tables a load creates
 * later appear. Loads in other processes never wait for the server: it takes no lock and holds no
 * metastore.
 *
 * <p>Every client reads, and only reads, unless the server was started with a write token and the
 * client presents it ({@link ConnectAccess}); no client runs Java code on the server.
 */
public final class ConnectServer {

  /**
   * Where clients are accepted from, and with which credentials.
   *
   * @param token what every client must present (Spark Connect's own check); null on loopback
   * @param writeToken what a client must present to write; null: no client writes
   */
  public record Binding(
      String host, int port, String token, boolean allowRemote, String writeToken) {
    public Binding {
      if (port < 0 || port > 65535) {
        throw ServeErrors.notAPort(port);
      }
    }

    boolean loopback() {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        throw ServeErrors.hostDoesNotResolve(host, e);
      }
    }

    /**
     * Beyond loopback anyone on the network could read (or, over Connect, change) the warehouse:
     * that needs both an explicit flag and Spark Connect's pre-shared token.
     */
    void check() {
      if (loopback()) {
        return;
      }
      if (!allowRemote) {
        throw ServeErrors.remoteNotMeant(host);
      }
      if (token == null || token.isBlank()) {
        throw ServeErrors.remoteWithoutToken();
      }
    }

    /** A write token travels in a URL parameter and must be hard to guess. */
    void checkWriteToken() {
      if (writeToken == null) {
        return;
      }
      if (!writeToken.matches("[A-Za-z0-9._~-]{16,}")) {
        throw ServeErrors.weakWriteToken();
      }
      if (writeToken.equals(token == null ? null : token.strip())) {
        throw ServeErrors.writeTokenIsTheReadToken();
      }
    }

    public String url() {
      return "sc://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  private final Warehouse warehouse;
  private final WarehouseConfig config;
  private final Binding binding;
  private final long refreshSeconds;
  private final CountDownLatch stop = new CountDownLatch(1);
  private ScheduledExecutorService refresher;
  private SparkSession spark;

  public ConnectServer(
      Warehouse warehouse, WarehouseConfig config, Binding binding, long refreshSeconds) {
    this.warehouse = warehouse;
    this.config = config;
    this.binding = binding;
    this.refreshSeconds = refreshSeconds;
  }

  /** Throws if the binding would open the warehouse wider than its flags say. */
  public void check() {
    binding.check();
    binding.checkWriteToken();
  }

  /** Starts the server; returns once it accepts clients. */
  public void start(PrintWriter out) {
    check();
    Map<String, String> conf = new LinkedHashMap<>();
    // Every request passes ConnectAccess first: DataFrame writes, settings, artifacts and
    // functions are refused there, unless the client presents the write token.
    conf.put("spark.connect.grpc.interceptor.classes", ConnectAccess.class.getName());
    ConnectAccess.configure(binding.writeToken());
    conf.put("spark.connect.grpc.binding.address", binding.host());
    conf.put("spark.connect.grpc.binding.port", Integer.toString(binding.port()));
    if (binding.token() != null && !binding.token().isBlank()) {
      conf.put("spark.connect.authenticate.token", binding.token().strip());
    }
    spark = SparkSessions.getOrCreate(conf);
    // The server's own session binds the catalog; every client's session is guarded: read-only,
    // or writing for clients with the write token (ConnectAccess).
    ReadOnlyGuard.trust(spark);
    var unused = ReadOnlyGuard.guardUnlisted(ConnectAccess.readerHint()); // for the server's life
    int tables = WarehouseCatalog.bind(spark, warehouse, config.indicators().views()).size();
    SparkConnectService.start(spark.sparkContext());
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "extrel-catalog-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refresh, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
    out.printf(
        "Serving the warehouse %s (%d tables) over Spark Connect at %s%s; %s%n",
        warehouse.root(),
        tables,
        binding.url(),
        binding.token() == null ? "" : " (clients must present the token)",
        binding.writeToken() == null
            ? "read-only for every client"
            : "clients presenting the write token may write, the others read");
    java.util.List<String> notLoaded = new java.util.ArrayList<>();
    WarehouseCatalog.unavailable(spark, warehouse)
        .forEach(
            (t, why) -> {
              if (WarehouseCatalog.NOT_LOADED.equals(why)) {
                notLoaded.add(t.qualified());
              } else {
                out.println("  not served: " + t.qualified() + " (" + why + ")");
              }
            });
    if (!notLoaded.isEmpty()) {
      out.println("  not loaded yet: " + String.join(", ", notLoaded));
    }
    out.println("Stop with Ctrl-C or SIGTERM.");
    out.flush();
  }

  /** The server's own session (trusted; it binds the catalog). */
  public SparkSession session() {
    return spark;
  }

  /** Binds tables created since the last refresh now (after a load through the warm path). */
  public void refresh() {
    try {
      WarehouseCatalog.bind(spark, warehouse, config.indicators().views());
    } catch (RuntimeException e) {
      // A load may be creating a table this very moment; the next refresh sees it whole.
      System.err.println("catalog refresh skipped: " + e.getMessage());
    }
  }

  /** Blocks until {@link #stop()} (SIGTERM, Ctrl-C), then shuts the server down. */
  public void awaitStop(PrintWriter out) throws InterruptedException {
    stop.await();
    refresher.shutdownNow();
    SparkConnectService.stop(Option.apply(10L), Option.apply(TimeUnit.SECONDS));
    out.println("server stopped");
    out.flush();
  }

  public void stop() {
    stop.countDown();
  }
}
