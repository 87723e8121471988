package vn.extrel.warehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.FileOutcome;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.spark.ResultPrinter;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.VintagesTable;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Openpyxl;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Figures that can be cited from reports as they are really published: a series of yearly reports
 * that each repeat the year before (and one restates it), a sheet that breaks one total down three
 * ways, a key-indicator sheet and a workbook two layouts share, loaded together. Every figure is
 * compared with the report's own cells as openpyxl reads them.
 */
class PublicationsTest {

  @TempDir static Path dir;

  static Warehouse w;
  static LoadResult result;
  static SparkSession spark;
  static WarehouseConfig cfg;

  /** The page whose examples this test runs: its indicators.yaml block and its queries. */
  static final Path PAGE = Repo.root().resolve("docs/INDICATORS.md");

  static final Pattern BLOCK =
      Pattern.compile(
          "<!-- (file|query|output of): ([^>]+?) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  static Map<String, String> page() throws java.io.IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(PAGE));
    while (m.find()) {
      out.put(m.group(1) + ": " + m.group(2).trim(), m.group(3));
    }
    return out;
  }

  @BeforeAll
  static void load() throws Exception {
    spark = TestSpark.get();
    Path config = ConfigCopy.of(dir);
    Files.writeString(config.resolve("indicators.yaml"), page().get("file: indicators.yaml"));
    Map<String, Path> files = new LinkedHashMap<>();
    for (int year = 2020; year <= 2023; year++) {
      String name = "yearly-reports/bao-cao-fdi-nam-" + year + ".xlsx";
      files.put("quoc-gia/" + name, quirk(name));
    }
    files.put("quoc-gia/three-breakdowns-2020.xlsx", quirk("three-breakdowns-fdi.xlsx"));
    files.put("quoc-gia/key-indicators.xlsx", quirk("key-indicators-fdi.xlsx"));
    files.put("quoc-gia/two-sheets-2020.xlsx", quirk("two-sheets-one-workbook.xlsx"));
    Path input = Loads.input(dir, files);
    w = Loads.warehouse(dir);
    cfg = WarehouseConfig.load(config, Repo.fixtures().resolve("layouts"));
    result = Loads.load(cfg, input, w);
  }

  @Test
  void theExamplesOfTheIndicatorsPageGiveWhatThePageShows() throws java.io.IOException {
    Map<String, String> page = page();
    List<String> queries = page.keySet().stream().filter(k -> k.startsWith("query: ")).toList();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
    // Another test may have pointed the names at its own warehouse meanwhile.
    WarehouseCatalog.bind(spark, w, cfg.indicators().views());
    for (String q : queries) {
      String name = q.substring("query: ".length());
      Dataset<Row> rows = spark.sql(page.get(q));
      java.io.StringWriter out = new java.io.StringWriter();
      ResultPrinter.print(
          rows.schema(),
          rows.toLocalIterator(),
          ResultPrinter.Format.CSV,
          new java.io.PrintWriter(out));
      assertThat(out.toString().strip().replace("\r", ""))
          .as("docs/INDICATORS.md, " + name)
          .isEqualTo(page.get("output of: " + name).strip());
    }
  }

  static Path quirk(String name) {
    return Repo.fixtures().resolve("quirks").resolve(name);
  }

  static Path report(int year) {
    return quirk("yearly-reports/bao-cao-fdi-nam-" + year + ".xlsx");
  }

  static final BigDecimal MILLION = new BigDecimal(1_000_000);

  static BigDecimal total(String indicator, int year) {
    List<Row> r =
        spark
            .sql(
                "SELECT value FROM delta.`"
                    + w.path(IndicatorsTable.ID)
                    + "` WHERE indicator = '"
                    + indicator
                    + "' AND year = "
                    + year
                    + " AND dimension = 'total'")
            .collectAsList();
    assertThat(r).as(indicator + " " + year).hasSize(1);
    return r.get(0).getDecimal(0);
  }

  // ---- a series of yearly reports ----

