package vn.extrel.warehouse.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.extrel.warehouse.table.TableId;

/**
 * A table's Delta log folder read as files, without Spark: whether the table was ever created, and
 * whether its newest commit is whole. Delta makes {@code _delta_log/} (and {@code _staged_commits/}
 * in it) before it writes the first commit file, so a load killed, or stopped by a full disk,
 * inside a table's first commit leaves a log folder with no commit: a table that was never created,
 * which Delta itself then refuses to open or to create ({@code DELTA_TABLE_NOT_FOUND}) for good. A
 * newest commit cut short, or removed with its checksum files left behind, stops Delta the same
 * way.
 */
public final class TableLog {
  private TableLog() {}

  /** What the log folder holds. */
  public enum State {
    /** No log folder: no load has written the table yet. */
    ABSENT,
    /** A log folder with no commit and no checkpoint: a first commit that never happened. */
    NEVER_CREATED,
    /** The newest commit file is cut short or not JSON, or disagrees with its checksum file. */
    DAMAGED,
    /**
     * The newest commit is whole, but files of a later commit that is not there are left (its
     * checksum files): Delta would stumble on them when it writes that version again.
     */
    LEFTOVERS,
    /** Committed, and the newest commit is whole. */
    WHOLE;

    /** Whether a load must repair the folder before it can use the table. */
    public boolean needsRepair() {
      return this == NEVER_CREATED || this == DAMAGED || this == LEFTOVERS;
    }
  }

  /**
   * What one table's log folder holds.
   *
   * @param newest the newest commit version; -1 when there is none
   * @param problem what is wrong, for the message; null when nothing is
   * @param leftovers the files to clear away: for {@code DAMAGED}, the newest commit and its
   *     checksum files; for {@code LEFTOVERS}, the files of the missing commit
   */
  public record Inspection(
      TableId table, State state, long newest, String problem, List<String> leftovers) {}

  /** The folder listing and file reads an inspection needs: Hadoop's, or java.nio's (no Hadoop). */
  public interface Folder {
    /** File names in the folder; null when there is no such folder. */
    List<String> list(String dir) throws IOException;

    InputStream open(String file) throws IOException;
  }

  /**
   * Any Hadoop file system (local, s3a). Listings show the checksum files Hadoop's local file
   * system keeps beside each file ({@code .N.json.crc}), which it otherwise hides: a removed
   * commit's one left behind makes the next write of that version fail its checksum.
   */
  public static Folder of(FileSystem fs) {
    FileSystem raw = raw(fs);
    return new Folder() {
      @Override
      public List<String> list(String dir) throws IOException {
        Path p = new Path(dir);
        if (!raw.exists(p)) {
          return null;
        }
        List<String> names = new ArrayList<>();
        for (FileStatus st : raw.listStatus(p)) {
          names.add(st.getPath().getName());
        }
        return names;
      }

      @Override
      public InputStream open(String file) throws IOException {
        return fs.open(new Path(file));
      }
    };
  }

