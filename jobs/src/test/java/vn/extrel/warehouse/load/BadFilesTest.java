package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.ops.DqResultsTable;
import vn.extrel.warehouse.ops.FilesTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A night with bad files among good ones: a row with an amount that is not a number, a file missing
 * a required column, a file that is not a spreadsheet, a report whose totals do not add up (its
 * rule says fail). Each gets its rule's action, the rest of the night's files load, and the
 * summary, ops.dq_results and the exit code say what happened.
 */
class BadFilesTest {

  @TempDir static Path dir;
  static Warehouse w;
  static int code;
  static String summary;

  @BeforeAll
  static void night() {
    Path config = ConfigCopy.of(dir);
    ConfigCopy.edit(
        config,
        "rules/quality.yaml",
        "check: totals\n    action: warn",
        "check: totals\n    action: fail");
    Path input =
        Loads.input(
            dir,
            Map.of(
                "trade/exports-2016.csv", Loads.fixture("quirks/unparseable-amount.csv"),
                "fdi/missing-column-2016.xlsx",
                    Loads.fixture("quirks/missing-required-column-fdi.xlsx"),
                "fdi/report-2016.xlsx", Loads.fixture("quirks/not-a-spreadsheet-fdi.xlsx"),
                "fdi/totals-off-2016.xlsx", Loads.fixture("quirks/totals-mismatch-fdi.xlsx"),
                "fdi/Bao-cao-FDI-An-Giang-2015.xlsx",
                    Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2015.xlsx")));
    w = Loads.warehouse(dir);
    Cli.Result r =
        Cli.run(
            "nightly",
            "--input",
            input.toString(),
            "--warehouse",
            w.root(),
            "--config",
            config.toString(),
            "--no-exports",
            "--no-progress");
    code = r.code();
    summary = r.out();
  }

  @Test
  void theExitCodeSaysTheNightHadDataErrors() {
    assertThat(code).as(summary).isEqualTo(1);
    assertThat(summary)
        .contains("succeeded with errors")
        .contains("5 seen, 2 loaded, 0 unchanged, 3 failed");
  }

  @Test
  void eachBadFileFailsWithItsReasonAndTheGoodOnesLoad() {
    assertThat(summary)
        .containsPattern("failed\\s+fdi/missing-column-2016.xlsx")
        .contains("required column 'partner' not found")
        .containsPattern("failed\\s+fdi/report-2016.xlsx")
        .contains("not a spreadsheet")
        .containsPattern("failed\\s+fdi/totals-off-2016.xlsx")
        .contains("rejected by rule totals_add_up")
        .containsPattern("loaded\\s+fdi/Bao-cao-FDI-An-Giang-2015.xlsx")
        .containsPattern("loaded\\s+trade/exports-2016.csv");
    List<Row> files =
        w.read(TestSpark.get(), FilesTable.ID).orderBy(FilesTable.SOURCE_PATH).collectAsList();
    assertThat(files)
        .extracting(
            r ->
                r.getAs(FilesTable.SOURCE_PATH)
                    + "="
                    + r.getAs(FilesTable.STATUS)
                    + "/"
                    + r.getAs(FilesTable.ERROR_CODE))
        .containsExactly(
            "fdi/Bao-cao-FDI-An-Giang-2015.xlsx=loaded/null",
            "fdi/missing-column-2016.xlsx=failed/MISSING_COLUMN",
            "fdi/report-2016.xlsx=failed/NOT_A_SPREADSHEET",
            "fdi/totals-off-2016.xlsx=failed/RULE_FAILED",
            "trade/exports-2016.csv=loaded/null");
    long fdiFromRejected =
        w.read(TestSpark.get(), Targets.FDI.table())
            .filter("source_path = 'fdi/totals-off-2016.xlsx'")
            .count();
    assertThat(fdiFromRejected).as("a rejected file loads nothing").isZero();
    assertThat(
            w.read(TestSpark.get(), Targets.FDI.table())
                .filter(
                    "source_path = 'fdi/Bao-cao-FDI-An-Giang-2015.xlsx' AND row_role = 'detail'")
                .count())
        .isEqualTo(20);
  }

  @Test
  void aBadAmountIsQuarantinedWithItsPlaceAndTheRestOfTheFileLoads() {
    assertThat(summary)
        .contains("trade/exports-2016.csv row 3: E3: '12,5 nghìn' is not a number")
        .contains("[NOT_A_NUMBER]")
        .containsPattern(
            "loaded\\s+trade/exports-2016.csv\\s+4 read\\s+2 loaded\\s+1 quarantined\\s+1 excluded");
    SparkSession spark = TestSpark.get();
    Row r =
        w.read(spark, QuarantineTable.ID).filter("source_path = 'trade/exports-2016.csv'").first();
    assertThat(r.<Integer>getAs(QuarantineTable.ROW)).isEqualTo(3);
    assertThat(r.<String>getAs(QuarantineTable.CELL)).isEqualTo("E3");
    assertThat(r.<String>getAs(QuarantineTable.COLUMN)).isEqualTo("value_usd");
    assertThat(r.getJavaMap(r.fieldIndex(QuarantineTable.RAW_VALUES)))
        .containsEntry("partner", "Thái Lan");
    List<Row> loaded =
        w.read(spark, Targets.TRADE.table())
            .orderBy("row")
            .select("partner_id", "value")
            .collectAsList();
    assertThat(loaded)
        .extracting(
            x -> x.getString(0) + "=" + x.getDecimal(1).stripTrailingZeros().toPlainString())
        .containsExactly("KHM=1250500", "LAO=3400000");
  }

  @Test
  void theDataQualityResultsSayWhatHappened() {
    List<Row> dq =
        w.read(TestSpark.get(), DqResultsTable.ID)
            .filter("rule = 'totals_add_up' AND source_path = 'fdi/totals-off-2016.xlsx'")
            .collectAsList();
    assertThat(dq)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<String>getAs(DqResultsTable.STATUS)).isEqualTo("error");
              assertThat(r.<String>getAs(DqResultsTable.ACTION)).isEqualTo("fail");
              assertThat(r.<Long>getAs(DqResultsTable.FAILING_ROWS)).isEqualTo(1);
            });
    assertThat(
            w.read(TestSpark.get(), DqResultsTable.ID)
                .filter(
                    "rule = 'totals_reconciliation' AND source_path = 'fdi/totals-off-2016.xlsx' AND status = 'warn'")
                .count())
        .isEqualTo(1);
    assertThat(summary).contains("Data-quality findings").contains("'Tổng cộng' row 6");
  }
}
