package vn.extrel.warehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.load.FileOutcome;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The sample data loaded end to end reproduces every figure of the article the product started from
 * (../shared/seeds): FDI disbursed in 2016 over 17 million USD, about 4.4 times 2015; 6,785
 * workers; four agreements with Takeo and Kandal (Cambodia) and one MOU with Champasak (Laos) in
 * 2016.
 */
class ArticleFiguresTest {

  static SparkSession spark;

  @BeforeAll
  static void load() {
    SampleWarehouse.get();
    spark = TestSpark.get();
  }

  private static Row one(String sql) {
    List<Row> rows = spark.sql(sql).collectAsList();
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0);
  }

  @Test
  void fdiDisbursed2016IsOver17MillionAndAbout4Point4TimesTheYearBefore() {
    Row r =
        one(
            "SELECT value, prev_value, round(yoy_ratio, 1) FROM gold.indicators "
                + "WHERE indicator = 'fdi_disbursed_usd' AND year = 2016 AND dimension = 'total'");
    assertThat(r.getDecimal(0)).isEqualByComparingTo("17250000"); // "over 17 million"
    assertThat(r.getDecimal(1)).isEqualByComparingTo("3920000");
    assertThat(r.getDouble(2)).isEqualTo(4.4);
  }

  @Test
  void fdiFirmsEmploy6785WorkersIn2016() {
    Row r =
        one(
            "SELECT value, unit FROM gold.indicators WHERE indicator = 'fdi_jobs' AND year = 2016 AND dimension = 'total'");
    assertThat(r.getDecimal(0)).isEqualByComparingTo("6785");
    assertThat(r.getString(1)).isEqualTo("person");
  }

  @Test
  void fourAgreementsWithCambodiaAndOneMouWithLaosIn2016() {
    List<Row> rows =
        spark
            .sql(
                "SELECT member, CAST(value AS INT) FROM gold.indicators WHERE indicator = 'activity_count' AND year = 2016"
                    + " AND dimension = 'activity_type/partner_country' AND member IN ('agreement/KHM', 'mou/LAO')"
                    + " ORDER BY member")
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0) + "=" + r.getInt(1))
        .containsExactly("agreement/KHM=4", "mou/LAO=1");
    Row byType =
        one(
            "SELECT CAST(value AS INT) FROM gold.indicators WHERE indicator = 'activity_count' AND year = 2016"
                + " AND dimension = 'activity_type' AND member = 'agreement'");
    assertThat(byType.getInt(0)).as("no other agreements in 2016").isEqualTo(4);
  }

  @Test
  void theAgreementsCoverTheFieldsTheArticleNames() {
    List<Row> rows =
        spark
            .sql(
                "SELECT DISTINCT field FROM silver.activity WHERE year = 2016 AND activity_type IN ('agreement', 'mou')"
                    + " ORDER BY field")
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0))
        .containsExactly("agriculture", "border_trade", "education", "health");
  }

  @Test
  void partnersSpelledAsTheArticleDoesResolveToOnePartner() {
    // "Ta Keo" and "Takeo" are the same province; "Indonexia" is Indonesia.
    List<Row> takeo =
        spark
            .sql(
                "SELECT DISTINCT partner_id, partner_country FROM silver.activity WHERE partner_name IN ('Tỉnh Ta Keo', 'Tỉnh Takeo')")
            .collectAsList();
    assertThat(takeo)
        .extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactly("KH-21/KHM");
    Row indonesia =
        one("SELECT count(*) FROM silver.activity WHERE year = 2016 AND partner_id = 'IDN'");
    assertThat(indonesia.getLong(0)).isEqualTo(1);
  }

  @Test
  void amountsAreStoredInUsdNotMillions() {
    Row r =
        one(
            "SELECT value, unit, source_unit, raw_text, cell FROM silver.fdi WHERE year = 2016 AND measure = 'disbursed_usd'"
                + " AND partner_id = 'JPN'");
    assertThat(r.getDecimal(0)).isEqualByComparingTo("6800000");
    assertThat(r.getString(1)).isEqualTo("USD");
    assertThat(r.getString(2)).isEqualToIgnoringCase("triệu USD");
    assertThat(r.getString(3)).isEqualTo("6.8");
    assertThat(r.getString(4)).isEqualTo("E8");
  }

  @Test
  void everyRowReadIsLoadedQuarantinedOrExcluded() {
    LoadResult r = SampleWarehouse.firstLoad();
    // data/README.md is ignored (no spreadsheet, no layout claims it): every other file loads.
    List<FileOutcome> seen = r.files().stream().filter(FileOutcome::seen).toList();
    assertThat(seen).as("the seven spreadsheets of data/").hasSize(7);
    assertThat(seen).allSatisfy(f -> assertThat(f.status()).isEqualTo(FileOutcome.LOADED));
    for (FileOutcome f : seen) {
      assertThat(f.rowsRead())
          .as(f.path())
          .isEqualTo(f.rowsLoaded() + f.rowsQuarantined() + f.rowsExcluded());
    }
    Row bronze = one("SELECT count(*) FROM bronze.source_rows");
    assertThat(bronze.getLong(0)).isEqualTo(r.rowsRead());
  }
}