  /** A local warehouse through java.nio: the nothing-changed nightly never loads Hadoop. */
  public static Folder local() {
    return new Folder() {
      @Override
      public List<String> list(String dir) throws IOException {
        java.nio.file.Path p = local(dir);
        if (!java.nio.file.Files.isDirectory(p)) {
          return null;
        }
        try (var s = java.nio.file.Files.list(p)) {
          return s.map(f -> f.getFileName().toString()).toList();
        }
      }

      @Override
      public InputStream open(String file) throws IOException {
        return java.nio.file.Files.newInputStream(local(file));
      }

      private java.nio.file.Path local(String uri) {
        return java.nio.file.Path.of(java.net.URI.create(uri.replace(" ", "%20")));
      }
    };
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file system under Hadoop's checksums, where its checksum files are files like others. */
  private static FileSystem raw(FileSystem fs) {
    return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }

  /** Whether a log file name is a commit or a checkpoint: what makes a table exist. */
  static boolean makesTable(String name) {
    return DeltaWrites.commitVersion(name) >= 0
        || name.matches("\\d{20}\\.checkpoint(\\..+)?\\.parquet")
        || name.equals("_last_checkpoint");
  }

  /** Whether the table at {@code tablePath} has a commit or a checkpoint. */
  public static boolean created(Folder folder, String tablePath) throws IOException {
    List<String> names = folder.list(tablePath + "/_delta_log");
    return names != null && names.stream().anyMatch(TableLog::makesTable);
  }

  public static Inspection inspect(Folder folder, Warehouse w, TableId table) {
    String log = w.path(table) + "/_delta_log";
    try {
      List<String> names = folder.list(log);
      if (names == null) {
        return new Inspection(table, State.ABSENT, -1, null, List.of());
      }
      long newest = -1;
      for (String n : names) {
        newest = Math.max(newest, DeltaWrites.commitVersion(n));
      }
      if (names.stream().noneMatch(TableLog::makesTable)) {
        return new Inspection(
            table,
            State.NEVER_CREATED,
            -1,
            "its Delta log holds no commit (a first write stopped by a kill or a full disk)",
            List.of());
      }
      if (newest < 0) {
        return new Inspection(table, State.WHOLE, newest, null, List.of()); // checkpoints only
      }
      List<String> later = new ArrayList<>();
      for (String n : names) {
        long v = traceOf(n);
        if (v > newest) {
          later.add(n);
        }
      }
      String damage = damage(folder, log, newest, names);
      if (damage != null) {
        List<String> files = new ArrayList<>(later);
        for (String n : names) {
          if (traceOf(n) == newest) {
            files.add(n);
          }
        }
        return new Inspection(table, State.DAMAGED, newest, damage, files);
      }
      if (!later.isEmpty()) {
        return new Inspection(
            table,
            State.LEFTOVERS,
            newest,
            "the checksum files of a commit "
                + (newest + 1)
                + " that is not there (its commit file was removed)",
            later);
      }
      return new Inspection(table, State.WHOLE, newest, null, List.of());
    } catch (IOException e) {
      return new Inspection(
          table,
          State.DAMAGED,
          -1,
          "its Delta log cannot be read (" + e.getMessage() + ")",
          List.of());
    }
  }

  /**
   * The version a log file is a trace of: its commit ({@code N.json}), Delta's checksum ({@code
   * N.crc}), and the checksum files Hadoop's local file system writes beside each ({@code
   * .N.json.crc}, {@code .N.crc.crc}); -1 for other files.
   */
  static long traceOf(String name) {
    String n =
        name.startsWith(".") && name.endsWith(".crc") ? name.substring(1, name.length() - 4) : name;
    if (DeltaWrites.commitVersion(n) >= 0) {
      return DeltaWrites.commitVersion(n);
    }
    if (n.length() == 24
        && n.endsWith(".crc")
        && n.chars().limit(20).allMatch(Character::isDigit)) {
      return Long.parseLong(n.substring(0, 20));
    }
    return -1;
  }

  /**
   * What is wrong with the newest commit, or null: every line must be a JSON object and the file
   * must end with a line break (Delta writes both); when Delta's checksum file of the version is
   * there, the commit's transaction id and its count of data files must agree with it (a commit cut
   * at a line break loses its last files).
   */
  private static String damage(Folder folder, String log, long version, List<String> names)
      throws IOException {
    String commit = String.format("%020d.json", version);
    byte[] bytes;
    try (InputStream in = folder.open(log + "/" + commit)) {
      bytes = in.readAllBytes();
    } catch (org.apache.hadoop.fs.ChecksumException e) {
      return "its newest commit "
          + commit
          + " is cut short or changed (it does not match its"
          + " checksum file)";
    } catch (IOException e) {
      return "its newest commit " + commit + " cannot be read (" + e.getMessage() + ")";
    }
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      return "its newest commit " + commit + " is cut short";
    }
    String txn = null;
    long added = 0;
    long removed = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
          return "its newest commit " + commit + " is not Delta's JSON";
        }
        if (n.has("commitInfo")) {
          txn = n.path("commitInfo").path("txnId").asText(null);
        }
        added += n.has("add") ? 1 : 0;
        removed += n.has("remove") ? 1 : 0;
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return "its newest commit " + commit + " is cut short or not JSON";
    }
    String crc = String.format("%020d.crc", version);
    if (!names.contains(crc)) {
      return null;
    }
    JsonNode sum;
    try (InputStream in = folder.open(log + "/" + crc)) {
      sum = JSON.readTree(in);
    } catch (IOException e) {
      return null; // a checksum file cut short says nothing about the commit
    }
    if (txn != null && sum.has("txnId") && !txn.equals(sum.path("txnId").asText())) {
      return "its newest commit "
          + commit
          + " is not the one its checksum file "
          + crc
          + " describes";
    }
    long files = sum.path("numFiles").asLong(-1);
    if (files >= 0) {
      long before = 0;
      if (version > 0) {
        String prev = String.format("%020d.crc", version - 1);
        if (!names.contains(prev)) {
          return null;
        }
        try (InputStream in = folder.open(log + "/" + prev)) {
          before = JSON.readTree(in).path("numFiles").asLong(-1);
        } catch (IOException e) {
          return null;
        }
        if (before < 0) {
          return null;
        }
      }
      if (before + added - removed != files) {
        return "its newest commit "
            + commit
            + " is cut short (it lists fewer files than "
            + crc
            + ")";
      }
    }
    return null;
  }

  /**
   * Clears what {@link #inspect} found, so Delta can open or create the table again: the log folder
   * of a table never created is removed (nothing refers to any file beside it); a damaged newest
   * commit is set aside in {@code <table>/_damaged_log/} (the table is then at the version before
   * it, as if that commit had never happened); the files of a commit that is not there are removed.
   *
   * @return one line saying what was found and done
   */
  public static String repair(FileSystem fs, Warehouse w, Inspection found, String runId)
      throws IOException {
    Path log = new Path(w.path(found.table()) + "/_delta_log");
    String table = found.table().qualified();
    switch (found.state()) {
      case NEVER_CREATED -> {
        fs.delete(log, true);
        return table
            + ": "
            + found.problem()
            + ": a table that was never created; removed its log folder, this run creates it";
      }
      case DAMAGED -> {
        Path aside = new Path(w.path(found.table()) + "/_damaged_log/" + runId);
        fs.mkdirs(aside);
        FileSystem raw = raw(fs);
        for (String name : found.leftovers()) {
          Path p = new Path(log, name);
          if (raw.exists(p) && !raw.rename(p, new Path(aside, name))) {
            throw new IOException("cannot move " + p + " to " + aside);
          }
        }
        return table
            + ": "
            + found.problem()
            + "; set it aside in "
            + found.table().database()
            + "/"
            + found.table().name()
            + "/_damaged_log/"
            + runId
            + (found.newest() > 0
                ? ", the table is back at version " + (found.newest() - 1)
                : ", no commit is left")
            + " and this run reads every file again";
      }
      case LEFTOVERS -> {
        for (String name : found.leftovers()) {
          raw(fs).delete(new Path(log, name), false);
        }
        return table
            + ": its Delta log held "
            + found.problem()
            + "; removed them, the table is at version "
            + found.newest()
            + " and this run reads every file again";
      }
      default -> {
        return null;
      }
    }
  }
}
