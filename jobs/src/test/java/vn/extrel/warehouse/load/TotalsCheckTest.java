package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The totals check gives the same findings whether the rows are few (checked on the driver) or many
 * (joined and grouped by Spark), on the sample's reports.
 */
class TotalsCheckTest {

  @Test
  void fewRowsOnTheDriverAndManyInSparkGiveTheSameFindings() {
    Warehouse w = SampleWarehouse.get();
    SparkSession spark = TestSpark.get();
    WarehouseConfig config = SampleWarehouse.config();
    Map<String, String> versions = new LinkedHashMap<>();
    for (Row r :
        w.read(spark, BronzeTable.ID)
            .select(BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256)
            .distinct()
            .collectAsList()) {
      versions.put(r.getString(0), r.getString(1));
    }
    Reconciler reconciler =
        new Reconciler(
            new SilverParser(
                config.layouts(),
                config.reference(),
                "test",
                new SilverStage(config).headers(spark, w, versions)),
            "test");
    Dataset<Row> rows =
        w.read(spark, BronzeTable.ID)
            .filter(col(BronzeTable.ROW_CLASS).isin(RowClass.DATA.wire(), RowClass.TOTAL.wire()));

    List<String> here = sorted(TotalsCheck.results(rows, reconciler, TotalsCheck.HERE_ROWS));
    List<String> spark0 = sorted(TotalsCheck.results(rows, reconciler, 0));

    assertThat(here).isEqualTo(spark0).isNotEmpty();
    // The 2016 FDI report's printed total of workers (4,800) is not the sum of its rows (6,785).
    assertThat(here).anyMatch(m -> m.contains("4800") && m.contains("6785"));
  }

  static List<String> sorted(List<Row> results) {
    return results.stream().map(r -> r.getAs(DqResultsTable.MESSAGE) + " | " + r).sorted().toList();
  }
}
