package vn.extrel.warehouse.gold;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The temporary views a build names its queries by, dropped when the build ends. */
final class TempViews implements AutoCloseable {
  private final SparkSession spark;
  private final List<String> names = new ArrayList<>();

  TempViews(SparkSession spark) {
    this.spark = spark;
  }

  /** Names the rows by a view, to be dropped on {@link #close()}. */
  void create(Dataset<Row> rows, String name) {
    rows.createOrReplaceTempView(name);
    names.add(name);
  }

  @Override
  public void close() {
    // The plans are analysed; the names are not needed, and a long-lived session (the
    // scheduler, the Connect server) must not collect a set per run.
    names.forEach(spark.catalog()::dropTempView);
    names.clear();
  }
}
