package vn.extrel.warehouse.catalog;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/**
 * The warehouse on disk (or object storage): one folder per database, one Delta table per
 * subfolder, e.g. {@code <root>/gold/indicators}. The folder is the catalog; see {@link
 * WarehouseCatalog}.
 */
public record Warehouse(String root) implements Serializable {

  public Warehouse {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** The folder of a local warehouse; null on object storage (no OS locks, no local files). */
  public Path localDir() {
    return root.startsWith("file:") ? Path.of(URI.create(root.replace(" ", "%20"))) : null;
  }

  /**
   * Where this machine keeps its own files of the warehouse: the load lock ({@code _locks}), the
   * event log ({@code _logs}), the scheduler's state ({@code _state}) and the nightly exports. For
   * a local warehouse, its folder; for one on object storage, which has no OS locks and no local
   * files, {@code $WAREHOUSE_LOCAL_DIR} (default {@code ~/.extrel-warehouse}) plus the warehouse
   * URI made a folder name.
   */
  public Path machineDir() {
    Path local = localDir();
    if (local != null) {
      return local;
    }
    String base = System.getProperty("warehouse.local.dir", System.getenv("WAREHOUSE_LOCAL_DIR"));
    Path root =
        base != null && !base.isBlank()
            ? Path.of(base)
            : Path.of(System.getProperty("user.home"), ".extrel-warehouse");
    return root.resolve(this.root.replaceAll("[^A-Za-z0-9._-]+", "_"));
  }

  /** A local folder or any Hadoop URI (s3a://bucket/warehouse). */
  public static Warehouse at(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().length() == 1) {
      // Hadoop's form of a local path ("file:/x/y"), the one Delta compares table locations in.
      return new Warehouse(
          new org.apache.hadoop.fs.Path(Path.of(location).toAbsolutePath().normalize().toUri())
              .toString());
    }
    return new Warehouse(location);
  }

  public String path(TableId table) {
    return root + "/" + table.database() + "/" + table.name();
  }

  /**
   * Whether the table has been created: its log folder holds a commit. A log folder without one is
   * a first commit that never happened ({@link TableLog}), not a table.
   */
  public boolean exists(SparkSession spark, TableId table) {
    try {
      // The log folder's listing is enough to know; asking Delta would load the table's snapshot.
      return TableLog.created(TableLog.of(fileSystem(spark)), path(table));
    } catch (IOException e) {
      return DeltaTable.isDeltaTable(spark, path(table));
    }
  }

  /**
   * The table's own properties (its file statistics, {@link WarehouseTables#properties}) for a
   * write that creates it, none for a table that exists: Delta keeps {@code delta.} writer options
   * only from the creating write.
   */
  public java.util.Map<String, String> creationProperties(SparkSession spark, TableId table) {
    return exists(spark, table) ? java.util.Map.of() : WarehouseTables.properties(table);
  }

  /**
   * Reads a table; one that no load has written yet reads as empty. Tables are created by their
   * first write, with the session's Delta defaults (see SparkSessions), so a first load does not
   * pay for a dozen empty creations.
   */
  public Dataset<Row> read(SparkSession spark, TableId table) {
    if (!exists(spark, table)) {
      StructType schema = WarehouseTables.all().get(table);
      if (schema != null) {
        return spark.createDataFrame(java.util.List.of(), schema);
      }
    }
    return spark.read().format("delta").load(path(table));
  }

  /** The most bytes of table files that {@link #readHeld} holds on the driver. */
  public static final long HELD_BYTES = 4L * 1024 * 1024;

  /**
   * Reads a table for a query that scans it many times (gold's one branch per indicator and
   * breakdown, the table-wide rules): a table of at most {@link #HELD_BYTES} of files is read once
   * and held as local rows, so each scan in the plan is planned without asking Delta which files to
   * read (a Spark job per scan) and its tasks carry a few rows instead of a file scan; a larger
   * table reads as {@link #read} does. Same rows either way.
   */
  public Dataset<Row> readHeld(SparkSession spark, TableId table) {
    return readHeld(spark, table, HELD_BYTES);
  }

  Dataset<Row> readHeld(SparkSession spark, TableId table, long heldBytes) {
    return held(spark, table, read(spark, table), heldBytes);
  }

  /**
   * {@code df}, a read of {@code table} (one at a pinned version, say), read once and held as local
   * rows when the table's files are at most {@link #HELD_BYTES}; otherwise {@code df} itself.
   */
  public Dataset<Row> held(SparkSession spark, TableId table, Dataset<Row> df) {
    return held(spark, table, df, HELD_BYTES);
  }

  private Dataset<Row> held(SparkSession spark, TableId table, Dataset<Row> df, long heldBytes) {
    // A table never written has no folder to count, which counts as too large: df as it is.
    if (filesBytes(spark, table) > heldBytes) {
      return df;
    }
    return spark.createDataFrame(df.collectAsList(), df.schema());
  }

  /**
   * The bytes of a table's folder, files a newer version replaced included (an upper bound of what
   * a read scans), without asking Delta, which would replay the table's log; a folder that cannot
   * be counted (none yet) counts as too large.
   */
  private long filesBytes(SparkSession spark, TableId table) {
    try {
      return fileSystem(spark)
          .getContentSummary(new org.apache.hadoop.fs.Path(path(table)))
          .getLength();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  public FileSystem fileSystem(SparkSession spark) throws IOException {
    return new org.apache.hadoop.fs.Path(root)
        .getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  @Override
  public String toString() {
    return root;
  }
}
