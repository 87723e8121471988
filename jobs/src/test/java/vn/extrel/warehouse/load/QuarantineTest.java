package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.cli.WarehouseCli;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A row with an amount that is not a number is quarantined with its place and reason; the rest
 * loads.
 */
class QuarantineTest {

  @TempDir Path dir;

  @Test
  void aBadAmountIsQuarantinedAndTheRestOfTheFileLoads() {
    Path input =
        Loads.input(
            dir, Map.of("trade/exports-2016.csv", Loads.fixture("quirks/unparseable-amount.csv")));
    Warehouse w = Loads.warehouse(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        WarehouseCli.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            "load",
            "--input",
            input.toString(),
            "--warehouse",
            w.root(),
            "--config",
            Repo.config().toString());
    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(summary)
        .contains("4 read = 2 loaded + 1 quarantined + 1 excluded")
        .contains("trade/exports-2016.csv row 3: E3: '12,5 nghìn' is not a number")
        .contains("[NOT_A_NUMBER]");

    SparkSession spark = TestSpark.get();
    List<Row> q = w.read(spark, QuarantineTable.ID).collectAsList();
    assertThat(q).hasSize(1);
    Row r = q.get(0);
    assertThat(r.<String>getAs(QuarantineTable.SOURCE_PATH)).isEqualTo("trade/exports-2016.csv");
    assertThat(r.<Integer>getAs(QuarantineTable.ROW)).isEqualTo(3);
    assertThat(r.<String>getAs(QuarantineTable.CELL)).isEqualTo("E3");
    assertThat(r.<String>getAs(QuarantineTable.COLUMN)).isEqualTo("value_usd");
    assertThat(r.<String>getAs(QuarantineTable.REASON_CODE)).isEqualTo("NOT_A_NUMBER");
    assertThat(r.getJavaMap(r.fieldIndex(QuarantineTable.RAW_VALUES)))
        .containsEntry("partner", "Thái Lan")
        .containsEntry("value_usd", "12,5 nghìn");

    List<Row> loaded =
        w.read(spark, Targets.TRADE.table())
            .orderBy("row")
            .select("partner_id", "value", "row")
            .collectAsList();
    assertThat(loaded)
        .extracting(
            x -> x.getString(0) + "=" + x.getDecimal(1).stripTrailingZeros().toPlainString())
        .containsExactly("KHM=1250500", "LAO=3400000");
  }
}
