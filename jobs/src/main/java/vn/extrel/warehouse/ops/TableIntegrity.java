package vn.extrel.warehouse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.table.TableId;

/**
 * Whether the warehouse's tables were changed by anything but the loader, read from their Delta
 * logs without Spark. Every commit of a load, a restore or a maintenance run names its run in the
 * commit's {@code userMetadata} ({@link DeltaWrites#commitInfo}); a table whose newest commit does
 * not, or whose commits since the last load include one that does not, was changed by someone else:
 * {@code status} and {@code nightly} say so, and {@code load --force} repairs it.
 */
public final class TableIntegrity {
  private TableIntegrity() {}

  /**
   * Operations that leave a table's contents as they were (file compaction, deleting unreferenced
   * files), whoever ran them.
   */
  private static final Set<String> CONTENT_PRESERVING =
      Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A table changed outside a load.
   *
   * @param version the newest commit no load wrote; -1 when the table's log is gone
   * @param operation Delta's name for it (WRITE, DELETE, MERGE, ...), or what is wrong
   * @param timestamp when, in UTC; null when the log does not say
   */
  public record Damage(TableId table, long version, String operation, String timestamp) {
    public String describe() {
      if (version < 0) {
        return table.qualified() + ": " + operation;
      }
      return table.qualified()
          + ": version "
          + version
          + " ("
          + operation
          + (timestamp == null ? "" : " at " + timestamp)
          + ") was not written by a load";
    }
  }

  /**
   * The tables changed outside a load.
   *
   * @param recorded each table's version after the last completed load (from the state file); null
   *     when unknown: then only the newest commits are read
   * @param conf Hadoop settings for a warehouse that is not on local disk; null for local disk
   */
  public static List<Damage> check(Warehouse w, Map<String, Long> recorded, Configuration conf) {
    Log log = w.localDir() != null && conf == null ? new LocalLog(w) : new HadoopLog(w, conf);
    List<Damage> out = new ArrayList<>();
    Set<String> present = new TreeSet<>();
    for (TableId t : log.tables()) {
      present.add(t.qualified());
      long newest = log.newest(t);
      Long last = recorded == null ? null : recorded.get(t.qualified());
      if (last != null && newest < last) {
        out.add(
            new Damage(
                t,
                -1,
                "its log goes back to version " + newest + ", the last load left " + last,
                null));
        continue;
      }
      // The commits since the last load, newest first; at least the newest one.
      long from = last == null ? newest : Math.min(last + 1, newest);
      for (long v = newest; v >= from; v--) {
        Damage d = commit(log, t, v);
        if (d != null) {
          out.add(d);
          break;
        }
      }
    }
    if (recorded != null) {
      for (String t : recorded.keySet()) {
        if (!present.contains(t)) {
          int dot = t.indexOf('.');
          out.add(
              new Damage(
                  new TableId(t.substring(0, dot), t.substring(dot + 1)),
                  -1,
                  "its Delta log is gone",
                  null));
        }
      }
    }
    return out;
  }

  /**
   * The newest version before {@code before} that a run of the loader wrote; -1 when there is none
   * left in the log.
   */
  public static long lastLoadedVersion(
      Warehouse w, TableId table, long before, Configuration conf) {
    Log log = new HadoopLog(w, conf);
    for (long v = before - 1; v >= 0; v--) {
      JsonNode info = log.commitInfo(table, v);
      if (info != null && byLoader(info)) {
        return v;
      }
    }
    return -1;
  }

  /** The damage of one commit, or null when a load wrote it (or it is gone). */
  private static Damage commit(Log log, TableId t, long v) {
    JsonNode info = log.commitInfo(t, v);
    if (info == null || byLoader(info)) {
      return null;
    }
    String op = info.path("operation").asText("unknown operation");
    if (CONTENT_PRESERVING.contains(op)) {
      return null;
    }
    String ts =
        info.has("timestamp")
            ? java.time.Instant.ofEpochMilli(info.path("timestamp").asLong()).toString()
            : null;
    return new Damage(t, v, op, ts);
  }

  private static boolean byLoader(JsonNode info) {
    String meta = info.path("userMetadata").asText("");
    if (meta.isEmpty()) {
      return false;
    }
    try {
      return !JSON.readTree(meta).path("run_id").asText("").isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** A warehouse's Delta logs, read through java.nio on local disk or Hadoop elsewhere. */
  private interface Log {
    List<TableId> tables();

    long newest(TableId t);

    InputStream open(TableId t, long version) throws IOException;

    /** The commit's commitInfo action; null when the commit file is gone or has none. */
    default JsonNode commitInfo(TableId t, long version) {
      try (InputStream in = open(t, version);
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("{\"commitInfo\"")) {
            return JSON.readTree(line).path("commitInfo");
          }
        }
      } catch (IOException e) {
        // gone meanwhile (log clean-up) or unreadable: nothing to say about it
      }
      return null;
    }
  }

  /** On local disk: no Hadoop file system to load, as the nothing-changed nightly needs. */
  private record LocalLog(Warehouse w) implements Log {
    @Override
    public List<TableId> tables() {
      List<TableId> out = new ArrayList<>();
      for (String db : WarehouseCatalog.DATABASES) {
        java.nio.file.Path dir = w.localDir().resolve(db);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (var s = Files.list(dir)) {
          s.filter(p -> Files.isDirectory(p.resolve("_delta_log")))
              .sorted()
              .forEach(p -> out.add(new TableId(db, p.getFileName().toString())));
        } catch (IOException e) {
          throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
      }
      return out;
    }

    @Override
    public long newest(TableId t) {
      return StateFile.latestVersionLocal(w.localDir(), t);
    }

    @Override
    public InputStream open(TableId t, long version) throws IOException {
      return Files.newInputStream(
          w.localDir()
              .resolve(t.database())
              .resolve(t.name())
              .resolve("_delta_log")
              .resolve(String.format("%020d.json", version)));
    }
  }

  private record HadoopLog(Warehouse w, Configuration conf) implements Log {
    HadoopLog {
      conf = conf != null ? conf : vn.extrel.warehouse.util.HadoopConf.withoutSpark();
    }

    @Override
    public List<TableId> tables() {
      List<TableId> out = new ArrayList<>();
      try {
        Path root = new Path(w.root());
        FileSystem fs = root.getFileSystem(conf);
        for (String db : WarehouseCatalog.DATABASES) {
          Path dbPath = new Path(w.root() + "/" + db);
          if (!fs.exists(dbPath)) {
            continue;
          }
          for (FileStatus st : fs.listStatus(dbPath)) {
            if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_delta_log"))) {
              out.add(new TableId(db, st.getPath().getName()));
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + w.root() + ": " + e.getMessage(), e);
      }
      return out;
    }

    @Override
    public long newest(TableId t) {
      return StateFile.latestVersion(w, t, conf);
    }

    @Override
    public InputStream open(TableId t, long version) throws IOException {
      Path p = new Path(w.path(t) + "/_delta_log/" + String.format("%020d.json", version));
      return p.getFileSystem(conf).open(p);
    }
  }
}
