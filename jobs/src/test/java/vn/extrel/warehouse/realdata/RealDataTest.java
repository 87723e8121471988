package vn.extrel.warehouse.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.check.CheckJob;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Openpyxl;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The shipped layouts read real public spreadsheets nobody on this project wrote
 * (../shared/realdata; see its SOURCE.txt files), and the values they publish come out.
 */
class RealDataTest {

  static WarehouseConfig config;
  static CheckJob check;

  @BeforeAll
  static void config() {
    assumeTrue(Repo.hasRealdata(), "../shared/realdata is not beside the repository");
    config = WarehouseConfig.load(Repo.config());
    check = new CheckJob(config);
  }

  static CheckJob.FileCheck run(String relative) {
    return check.check(Repo.realdata().resolve(relative), null, Integer.MAX_VALUE);
  }

  /** "measure@year" to value in base units, for one area or partner. */
  static Map<String, BigDecimal> values(CheckJob.FileCheck c, String column, String member) {
    return c.facts().stream()
        .filter(f -> member.equals(f.get(column)))
        .collect(
            Collectors.toMap(
                f -> f.get("measure") + "@" + f.get("year"),
                f -> ((BigDecimal) f.get("value")).stripTrailingZeros(),
                (a, b) -> a.add(b)));
  }

  static BigDecimal n(String s) {
    return new BigDecimal(s).stripTrailingZeros();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "odm-fdi-vietnam-2015-2022/fdi_provinces_vi.csv",
        "odm-fdi-vietnam-2015-2022/fdi_provinces_en.csv"
      })
  void odmProvincesGiveAnGiang2015AndTheAccountingFormatYears(String file) {
    CheckJob.FileCheck c = run(file);
    assertThat(c.layout()).startsWith("odm-fdi-provinces-");
    assertThat(c.ok()).as(c.error() + c.quarantined()).isTrue();
    assertThat(c.rows(RowClass.DATA)).isEqualTo(460);
    Map<String, BigDecimal> anGiang = values(c, "area", "An Giang");
    assertThat(anGiang)
        .containsEntry("projects@2015", n("8"))
        .containsEntry("registered_usd@2015", n("67200000"));
    // 2017 on: Excel accounting text (" 57.92   ", " -   "), padded names in 2021-22 ("  An Giang
    // ").
    assertThat(anGiang)
        .containsEntry("registered_usd@2016", n("20000"))
        .containsEntry("registered_usd@2017", n("200000"))
        .containsEntry("registered_usd@2018", n("320000"))
        .containsEntry("registered_usd@2019", n("57920000"))
        .containsEntry("registered_usd@2020", n("1830000"))
        .containsEntry("registered_usd@2021", n("11000000"))
        .containsEntry("registered_usd@2022", n("23000000"))
        .containsEntry("adjusted_usd@2021", n("0"));
    assertThat(c.facts()).anySatisfy(f -> assertThat((BigDecimal) f.get("value")).isNegative());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "odm-fdi-vietnam-2015-2022/fdi_country_partners_vi .csv",
        "odm-fdi-vietnam-2015-2022/fdi_country_partners_en .csv"
      })
  void odmPartnersResolveEveryInvestorCountry(String file) {
    CheckJob.FileCheck c = run(file);
    assertThat(c.quarantined()).as("unresolved partners").isEmpty();
    assertThat(values(c, "partner_id", "KOR"))
        .containsEntry("projects@2015", n("702"))
        .containsEntry("registered_usd@2015", n("2678517000"));
    assertThat(values(c, "partner_id", "VGB")).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "odm-fdi-vietnam-2015-2022/fdi_industry_vi.csv",
        "odm-fdi-vietnam-2015-2022/fdi_industry_en.csv"
      })
  void odmIndustriesLoad(String file) {
    CheckJob.FileCheck c = run(file);
    assertThat(c.ok()).isTrue();
    assertThat(c.rows(RowClass.DATA)).isEqualTo(150);
  }

  @Test
  void worldBankWideYearsUnpivot() {
    CheckJob.FileCheck c = run("worldbank-wdi-fdi/WorldForeignDirectInvestmentInflow.csv");
    assertThat(c.ok()).isTrue();
    // 266 countries and aggregates: 252 with a figure in some year, 14 with none at all, which
    // give no fact and are excluded as empty rows.
    assertThat(c.rows(RowClass.DATA)).isEqualTo(252);
    assertThat(c.rows(RowClass.EMPTY)).isEqualTo(14);
    assertThat(c.loaded()).isEqualTo(252);
    assertThat(c.rows(RowClass.TITLE)).as("the preamble lines").isEqualTo(2);
    Map<String, BigDecimal> vnm = values(c, "area", "VNM");
    assertThat(vnm.get("net_inflows_usd@2016")).isBetween(n("12.5e9"), n("12.7e9"));
    assertThat(vnm.get("net_inflows_usd@2024")).isBetween(n("20.1e9"), n("20.2e9"));
    assertThat(vnm)
        .doesNotContainKey("net_inflows_usd@1960"); // empty in the file: missing, not zero
  }

  @Test
  void statisticsOfficeLicensedFdiBySectionWithTheTotalExcludedAndReconciled() {
    CheckJob.FileCheck c = run("gso-yearend-2015-2016/2016-12-29-Bieu-2016.xlsx");
    assertThat(c.layout()).isEqualTo("gso-yearend-fdi-licensed");
    assertThat(c.ok()).as(c.error() + c.quarantined()).isTrue();
    assertThat(c.rows(RowClass.TOTAL)).isEqualTo(1);
    assertThat(values(c, "partner_id", "KOR")).containsEntry("projects@2016", n("828"));
    assertThat(values(c, "partner_id", "CHN")).containsKey("registered_usd@2016");
    assertThat(values(c, "area", "Hải Phòng")).containsEntry("projects@2016", n("52"));
    assertThat(c.facts()).allSatisfy(f -> assertThat(f.get("status")).isEqualTo("preliminary"));
    // "TỔNG SỐ" 2,556 projects / 15,182.3 million USD, checked against both partial lists ("một
    // số").
    List<String> messages =
        c.reconciliation().stream().map(r -> r.<String>getAs("message")).toList();
    assertThat(messages)
        .hasSize(4)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("2556 in the file")
                    .contains("'Phân theo một số địa phương'"));
    assertThat(c.reconciliation())
        .allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("warn"));
  }

  @Test
  void theWholeFolderLoadsAndGivesTheWorldBankRatio(@TempDir Path dir) {
    SparkSession spark = TestSpark.get();
    Warehouse w = Loads.warehouse(dir);
    LoadResult r = Loads.load(config, Repo.realdata(), w);
    assertThat(r.files())
        .filteredOn(f -> f.path().endsWith(".txt") || f.path().endsWith(".md"))
        .as("notes beside the data: no spreadsheets, no layout claims them")
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(FileStatus.IGNORED));
    assertThat(r.files())
        .filteredOn(f -> f.layout() != null)
        .hasSize(14)
        .allSatisfy(f -> assertThat(f.status()).as(f.path()).isEqualTo(FileStatus.LOADED))
        .allSatisfy(
            f ->
                assertThat(f.rowsRead())
                    .as(f.path() + ": read = loaded + quarantined + excluded")
                    .isEqualTo(f.rowsLoaded() + f.rowsQuarantined() + f.rowsExcluded()));
    WarehouseCatalog.bind(spark, w, config.indicators().views());
    Row ratio =
        spark
            .sql(
                "SELECT round(yoy_ratio, 3), value FROM gold.indicators WHERE indicator = 'wdi_fdi_net_inflows_usd'"
                    + " AND dimension = 'area' AND member = 'VNM' AND year = 2016")
            .collectAsList()
            .get(0);
    assertThat(ratio.getDouble(0)).isEqualTo(1.068);
    Row anGiang =
        spark
            .sql(
                "SELECT value FROM gold.indicators WHERE indicator = 'vn_fdi_new_registered_usd' AND dimension = 'area'"
                    + " AND member = 'An Giang' AND year = 2015")
            .collectAsList()
            .get(0);
    assertThat(anGiang.getDecimal(0)).isEqualByComparingTo("67200000");
    long reconciled =
        spark
            .sql(
                "SELECT count(*) FROM ops.dq_results WHERE rule = 'totals_reconciliation' AND source_path LIKE '%Bieu-2016.xlsx'")
            .first()
            .getLong(0);
    assertThat(reconciled).isEqualTo(4);

    // The year-end workbooks as vintages: each year is its own workbook's estimate, and the ratio
    // the
    // next workbook publishes (on its revised figure of the year before) is kept beside the ratio
    // computed from the two estimates, with a finding where they disagree.
    Path gso = Repo.realdata().resolve("gso-yearend-2018-2022");
    BigDecimal million = n("1000000");
    Row exports2019 = exports(spark, 2019);
    assertThat(exports2019.getDecimal(0))
        .isEqualByComparingTo(
            Openpyxl.number(gso.resolve("2019-12-27-03-Bieu-2019.xlsx"), "xuat khau thang", "G9")
                .multiply(million));
    assertThat(exports2019.getString(3)).isEqualTo("estimated");
    assertThat(exports2019.getString(4)).endsWith("2019-12-27-03-Bieu-2019.xlsx");
    Path book2020 = gso.resolve("2020-12-27-03-Bieu-2020.xlsx");
    Row exports2020 = exports(spark, 2020);
    assertThat(exports2020.getDecimal(0))
        .isEqualByComparingTo(Openpyxl.number(book2020, "xuat khau thang", "G9").multiply(million));
    assertThat(exports2020.getDouble(2))
        .as("the ratio the 2020 workbook publishes")
        .isEqualTo(Openpyxl.number(book2020, "xuat khau thang", "M9").doubleValue());
    assertThat(exports2020.getDouble(1))
        .as("the ratio of the two workbooks' own estimates")
        .isCloseTo(1.068, org.assertj.core.data.Offset.offset(0.0005));
    String finding =
        spark
            .sql(
                "SELECT message FROM ops.dq_results WHERE rule = 'published_ratio'"
                    + " AND column = 'vn_exports_usd' AND message LIKE 'vn_exports_usd 2020:%'")
            .first()
            .getString(0);
    assertThat(finding)
        .contains("2020-12-27-03-Bieu-2020.xlsx publishes 106.5 % of 2019")
        .contains("it is 106.84 %")
        .contains("implies 2019 = 264292018779");
  }

  static Row exports(SparkSession spark, int year) {
    return spark
        .sql(
            "SELECT value, yoy_ratio, published_yoy_pct, status, publication FROM gold.indicators"
                + " WHERE indicator = 'vn_exports_usd' AND dimension = 'total' AND year = "
                + year)
        .first();
  }
}
