package vn.extrel.warehouse.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import vn.extrel.warehouse.util.WarmWire;

/**
 * The client side of the warm path: hands a command to the warehouse process already running on
 * this machine ({@code serve}) when there is one, so the command skips Spark's start; says so in
 * one line on standard error. Plain Java, loaded before anything of Spark's: when no process
 * answers, {@link Main} runs the command itself as it always did.
 *
 * <p>Handed over: {@code sql} with {@code -e} or {@code -f}, {@code export}, {@code notebook run},
 * {@code explain}, {@code report} and {@code load}. Never: the SQL shell and statements on standard
 * input (the process has neither the client's terminal nor its input), help, the commands that
 * change the warehouse outside a load, and anything run with {@code WAREHOUSE_WARM=off} or with a
 * failpoint armed (those belong to one process).
 */
public final class WarmClient {
  private WarmClient() {}

  /** Switch in the client's environment: {@code off} never hands a command over. */
  public static final String SWITCH = "WAREHOUSE_WARM";

  private static final Set<String> COMMANDS =
      Set.of("sql", "export", "notebook", "explain", "report", "load");

  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version", "help");

  /** {@link #run(String[], Map, Path, boolean, PrintStream, PrintStream)} for this process. */
  static OptionalInt run(String[] args) {
    return run(
        args,
        System.getenv(),
        Path.of("").toAbsolutePath(),
        System.console() != null,
        System.out,
        System.err);
  }

  /**
   * Runs {@code args} in the warm process, if one answers for the command's warehouse; empty when
   * the caller must run it itself.
   */
  public static OptionalInt run(
      String[] args,
      Map<String, String> env,
      Path cwd,
      boolean console,
      PrintStream out,
      PrintStream err) {
    if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH, ""))
        || env.containsKey("EXTREL_FAILPOINT")
        || !handedOver(List.of(args))) {
      return OptionalInt.empty();
    }
    Path folder = warehouseFolder(args, env, cwd);
    if (folder == null) {
      return OptionalInt.empty();
    }
    WarmWire.Door door;
    try {
      door = WarmWire.Door.read(folder.resolve(WarmWire.DOOR));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty(); // no process serves this warehouse
    }
    Map<String, String> vars = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith("WAREHOUSE_")) {
            vars.put(k, v);
          }
        });
    WarmWire.Request request =
        new WarmWire.Request(door.token(), cwd.toString(), console, vars, List.of(args));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), door.port()), 2_000);
      DataOutputStream toServer =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      DataInputStream fromServer =
          new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      request.write(toServer);
      socket.setSoTimeout(10_000);
      byte status = fromServer.readByte();
      if (status == WarmWire.BUSY) {
        err.println(
            "warehouse: the running warehouse process (pid "
                + door.pid()
                + ") is busy with another command; starting Spark here.");
        return OptionalInt.empty();
      }
      if (status != WarmWire.ACCEPTED) {
        String why = status == WarmWire.REFUSED ? WarmWire.readString(fromServer) : "no answer";
        err.println(
            "warehouse: the running warehouse process (pid "
                + door.pid()
                + ") refused the command ("
                + why
                + "); starting Spark here.");
        return OptionalInt.empty();
      }
      socket.setSoTimeout(0);
      err.println(
          "warehouse: run by the warehouse process already running (serve, pid "
              + door.pid()
              + "); WAREHOUSE_WARM=off runs it alone.");
      return OptionalInt.of(relay(fromServer, out, err, door.pid()));
    } catch (IOException e) {
      // Refused or no answer: a door left by a process that was killed. Run here.
      return OptionalInt.empty();
    }
  }

  /** The command's output as it comes; its exit code. */
  private static int relay(DataInputStream in, PrintStream out, PrintStream err, long pid) {
    try {
      while (true) {
        byte kind = in.readByte();
        if (kind == WarmWire.EXIT) {
          out.flush();
          err.flush();
          return in.readInt();
        }
        int n = in.readInt();
        byte[] b = in.readNBytes(n);
        PrintStream to = kind == WarmWire.ERR ? err : out;
        to.write(b, 0, b.length);
        to.flush();
      }
    } catch (EOFException e) {
      err.println("warehouse: the warehouse process (pid " + pid + ") stopped before the end.");
      return WarehouseCli.INTERNAL_ERROR;
    } catch (IOException e) {
      err.println("warehouse: lost the warehouse process (pid " + pid + "): " + e.getMessage());
      return WarehouseCli.INTERNAL_ERROR;
    }
  }

  /** Whether a warm process may run this command line for its user. */
  static boolean handedOver(List<String> args) {
    if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
      return false;
    }
    for (String a : args) {
      if (HELP.contains(a)) {
        return false;
      }
    }
    return switch (args.get(0)) {
      case "sql" -> args.stream().anyMatch(WarmClient::namesStatements);
      case "notebook" -> args.size() > 1 && args.get(1).equals("run");
      default -> true;
    };
  }

  private static boolean namesStatements(String a) {
    return a.startsWith("-e")
        || a.startsWith("-f")
        || a.startsWith("--execute")
        || a.equals("--file")
        || a.startsWith("--file=");
  }

  /**
   * The warehouse folder the command names (--warehouse, else $WAREHOUSE_DIR, else ./warehouse),
   * absolute; null for one on object storage, which has no warm path.
   */
  static Path warehouseFolder(String[] args, Map<String, String> env, Path cwd) {
    String location = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--warehouse") && i + 1 < args.length) {
        location = args[i + 1];
      } else if (args[i].startsWith("--warehouse=")) {
        location = args[i].substring("--warehouse=".length());
      }
    }
    if (location == null) {
      location = env.get("WAREHOUSE_DIR");
    }
    if (location == null || location.isBlank()) {
      location = "warehouse";
    }
    if (location.startsWith("file:")) {
      location = location.substring("file:".length()).replaceFirst("^//", "");
    } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*")) {
      return null;
    }
    try {
      return cwd.resolve(location).normalize();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
