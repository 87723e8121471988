package vn.extrel.warehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/** What building the indicators leaves in the session it ran in. */
class IndicatorBuilderTest {

  /**
   * The views the gold stage names its grouping-set queries by are dropped once the plans are
   * built: a long-lived session (the scheduler, the Connect server) would keep a set per run.
   */
  @Test
  void aLoadLeavesNoTemporaryViewsInTheSession() {
    SampleWarehouse.get(); // a load, gold included, ran in this session
    SparkSession spark = TestSpark.get();
    List<String> views =
        spark.catalog().listTables().collectAsList().stream()
            .filter(t -> t.isTemporary())
            .map(t -> t.name())
            .filter(n -> n.startsWith("extrel_gold_"))
            .toList();
    assertThat(views).isEmpty();
  }
}
