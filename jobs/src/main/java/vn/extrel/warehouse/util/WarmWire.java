package vn.extrel.warehouse.util;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The warm path's wire: how a thin {@code bin/warehouse} hands a command to a long-lived warehouse
 * process on this machine ({@code serve}) and gets its output back. Plain Java only, so the client
 * side starts without loading Spark.
 *
 * <p>The process listens on loopback only and writes its door, {@value #DOOR} in the warehouse
 * folder: the port, a random token, its pid; the file is readable by its owner only, so only a user
 * who could run the command here anyway can hand one over. A request is the token, the client's
 * working folder, terminal and {@code WAREHOUSE_*} variables, and the arguments; the answer is one
 * status byte ({@link #ACCEPTED}, {@link #BUSY}, {@link #REFUSED}), then frames of standard output
 * and standard error, and the exit code.
 */
public final class WarmWire {
  private WarmWire() {}

  /** The door's file name in the warehouse folder. */
  public static final String DOOR = "_warm.door";

  public static final String VERSION = "extrel-warm/1";

  public static final byte ACCEPTED = 'A';
  public static final byte BUSY = 'B';
  public static final byte REFUSED = 'R';
  public static final byte OUT = 'O';
  public static final byte ERR = 'E';
  public static final byte EXIT = 'X';

  /** The longest string either side accepts (a statement, a path): 16 MB. */
  private static final int MAX_STRING = 16 << 20;

  /** What the door file says. */
  public record Door(int port, String token, long pid) {

    public static Door read(Path file) throws IOException {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
      try {
        return new Door(
            Integer.parseInt(p.getProperty("port", "")),
            p.getProperty("token", ""),
            Long.parseLong(p.getProperty("pid", "-1")));
      } catch (NumberFormatException e) {
        throw new IOException("not a door file: " + file, e);
      }
    }

    public String text() {
      return "# the warehouse process on this machine that answers bin/warehouse (serve)\n"
          + "port="
          + port
          + "\ntoken="
          + token
          + "\npid="
          + pid
          + "\n";
    }
  }

  /** A command handed over. */
  public record Request(
      String token, String cwd, boolean console, Map<String, String> env, List<String> args) {

    public void write(DataOutputStream out) throws IOException {
      writeString(out, VERSION);
      writeString(out, token);
      writeString(out, cwd);
      out.writeBoolean(console);
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.writeInt(args.size());
      for (String a : args) {
        writeString(out, a);
      }
      out.flush();
    }

    /** Reads a request; throws if it is not one of this version. */
    public static Request read(DataInputStream in) throws IOException {
      String version = readString(in);
      if (!VERSION.equals(version)) {
        throw new IOException("not a request of " + VERSION);
      }
      String token = readString(in);
      String cwd = readString(in);
      boolean console = in.readBoolean();
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0, n = count(in); i < n; i++) {
        env.put(readString(in), readString(in));
      }
      List<String> args = new ArrayList<>();
      for (int i = 0, n = count(in); i < n; i++) {
        args.add(readString(in));
      }
      return new Request(token, cwd, console, env, args);
    }
  }

  /** Standard output or error of the command, as frames of {@code kind}. */
  public static OutputStream frames(DataOutputStream out, byte kind) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return;
        }
        synchronized (out) {
          out.writeByte(kind);
          out.writeInt(len);
          out.write(b, off, len);
          out.flush();
        }
      }
    };
  }

  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("a string of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("a list of " + n);
    }
    return n;
  }

  /** Whether two tokens are equal, in time that does not tell how much of one matched. */
  public static boolean sameToken(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
