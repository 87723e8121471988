package vn.extrel.warehouse.catalog;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.table.TableId;

/**
 * Tables read once for a stage that reads them several times (gold, its rules and its findings over
 * the same silver): each table as {@link Warehouse#readHeld} gives it, read at its first use. For
 * tables the stage does not write; a table written meanwhile would be seen as it was.
 */
public final class HeldTables {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Map<TableId, Dataset<Row>> read = new HashMap<>();

  public HeldTables(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public Dataset<Row> get(TableId table) {
    return read.computeIfAbsent(table, t -> warehouse.readHeld(spark, t));
  }
}
