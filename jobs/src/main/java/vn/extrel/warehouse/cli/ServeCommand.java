package vn.extrel.warehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.serve.ConnectServer;
import vn.extrel.warehouse.serve.WarmDoor;

/** {@code warehouse serve}: the warehouse over Spark Connect, for PySpark, Jupyter and the like. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the warehouse's tables over Spark Connect (sc://127.0.0.1:15002 by default).",
      "Clients: PySpark (SparkSession.builder.remote(...)), the Spark Connect JVM client, Go.",
      "Every client only reads, unless --allow-write and the client presents the write token.",
      "Runs until Ctrl-C or SIGTERM."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WarehouseOptions common;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "15002",
      description = "Port (default: ${DEFAULT-VALUE}, Spark Connect's).")
  int port;

  @Option(
      names = "--allow-remote",
      description = "Required to listen beyond loopback; a token is then required too.")
  boolean allowRemote;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the token clients must present (sc://host:port/;token=...)."
              + " Env SPARK_CONNECT_AUTHENTICATE_TOKEN works too.")
  Path tokenFile;

  @Option(
      names = "--allow-write",
      description =
          "Let clients that present the write token (--write-token-file) write tables; the"
              + " others still only read. Off by default: every client only reads.")
  boolean allowWrite;

  @Option(
      names = "--write-token-file",
      paramLabel = "FILE",
      description =
          "File holding the write token (sc://host:port/;warehouse-write-token=...)."
              + " Env WAREHOUSE_WRITE_TOKEN works too.")
  Path writeTokenFile;

  @Option(
      names = "--refresh",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How often tables created by later loads are picked up (default: ${DEFAULT-VALUE}).")
  long refreshSeconds;

  @Option(
      names = "--warm",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Run bin/warehouse's sql -e/-f, export, notebook run, explain, report and load of this"
              + " machine in this process, without starting Spark again (default: on; loopback"
              + " only, for the owner of the warehouse folder).")
  boolean warm;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String token =
        tokenFile != null
            ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip()
            : System.getenv("SPARK_CONNECT_AUTHENTICATE_TOKEN");
    String writeToken =
        writeTokenFile != null
            ? Files.readString(writeTokenFile, StandardCharsets.UTF_8).strip()
            : System.getenv("WAREHOUSE_WRITE_TOKEN");
    if (allowWrite && (writeToken == null || writeToken.isBlank())) {
      throw CliErrors.writeNeedsToken();
    }
    if (!allowWrite && writeTokenFile != null) {
      throw CliErrors.tokenWithoutWrite();
    }
    ConnectServer server =
        new ConnectServer(
            common.warehouse(),
            common.loadConfig(),
            new ConnectServer.Binding(
                host, port, token, allowRemote, allowWrite ? writeToken : null),
            Math.max(1, refreshSeconds));
    server.check();
    PrintWriter out = spec.commandLine().getOut();
    for (String sig : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> server.stop());
    }
    server.start(out);
    try (WarmDoor door = warm ? openDoor(server, out) : null) {
      server.awaitStop(out);
    }
    return WarehouseCli.OK;
  }

  /** The warm path, for a warehouse on this machine's disk; null (with a line why) otherwise. */
  private WarmDoor openDoor(ConnectServer server, PrintWriter out) throws IOException {
    Path folder = common.warehouse().localDir();
    if (folder == null) {
      out.println("No warm path: the warehouse is not on this machine's disk.");
      out.flush();
      return null;
    }
    WarmDoor door = WarmDoor.open(folder, server.session(), WarehouseCli::run, server::refresh);
    out.println(
        "Warm path open: bin/warehouse sql -e/-f, export, notebook run, explain, report and load"
            + " of this warehouse run here (loopback port "
            + door.port()
            + ", door "
            + door.doorFile()
            + "; WAREHOUSE_WARM=off in a client's environment runs it alone).");
    out.flush();
    return door;
  }
}
