package vn.extrel.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A load over small input runs without code generation and without adaptive execution, on one
 * shuffle partition, and leaves the session as it found it; a user's own choice wins.
 */
class SmallInputSettingsTest {

  @Test
  void smallInputRunsOnePartitionWithoutAdaptiveExecutionThenTheSessionIsAsBefore() {
    SparkSession spark = TestSpark.get();
    String partitions = spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS);
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
    assertThat(spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS)).isEqualTo(partitions);
    assertThat(spark.conf().contains(SparkSessions.ADAPTIVE))
        .as("unset again, not set to its default: the next run must not read it as a choice")
        .isFalse();
    assertThat(spark.conf().contains(SparkSessions.CODEGEN_MODE)).isFalse();
  }

  @Test
  void aUsersChoiceOfAdaptiveExecutionAndLargeInputAreLeftAlone() {
    SparkSession spark = TestSpark.get();
    String partitions = spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS);
    spark.conf().set(SparkSessions.ADAPTIVE, "true");
    try (var small = SparkSessions.forInput(spark, 1_000)) {
      assertThat(spark.conf().get(SparkSessions.ADAPTIVE)).isEqualTo("true");
      assertThat(spark.conf().get(SparkSessions.SHUFFLE_PARTITIONS)).isEqualTo(partitions);
    } finally {
      spark.conf().unset(SparkSessions.ADAPTIVE);
    }
    try (var large = SparkSessions.forInput(spark, SparkSessions.CODEGEN_INPUT_BYTES)) {
      assertThat(spark.conf().contains(SparkSessions.ADAPTIVE)).isFalse();
      assertThat(spark.conf().contains(SparkSessions.CODEGEN_MODE)).isFalse();
    }
  }
}
