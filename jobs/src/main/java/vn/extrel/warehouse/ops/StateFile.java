package vn.extrel.warehouse.ops;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.LoadResult;

/**
 * A copy of the manifest ({@code ops.files}) and of the configuration fingerprints the last
 * completed load saw, in {@code <warehouse>/_state/manifest.json}. It lets a nightly run that finds
 * nothing changed decide so without starting Spark and without a Delta commit. It is trusted only
 * while {@code ops.files} is still at the version recorded in it; any other change to the table
 * sends the run down the full path.
 *
 * @param silverFingerprint {@link vn.extrel.warehouse.config.WarehouseConfig#silverFingerprint}
 * @param goldFingerprint {@link vn.extrel.warehouse.config.WarehouseConfig#goldFingerprint}
 * @param tableVersions each table's newest version when the load finished ({@code gold.indicators}
 *     to 12): a later commit no load wrote is damage (see {@link TableIntegrity}); null in files
 *     written before it was recorded
 */
public record StateFile(
    long filesVersion,
    // Named referenceHash and indicatorsHash in the files of earlier versions: read both, so the
    // first load after an upgrade does not parse every file again for want of a fingerprint.
    @JsonAlias("referenceHash") String silverFingerprint,
    @JsonAlias("indicatorsHash") String goldFingerprint,
    String rulesHash,
    List<Manifest.Entry> entries,
    List<LoadResult.HeadlineRow> headline,
    Map<String, Long> tableVersions) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Where the state file lives in a warehouse. */
  static final String FILE = "_state/manifest.json";

  static Path path(Warehouse w) {
    return new Path(w.root() + "/" + FILE);
  }

  public static Optional<StateFile> read(Warehouse w, Configuration conf) {
    Path p = path(w);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(p)) {
        return Optional.of(JSON.readValue(in, StateFile.class));
      }
    } catch (IOException e) {
      return Optional.empty(); // unreadable: take the full path, which rewrites it
    }
  }

  /**
   * {@link #read} for a warehouse on local disk, through java.nio: the nothing-changed nightly then
   * never loads Hadoop's file systems (about half a second of its start).
   */
  public static Optional<StateFile> readLocal(java.nio.file.Path warehouseDir) {
    java.nio.file.Path p = warehouseDir.resolve(FILE);
    try (InputStream in = java.nio.file.Files.newInputStream(p)) {
      return Optional.of(JSON.readValue(in, StateFile.class));
    } catch (IOException e) {
      return Optional.empty(); // missing or unreadable: take the full path, which rewrites it
    }
  }

  /** {@link #latestVersion} for a warehouse on local disk, through java.nio. */
  public static long latestVersionLocal(
      java.nio.file.Path warehouseDir, vn.extrel.warehouse.catalog.TableId table) {
    java.nio.file.Path log =
        warehouseDir.resolve(table.database()).resolve(table.name()).resolve("_delta_log");
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(log)) {
      return files
          .mapToLong(f -> DeltaWrites.commitVersion(f.getFileName().toString()))
          .max()
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Writes the file beside, then renames it over the old one: readers never see half a file. */
  public void write(Warehouse w, Configuration conf) throws IOException {
    Path p = path(w);
    FileSystem fs = p.getFileSystem(conf);
    Path tmp = new Path(p.getParent(), "manifest.json.tmp");
    fs.mkdirs(p.getParent());
    try (OutputStream out = fs.create(tmp, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
    }
    fs.delete(p, false);
    if (!fs.rename(tmp, p)) {
      throw new IOException("cannot rename " + tmp + " to " + p);
    }
  }

  /** Deletes the state file: the next load takes the full path and writes a new one. */
  public static void forget(Warehouse w, Configuration conf) throws IOException {
    Path p = path(w);
    p.getFileSystem(conf).delete(p, false);
  }

  public Map<String, Manifest.Entry> byPath() {
    Map<String, Manifest.Entry> m = new java.util.LinkedHashMap<>();
    entries.forEach(e -> m.put(e.path(), e));
    return m;
  }

  /**
   * The newest commit of a Delta table, read from its log folder without Spark; -1 when there is
   * none.
   */
  public static long latestVersion(
      Warehouse w, vn.extrel.warehouse.catalog.TableId table, Configuration conf) {
    Path log = new Path(w.path(table) + "/_delta_log");
    try {
      return DeltaWrites.latestVersion(log.getFileSystem(conf), log);
    } catch (IOException e) {
      return -1;
    }
  }
}
