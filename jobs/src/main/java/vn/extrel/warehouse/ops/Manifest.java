package vn.extrel.warehouse.ops;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.FilesTable;

/**
 * Reads and updates {@code ops.files}, the manifest of source files. Metadata only: one row per
 * file.
 */
public final class Manifest {

  /** One file's row. */
  public record Entry(
      String path,
      long size,
      long modifiedMillis,
      String sha256,
      String layout,
      String layoutHash,
      String target,
      FileStatus status,
      String errorCode,
      String error,
      long rowsRead,
      long rowsLoaded,
      long rowsQuarantined,
      long rowsExcluded,
      int revision,
      String firstRun,
      String lastRun,
      String changeStamp) {

    /** A row without a change stamp (a file on object storage, or not read from disk). */
    public Entry(
        String path,
        long size,
        long modifiedMillis,
        String sha256,
        String layout,
        String layoutHash,
        String target,
        FileStatus status,
        String errorCode,
        String error,
        long rowsRead,
        long rowsLoaded,
        long rowsQuarantined,
        long rowsExcluded,
        int revision,
        String firstRun,
        String lastRun) {
      this(
          path,
          size,
          modifiedMillis,
          sha256,
          layout,
          layoutHash,
          target,
          status,
          errorCode,
          error,
          rowsRead,
          rowsLoaded,
          rowsQuarantined,
          rowsExcluded,
          revision,
          firstRun,
          lastRun,
          null);
    }

    /** The same row with the change stamp of the file as found now. */
    public Entry withChangeStamp(String stamp) {
      return new Entry(
          path,
          size,
          modifiedMillis,
          sha256,
          layout,
          layoutHash,
          target,
          status,
          errorCode,
          error,
          rowsRead,
          rowsLoaded,
          rowsQuarantined,
          rowsExcluded,
          revision,
          firstRun,
          lastRun,
          stamp);
    }

    Row toRow() {
      return RowFactory.create(
          path,
          size,
          new Timestamp(modifiedMillis),
          sha256,
          layout,
          layoutHash,
          target,
          status.wire(),
          errorCode,
          error,
          rowsRead,
          rowsLoaded,
          rowsQuarantined,
          rowsExcluded,
          revision,
          firstRun,
          lastRun,
          changeStamp);
    }
  }

  private final Warehouse warehouse;

  public Manifest(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public Map<String, Entry> read(SparkSession spark) {
    Map<String, Entry> out = new LinkedHashMap<>();
    if (!warehouse.exists(spark, FilesTable.ID)) {
      return out;
    }
    Dataset<Row> df = warehouse.read(spark, FilesTable.ID);
    for (Row r : df.collectAsList()) {
      Entry e =
          new Entry(
              r.getAs(FilesTable.SOURCE_PATH),
              longOr(r, FilesTable.SIZE),
              r.isNullAt(r.fieldIndex(FilesTable.MODIFIED_AT))
                  ? 0
                  : ((Timestamp) r.getAs(FilesTable.MODIFIED_AT)).getTime(),
              r.getAs(FilesTable.SHA256),
              r.getAs(FilesTable.LAYOUT),
              r.getAs(FilesTable.LAYOUT_HASH),
              r.getAs(FilesTable.TARGET),
              FileStatus.of(r.getAs(FilesTable.STATUS)),
              r.getAs(FilesTable.ERROR_CODE),
              r.getAs(FilesTable.ERROR),
              longOr(r, FilesTable.ROWS_READ),
              longOr(r, FilesTable.ROWS_LOADED),
              longOr(r, FilesTable.ROWS_QUARANTINED),
              longOr(r, FilesTable.ROWS_EXCLUDED),
              r.isNullAt(r.fieldIndex(FilesTable.REVISION))
                  ? 0
                  : r.<Integer>getAs(FilesTable.REVISION),
              r.getAs(FilesTable.FIRST_RUN),
              r.getAs(FilesTable.LAST_RUN),
              // A manifest written before the column existed has none: those files are hashed once.
              java.util.Arrays.asList(r.schema().fieldNames()).contains(FilesTable.CHANGE_STAMP)
                  ? r.getAs(FilesTable.CHANGE_STAMP)
                  : null);
      out.put(e.path(), e);
    }
    return out;
  }

  private static long longOr(Row r, String name) {
    int i = r.fieldIndex(name);
    return r.isNullAt(i) ? 0 : r.getLong(i);
  }

  /**
   * Writes the manifest with the given entries replacing those of the same path, in one commit. The
   * table holds one small row per file, so rewriting it whole is cheaper than a MERGE.
   */
  public Map<String, Entry> upsert(
      SparkSession spark, Map<String, Entry> known, List<Entry> entries, String userMetadata) {
    if (entries.isEmpty()) {
      return known;
    }
    Map<String, Entry> all = new LinkedHashMap<>(known);
    entries.forEach(e -> all.put(e.path(), e));
    List<Row> rows = new ArrayList<>();
    all.values().stream()
        .sorted(java.util.Comparator.comparing(Entry::path))
        .forEach(e -> rows.add(e.toRow()));
    DeltaWrites.overwrite(
        spark.createDataFrame(rows, FilesTable.SCHEMA).coalesce(1),
        warehouse.path(FilesTable.ID),
        userMetadata);
    return all;
  }
}
