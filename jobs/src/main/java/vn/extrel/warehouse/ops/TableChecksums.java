package vn.extrel.warehouse.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.TableId;

/**
 * A checksum of a table's contents: the row count and an order-free sum of row hashes, leaving out
 * the columns that say which run wrote a row and when. Two warehouses loaded from the same input,
 * by one run or by a crashed run and its rerun, on one machine or on a cluster, have the same
 * checksums.
 */
public final class TableChecksums {
  private TableChecksums() {}

  /** Columns that name the run or the time of writing, not the data. */
  public static final Set<String> VOLATILE =
      Set.of("run_id", "first_run", "last_run", "loaded_at", "started_at", "ended_at");

  public static String of(SparkSession spark, Warehouse w, TableId table) {
    Dataset<Row> df = w.read(spark, table);
    List<Column> cols = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : df.schema().fields()) {
      if (VOLATILE.contains(f.name())) {
        continue;
      }
      // Maps cannot be hashed; their entries, sorted, can.
      cols.add(
          f.dataType() instanceof org.apache.spark.sql.types.MapType
              ? org.apache.spark.sql.functions.array_sort(
                  org.apache.spark.sql.functions.map_entries(col(f.name())))
              : col(f.name()));
    }
    Row r =
        df.select(xxhash64(cols.toArray(Column[]::new)).as("h"))
            .agg(count(lit(1)), sum(col("h").cast("decimal(38,0)")))
            .first();
    return r.getLong(0) + ":" + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
  }

  public static Map<TableId, String> of(SparkSession spark, Warehouse w, List<TableId> tables) {
    Map<TableId, String> out = new LinkedHashMap<>();
    for (TableId t : tables) {
      out.put(t, of(spark, w, t));
    }
    return out;
  }
}
