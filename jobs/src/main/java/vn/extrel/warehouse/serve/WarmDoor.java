package vn.extrel.warehouse.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.util.Invocation;
import vn.extrel.warehouse.util.WarmWire;

/**
 * The warm path: a long-lived warehouse process ({@code serve}) runs the commands analysts repeat
 * ({@code sql -e}, {@code export}, {@code notebook run}, {@code explain}, {@code report}, {@code
 * load}) for a thin {@code bin/warehouse} on the same machine, in its own Spark, so they skip
 * Spark's start (see {@link WarmWire} for the wire and the door file).
 *
 * <p>Loopback only, whatever {@code serve --host} says; a client must present the token of the door
 * file, which only the file's owner can read. One command at a time: a client that finds the
 * process busy runs its command itself. Each command runs in a session of its own kind: trusted
 * like a command run from a terminal (its own guards apply: {@code sql} reads unless {@code
 * --allow-write}), never one of the Connect clients' sessions.
 */
public final class WarmDoor implements AutoCloseable {

  /** Runs one command line, as {@code WarehouseCli.run} does: the serve layer never calls up. */
  @FunctionalInterface
  public interface Commands {
    int run(PrintStream out, PrintStream err, Invocation at, String... args);
  }

  private final ServerSocket socket;
  private final Path doorFile;
  private final String token;
  private final SparkSession session;
  private final Commands commands;
  private final Runnable afterCommand;
  private final Semaphore one = new Semaphore(1);
  private final Thread acceptor;

  private WarmDoor(
      ServerSocket socket,
      Path doorFile,
      String token,
      SparkSession session,
      Commands commands,
      Runnable afterCommand) {
    this.socket = socket;
    this.doorFile = doorFile;
    this.token = token;
    this.session = session;
    this.commands = commands;
    this.afterCommand = afterCommand;
    this.acceptor = new Thread(this::accept, "extrel-warm-door");
    acceptor.setDaemon(true);
  }

  /**
   * Opens the door of the warehouse folder {@code folder}: listens on a free loopback port and
   * writes the door file. Commands run in a new session of {@code spark}'s.
   *
   * @param afterCommand run after each command (the server picks up tables a load created)
   */
  public static WarmDoor open(
      Path folder, SparkSession spark, Commands commands, Runnable afterCommand)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    SparkSession session = spark.newSession();
    ReadOnlyGuard.trustWithClones(session);
    Path doorFile = folder.resolve(WarmWire.DOOR);
    WarmDoor door = new WarmDoor(socket, doorFile, token, session, commands, afterCommand);
    try {
      door.writeDoor(
          new WarmWire.Door(socket.getLocalPort(), token, ProcessHandle.current().pid()));
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    door.acceptor.start();
    return door;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public Path doorFile() {
    return doorFile;
  }

  /** Written aside, readable by its owner only, then moved into place. */
  private void writeDoor(WarmWire.Door door) throws IOException {
    Files.createDirectories(doorFile.getParent());
    Path aside = doorFile.resolveSibling(WarmWire.DOOR + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(aside);
    try {
      Files.createFile(
          aside,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(aside); // no POSIX permissions here: the folder's own protect it
    }
    Files.writeString(aside, door.text(), StandardCharsets.UTF_8);
    Files.move(
        aside, doorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void accept() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread t = new Thread(() -> serve(client), "extrel-warm-command");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(10_000); // a client that does not send its request in time is dropped
      DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
      WarmWire.Request request;
      try {
        request = WarmWire.Request.read(in);
      } catch (IOException e) {
        refuse(out, "not a request of " + WarmWire.VERSION + ": " + e.getMessage());
        return;
      }
      if (!WarmWire.sameToken(token, request.token())) {
        refuse(out, "wrong token");
        return;
      }
      if (!Path.of(request.cwd()).isAbsolute()) {
        refuse(out, "the working folder must be absolute");
        return;
      }
      if (!one.tryAcquire()) {
        out.writeByte(WarmWire.BUSY);
        out.flush();
        return;
      }
      int code;
      try {
        client.setSoTimeout(0);
        out.writeByte(WarmWire.ACCEPTED);
        out.flush();
        code = run(request, out);
      } finally {
        one.release(); // before the client hears the end: its next command finds the door free
      }
      synchronized (out) {
        out.writeByte(WarmWire.EXIT);
        out.writeInt(code);
        out.flush();
      }
    } catch (IOException e) {
      // The client went away (Ctrl-C): what it asked has run or runs to its end regardless.
    }
  }

  private int run(WarmWire.Request request, DataOutputStream wire) {
    Invocation at = Invocation.client(Path.of(request.cwd()), request.env(), request.console());
    PrintStream out =
        new PrintStream(WarmWire.frames(wire, WarmWire.OUT), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(WarmWire.frames(wire, WarmWire.ERR), true, StandardCharsets.UTF_8);
    SparkSession.setActiveSession(session);
    try {
      return at.within(() -> commands.run(out, err, at, request.args().toArray(String[]::new)));
    } finally {
      SparkSession.clearActiveSession();
      out.flush();
      err.flush();
      try {
        afterCommand.run();
      } catch (RuntimeException e) {
        System.err.println("warm path: after a command: " + e.getMessage());
      }
    }
  }

  private static void refuse(DataOutputStream out, String why) throws IOException {
    out.writeByte(WarmWire.REFUSED);
    WarmWire.writeString(out, why);
    out.flush();
  }

  /** Stops listening and removes the door file, if it is still this process's. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
    try {
      if (Files.exists(doorFile) && token.equals(WarmWire.Door.read(doorFile).token())) {
        Files.delete(doorFile);
      }
    } catch (IOException e) {
      // another process's door now, or gone already
    }
  }
}
