package vn.extrel.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A load over small input runs without code generation and without adaptive execution, on one
 * shuffle partition, and leaves the session as it found it; a user's own choice wins.
 */
class SmallInputSettingsTest {

  static final List<String> KEYS =
      List.of(
          SparkSessions.ADAPTIVE,
          SparkSessions.SHUFFLE_PARTITIONS,
          SparkSessions.CODEGEN_MODE,
          SparkSessions.WHOLE_STAGE);

  /** A session of its own: the shared one keeps what one-shot commands set for the process. */
  static SparkSession session() {
    return TestSpark.get().newSession();
  }

  /** What the session has set of these keys (a key not set is absent, whatever its default). */
  static Map<String, String> set(SparkSession spark) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      if (spark.conf().contains(k)) {
        out.put(k, spark.conf().get(k));
      }
    }
    return out;
  }

  @Test
  void smallInputRunsOnePartitionWithoutAdaptiveExecutionThenTheSessionIsAsBefore() {
    SparkSession spark = session();
    Map<String, String> before = set(spark);
    assertThat(before).doesNotContainKeys(SparkSessions.ADAPTIVE, SparkSessions.CODEGEN_MODE);
    try (var small = SparkSessions.forInput(spark, 1_000)) {
      assertThat(spark.conf().get(SparkSessions.ADAPTIVE)).isEqualTo("false");
      assertThat(spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS)).isEqualTo("1");
      assertThat(spark.conf().get(SparkSessions.CODEGEN_MODE)).isEqualTo("NO_CODEGEN");
      assertThat(
              spark
                  .range(100)
                  .groupBy(org.apache.spark.sql.functions.expr("id % 7"))
                  .count()
                  .rdd()
                  .getNumPartitions())
          .isEqualTo(1);
    }
    assertThat(set(spark))
        .as("as before; a key that was not set is unset again, not set to its default")
        .isEqualTo(before);
  }

  @Test
  void aUsersChoiceOfAdaptiveExecutionAndLargeInputAreLeftAlone() {
    SparkSession spark = session();
    spark.conf().set(SparkSessions.ADAPTIVE, "true");
    Map<String, String> chosen = set(spark);
    try (var small = SparkSessions.forInput(spark, 1_000)) {
      assertThat(spark.conf().get(SparkSessions.ADAPTIVE)).isEqualTo("true");
      assertThat(spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS))
          .isEqualTo(chosen.get(SparkSessions.SHUFFLE_PARTITIONS));
    }
    assertThat(set(spark)).isEqualTo(chosen);
    SparkSession other = session();
    Map<String, String> before = set(other);
    try (var large = SparkSessions.forInput(other, SparkSessions.CODEGEN_INPUT_BYTES)) {
      assertThat(set(other)).isEqualTo(before);
    }
  }
}
