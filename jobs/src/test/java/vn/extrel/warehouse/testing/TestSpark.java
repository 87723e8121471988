package vn.extrel.warehouse.testing;

import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.spark.SparkSessions;

/**
 * The one SparkSession of the test JVM, built lazily by the production builder with a few test
 * settings. Every test class shares it; each test writes under its own temporary folder.
 */
public final class TestSpark {
  private TestSpark() {}

  private static SparkSession spark;

  public static synchronized SparkSession get() {
    if (spark == null) {
      Locale.setDefault(Locale.US);
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      spark =
          SparkSessions.getOrCreate(
              Map.of(
                  // two cores here: two task slots, two shuffle partitions
                  "spark.master", "local[2]",
                  "spark.sql.shuffle.partitions", "2",
                  "spark.ui.enabled", "false"));
    }
    return spark;
  }
}
