package vn.extrel.warehouse.export;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.TableId;

/** A warehouse table read at one Delta version, whatever a load commits meanwhile. */
public final class Pinned {
  private Pinned() {}

  public static Dataset<Row> read(SparkSession spark, Warehouse w, TableId table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(w.path(table));
  }

  /**
   * The same, read once and held as local rows when the table is small ({@link Warehouse#held}):
   * for a query that scans it many times.
   */
  public static Dataset<Row> readHeld(
      SparkSession spark, Warehouse w, TableId table, long version) {
    return w.held(spark, table, read(spark, w, table, version));
  }
}