  @Test
  void eachYearIsOneValueTheLatestPublications() {
    // The total rows as the reports print them: 2019 from the 2020 report, 2022 from the 2023
    // report (which restates it), each other year from the report that gives it last.
    assertThat(total("yearly_registered_usd", 2019))
        .isEqualByComparingTo(Openpyxl.number(report(2020), "FDI", "B7").multiply(MILLION));
    assertThat(total("yearly_registered_usd", 2020))
        .isEqualByComparingTo(Openpyxl.number(report(2021), "FDI", "B7").multiply(MILLION));
    assertThat(total("yearly_registered_usd", 2022))
        .isEqualByComparingTo(Openpyxl.number(report(2023), "FDI", "B7").multiply(MILLION))
        .isEqualByComparingTo("22400000000");
    assertThat(total("yearly_registered_usd", 2023))
        .isEqualByComparingTo(Openpyxl.number(report(2023), "FDI", "C7").multiply(MILLION));
  }

  @Test
  void theYearOverYearRatioIsComputedOnTheChosenValues() {
    Row r =
        spark
            .sql(
                "SELECT yoy_ratio, prev_value FROM delta.`"
                    + w.path(IndicatorsTable.ID)
                    + "` WHERE indicator = 'yearly_registered_usd' AND year = 2023"
                    + " AND dimension = 'total'")
            .first();
    double expected =
        Openpyxl.number(report(2023), "FDI", "C7").doubleValue()
            / Openpyxl.number(report(2023), "FDI", "B7").doubleValue();
    assertThat(r.getDouble(0)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.getDouble(0)).isCloseTo(1.035, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void theRestatedYearIsOneRevisionFindingNamingBothCells() {
    List<Row> findings =
        w.read(spark, DqResultsTable.ID)
            .filter("rule = 'revision' AND dataset = 'quirk_yearly'")
            .collectAsList();
    assertThat(findings).hasSize(1);
    String message = findings.get(0).getAs(DqResultsTable.MESSAGE);
    assertThat(message)
        .contains("registered_usd 2022")
        .contains("bao-cao-fdi-nam-2023.xlsx")
        .contains("bao-cao-fdi-nam-2022.xlsx")
        .contains("13396000000 (C5) -> 13400000000 (B5)")
        .contains("total row 22396000000 (C7) -> 22400000000 (B7)");
    assertThat(findings.get(0).<String>getAs(DqResultsTable.CELL)).isEqualTo("B7");
  }

  @Test
  void everyVintageOfAYearIsQueryableAndOneIsCurrent() {
    List<Row> vintages =
        spark
            .sql(
                "SELECT publication, published, value, current FROM delta.`"
                    + w.path(VintagesTable.ID)
                    + "` WHERE indicator = 'yearly_registered_usd' AND year = 2022"
                    + " AND dimension = 'total' ORDER BY published")
            .collectAsList();
    assertThat(vintages).hasSize(2);
    assertThat(vintages.get(0).getString(0)).endsWith("bao-cao-fdi-nam-2022.xlsx");
    assertThat(vintages.get(0).get(1)).hasToString("2022-12-20");
    assertThat(vintages.get(0).getDecimal(2))
        .isEqualByComparingTo(Openpyxl.number(report(2022), "FDI", "C7").multiply(MILLION));
    assertThat(vintages.get(0).getBoolean(3)).isFalse();
    assertThat(vintages.get(1).getString(0)).endsWith("bao-cao-fdi-nam-2023.xlsx");
    assertThat(vintages.get(1).getBoolean(3)).isTrue();
  }

  @Test
  void aFigureAsPublishedOnADateIsTheLatestVintageBeforeIt() {
    BigDecimal asOf2022 =
        spark
            .sql(
                "SELECT value FROM delta.`"
                    + w.path(VintagesTable.ID)
                    + "` WHERE indicator = 'yearly_registered_usd' AND year = 2022"
                    + " AND dimension = 'total' AND published <= DATE'2022-12-31'"
                    + " ORDER BY published DESC LIMIT 1")
            .first()
            .getDecimal(0);
    assertThat(asOf2022).isEqualByComparingTo("22396000000");
  }

  @Test
  void anIndicatorMayTakeTheFirstPublishedValue() {
    assertThat(total("first_published_registered_usd", 2022))
        .isEqualByComparingTo(Openpyxl.number(report(2022), "FDI", "C7").multiply(MILLION));
  }

  // ---- three breakdowns of one total ----

  @Test
  void theTotalOfThreeBreakdownsIsTheSheetsTotalRowNotThreeTimesIt() {
    Path sheet = quirk("three-breakdowns-fdi.xlsx");
    assertThat(total("licensed_projects", 2020))
        .isEqualByComparingTo(Openpyxl.number(sheet, "05DTNN", "B7"));
    assertThat(total("licensed_registered_usd", 2020))
        .isEqualByComparingTo(Openpyxl.number(sheet, "05DTNN", "C12").multiply(MILLION));
  }

  @Test
  void theSharesOfEachBreakdownAddUpToAHundred() {
    List<Row> sums =
        spark
            .sql(
                "SELECT dimension, sum(share_pct), count(1) FROM delta.`"
                    + w.path(IndicatorsTable.ID)
                    + "` WHERE indicator = 'licensed_projects' AND year = 2020 AND dimension <>"
                    + " 'total' GROUP BY dimension ORDER BY dimension")
            .collectAsList();
    assertThat(sums)
        .extracting(r -> r.getString(0))
        .containsExactly("area", "partner_country", "sector");
    for (Row r : sums) {
      assertThat(r.getDouble(1))
          .as(r.getString(0))
          .isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getLong(2)).as(r.getString(0) + " members").isEqualTo(2);
    }
  }

  // ---- a key-indicator sheet and a shared workbook ----

  @Test
  void aKeyIndicatorSheetGivesTheFigureOfEachYear() {
    Path sheet = quirk("key-indicators-fdi.xlsx");
    assertThat(total("key_registered_usd", 2020))
        .isEqualByComparingTo(Openpyxl.number(sheet, "Chỉ tiêu", "D4").multiply(MILLION));
  }

  @Test
  void twoLayoutsLoadTheTwoSheetsOfOneWorkbook() {
    Path book = quirk("two-sheets-one-workbook.xlsx");
    BigDecimal thousand = new BigDecimal(1000);
    assertThat(total("workbook_exports_usd", 2020))
        .isEqualByComparingTo(
            Openpyxl.number(book, "Xuất khẩu", "B4")
                .add(Openpyxl.number(book, "Xuất khẩu", "B5"))
                .multiply(thousand));
    long fdi =
        spark
            .sql(
                "SELECT count(1) FROM delta.`"
                    + w.path(vn.extrel.warehouse.table.FactTables.FDI.table())
                    + "` WHERE dataset = 'quirk_two_sheets'")
            .first()
            .getLong(0);
    assertThat(fdi).isEqualTo(1);
  }

  // ---- every row in one place ----

  @Test
  void everyFileAccountsForEveryRow() {
    assertThat(result.files()).hasSize(7);
    for (FileOutcome f : result.files()) {
      assertThat(f.status()).as(f.path() + ": " + f.message()).isEqualTo(FileStatus.LOADED);
      assertThat(f.rowsRead())
          .as(f.path())
          .isEqualTo(f.rowsLoaded() + f.rowsQuarantined() + f.rowsExcluded());
      assertThat(f.rowsLoaded()).as(f.path()).isPositive();
    }
    List<Row> files =
        spark
            .sql(
                "SELECT source_path, rows_read, rows_loaded, rows_quarantined, rows_excluded FROM delta.`"
                    + w.path(vn.extrel.warehouse.table.FilesTable.ID)
                    + "`")
            .collectAsList();
    assertThat(files).hasSize(7);
    for (Row r : files) {
      assertThat(r.getLong(1))
          .as(r.getString(0))
          .isEqualTo(r.getLong(2) + r.getLong(3) + r.getLong(4));
    }
  }
}
