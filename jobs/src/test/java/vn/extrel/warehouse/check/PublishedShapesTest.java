package vn.extrel.warehouse.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Openpyxl;
import vn.extrel.warehouse.testing.Repo;

/**
 * The shapes of reports as they are really published, read by the dry run (the same readers and
 * parser as a load, no Spark): a key-indicator sheet, two layouts on one workbook, and the header
 * quirks that used to mislead the reader. Each error's advice, followed, leads to a correct load.
 */
class PublishedShapesTest {

  static CheckJob check;

  @TempDir static Path tmp;

  @BeforeAll
  static void config() {
    check = new CheckJob(WarehouseConfig.load(Repo.config(), Repo.fixtures().resolve("layouts")));
  }

  static Path quirk(String file) {
    return Repo.fixtures().resolve("quirks").resolve(file);
  }

  static CheckJob.FileCheck run(String file, String layout) {
    return check.check(quirk(file), layout, 1000);
  }

  /** The fixture layouts with one layout file edited, for following an error's advice. */
  static CheckJob edited(String name, String layoutFile, String from, String to) {
    Path layouts = ConfigCopy.copyTree(Repo.fixtures().resolve("layouts"), tmp.resolve(name));
    ConfigCopy.edit(layouts, layoutFile, from, to);
    return new CheckJob(WarehouseConfig.load(Repo.config(), layouts));
  }

  static BigDecimal n(String s) {
    return new BigDecimal(s).stripTrailingZeros();
  }

  /** measure@year[/period] to value, of the facts of one member column value. */
  static Map<String, BigDecimal> values(CheckJob.FileCheck c, String column, String member) {
    Map<String, BigDecimal> out = new java.util.TreeMap<>();
    for (Map<String, Object> f : c.facts()) {
      if (member == null ? f.get(column) == null : member.equals(f.get(column))) {
        String period = (String) f.get(FactTable.PERIOD);
        out.put(
            f.get("measure") + "@" + f.get("year") + ("Y".equals(period) ? "" : "/" + period),
            ((BigDecimal) f.get("value")).stripTrailingZeros());
      }
    }
    return out;
  }

  static void accountedFor(CheckJob.FileCheck c) {
    assertThat(c.read())
        .as("read = loaded + quarantined + excluded: " + c.rowsByClass())
        .isEqualTo(c.loaded() + c.quarantined().size() + c.excluded());
  }

  // ---- a key-indicator sheet ----

  @Test
  void aKeyIndicatorSheetLoadsEveryMeasureRowWithItsUnitAndPeriods() throws IOException {
    CheckJob.FileCheck c = run("key-indicators-fdi.xlsx", "quirk-key-indicators");
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    Map<String, BigDecimal> v = values(c, "partner_id", null);
    Path file = quirk("key-indicators-fdi.xlsx");
    // What another reader sees in the cells, times the unit written in each row's unit cell.
    BigDecimal million = n("1000000");
    assertThat(v)
        .hasSize(12)
        .containsEntry(
            "registered_usd@2019",
            Openpyxl.number(file, "Chỉ tiêu", "C4").multiply(million).stripTrailingZeros())
        .containsEntry(
            "registered_usd@2021/H1",
            Openpyxl.number(file, "Chỉ tiêu", "E4").multiply(million).stripTrailingZeros())
        .containsEntry(
            "disbursed_usd@2020",
            Openpyxl.number(file, "Chỉ tiêu", "D5").multiply(million).stripTrailingZeros())
        .containsEntry(
            "projects@2020", Openpyxl.number(file, "Chỉ tiêu", "D6").stripTrailingZeros())
        .containsEntry(
            "jobs@2019",
            Openpyxl.number(file, "Chỉ tiêu", "C7").multiply(n("1000")).stripTrailingZeros());
    assertThat(c.facts())
        .allSatisfy(
            f -> assertThat(f.get(FactTable.BREAKDOWN)).as("a figure of the whole").isNull())
        .anySatisfy(f -> assertThat(f.get(FactTable.SOURCE_UNIT)).isEqualTo("Triệu USD"));
    accountedFor(c);
  }

  @Test
  void theKeyIndicatorLayoutOfTheLayoutsPageReadsTheSheet() throws IOException {
    String page = Files.readString(Repo.root().resolve("docs/LAYOUTS.md"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<!-- file: layouts/fdi-key-indicators.yaml -->\\s*```yaml\\n(.*?)```",
                java.util.regex.Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("docs/LAYOUTS.md shows the key-indicator layout").isTrue();
    Path layouts = Files.createDirectories(tmp.resolve("page-layouts"));
    Files.writeString(layouts.resolve("fdi-key-indicators.yaml"), m.group(1));
    CheckJob.FileCheck c =
        new CheckJob(WarehouseConfig.load(Repo.config(), layouts))
            .check(quirk("key-indicators-fdi.xlsx"), "fdi-key-indicators", 100);
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    assertThat(c.factCount()).isEqualTo(12);
  }

  @Test
  void aLayoutOfYearColumnsOnlySaysWhatHeaderItLookedFor() throws IOException {
    Path layouts = Files.createDirectories(tmp.resolve("years-only"));
    Files.writeString(
        layouts.resolve("years-only.yaml"),
        "id: years-only\ntarget: fdi\ndataset: years_only\nmatch: {files: [\"x/*\"]}\n"
            + "columns:\n  registered_usd: {year_columns: true, unit: USD}\n");
    CheckJob.FileCheck c =
        new CheckJob(WarehouseConfig.load(Repo.config(), layouts))
            .check(quirk("totals-row-fdi.xlsx"), "years-only", 10);
    assertThat(c.errorCode()).isEqualTo("HEADER_NOT_FOUND");
    assertThat(c.error())
        .as("never 'with []'")
        .contains("registered_usd (year columns such as '2016', 'Năm 2016')");
  }

  @Test
  void aMistakeInIndicatorsYamlPointsToThePageThatDocumentsIt() throws IOException {
    Path config = ConfigCopy.of(tmp.resolve("bad-indicators"));
    ConfigCopy.edit(config, "indicators.yaml", "unit: person", "unit: {a: 1}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WarehouseConfig.load(config))
        .hasMessageContaining("indicators.yaml:")
        .hasMessageContaining("docs/INDICATORS.md");
  }

  // ---- two layouts, one workbook ----

  @Test
  void twoLayoutsReadTwoSheetsOfOneWorkbook() {
    CheckJob.FileCheck c = check.check(quirk("two-sheets-one-workbook.xlsx"), null, 1000);
    assertThat(c.error()).isNull();
    assertThat(c.layout()).isEqualTo("quirk-two-sheets-fdi,quirk-two-sheets-trade");
    assertThat(c.target()).isEqualTo("fdi,trade");
    assertThat(c.factCount()).isEqualTo(3);
    accountedFor(c);
  }

  @Test
  void twoLayoutsClaimingOneSheetFailWithBothNames() throws IOException {
    Path layouts =
        ConfigCopy.copyTree(Repo.fixtures().resolve("layouts"), tmp.resolve("claims-twice"));
    Files.writeString(
        layouts.resolve("quirk-two-sheets-again.yaml"),
        Files.readString(layouts.resolve("quirk-two-sheets-fdi.yaml"))
            .replace("id: quirk-two-sheets-fdi", "id: quirk-two-sheets-again"));
    CheckJob.FileCheck c =
        new CheckJob(WarehouseConfig.load(Repo.config(), layouts))
            .check(quirk("two-sheets-one-workbook.xlsx"), null, 1000);
    assertThat(c.errorCode()).isEqualTo("SHEET_CLAIMED_TWICE");
    assertThat(c.error())
        .contains("sheet 'FDI'")
        .contains("quirk-two-sheets-again")
        .contains("quirk-two-sheets-fdi")
        .contains("sheets:");
  }

  // ---- units ----

  @Test
  void aLayoutUnitTheHeaderContradictsIsRefusedNamingBoth() {
    CheckJob.FileCheck c = run("unit-conflict-fdi.xlsx", "quirk-unit-conflict");
    assertThat(c.errorCode()).isEqualTo("UNIT_CONFLICT");
    assertThat(c.error())
        .contains("header row 3")
        .contains("Triệu USD")
        .contains("nghìn USD")
        .contains("remove unit:");
    // The advice, followed: the file's own unit is used.
    CheckJob.FileCheck fixed =
        edited("unit", "quirk-unit-conflict.yaml", ", unit: nghìn USD", "")
            .check(quirk("unit-conflict-fdi.xlsx"), "quirk-unit-conflict", 10);
    assertThat(fixed.ok()).as(fixed.error()).isTrue();
    assertThat(values(fixed, "partner_id", "JPN"))
        .containsEntry("registered_usd@2020", n("12500000"));
  }

  // ---- headers ----

  @Test
  void aStrayNumberBesideAHeaderDoesNotHideTheTable() {
    CheckJob.FileCheck c = run("stray-number-in-header-fdi.xlsx", "quirk-stray-header");
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    assertThat(values(c, "area", "An Giang")).containsEntry("registered_usd@2020", n("15000000"));
    assertThat(values(c, "area", "Kiên Giang")).containsEntry("registered_usd@2020", n("5700000"));
    assertThat(values(c, "partner_id", "JPN")).containsEntry("registered_usd@2020", n("12500000"));
    assertThat(c.facts())
        .filteredOn(f -> f.get("area") != null)
        .allSatisfy(f -> assertThat(f.get("partner_id")).isNull());
    accountedFor(c);
  }

  @Test
  void aFixedHeaderRowAndStackedTablesWorkTogether() {
    CheckJob.FileCheck c = run("header-row-and-stacked-fdi.xlsx", "quirk-header-row-stacked");
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    assertThat(values(c, "sector", "Bất động sản"))
        .containsEntry("registered_usd@2020", n("2500000"));
    assertThat(values(c, "partner_id", "JPN")).containsEntry("registered_usd@2020", n("12500000"));
    assertThat(c.facts())
        .filteredOn(f -> f.get("sector") != null)
        .allSatisfy(f -> assertThat(f.get("partner_id")).as("sectors are not partners").isNull());
    accountedFor(c);
  }

  @Test
  void anUnexpectedTableIsReportedWithItsRowAndTheKeysThatWouldExcludeOrMapIt() {
    CheckJob.FileCheck c = run("extra-region-table-fdi.xlsx", "quirk-extra-region");
    assertThat(c.errorCode()).isEqualTo("UNEXPECTED_TABLE");
    assertThat(c.error())
        .contains("row 8")
        .contains("Vùng")
        .contains("table.stop_before: 'Vùng'")
        .contains("columns.area.aliases");
    // The advice, followed: the region table is left out, the partner table loads and adds up.
    CheckJob.FileCheck fixed =
        edited(
                "region",
                "quirk-extra-region.yaml",
                "period:",
                "table: {stop_before: 'Vùng'}\nperiod:")
            .check(quirk("extra-region-table-fdi.xlsx"), "quirk-extra-region", 100);
    assertThat(fixed.ok()).as(fixed.error() + " " + fixed.quarantined()).isTrue();
    assertThat(fixed.facts()).extracting(f -> f.get("partner_id")).containsOnly("JPN", "KOR");
    assertThat(fixed.reconciliation())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("pass"));
    accountedFor(fixed);
  }

  // ---- every row in one place ----

  @Test
  void aSubtitleAndARowOfStrayZerosAreExcludedWithTheirClass() {
    CheckJob.FileCheck c = run("subtitle-line-fdi.xlsx", "quirk-fdi");
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    assertThat(c.rows(RowClass.SUBTITLE)).isEqualTo(1);
    assertThat(c.rows(RowClass.EMPTY)).isEqualTo(1);
    assertThat(c.loaded()).as("rows that gave facts").isEqualTo(2);
    accountedFor(c);
  }

  @Test
  void aReportRepeatingTheYearBeforeGivesBothYearsAndItsTotalRow() {
    CheckJob.FileCheck c = run("yearly-reports/bao-cao-fdi-nam-2023.xlsx", "quirk-yearly-reports");
    assertThat(c.ok()).as(c.error() + " " + c.quarantined()).isTrue();
    assertThat(values(c, "partner_id", "JPN"))
        .containsEntry("registered_usd@2022", n("13400000000"))
        .containsEntry("registered_usd@2023", n("14000000000"));
    assertThat(c.totalCount()).as("the total row's two figures").isEqualTo(2);
    assertThat(c.facts())
        .allSatisfy(f -> assertThat(f.get(FactTable.PUBLISHED)).hasToString("2023-12-20"))
        .allSatisfy(f -> assertThat(f.get(FactTable.EDITION)).isEqualTo("2023"))
        .allSatisfy(f -> assertThat(f.get(FactTable.BREAKDOWN)).isEqualTo("partner"));
    accountedFor(c);
  }

  @Test
  void everyFixtureOfTheLibraryAccountsForEveryRow() throws IOException {
    // Every fixture a fixture layout claims by its name, read as a load would: each row is loaded,
    // quarantined or excluded, exactly once. (Files that fail as a whole give no rows.)
    List<Path> files;
    try (var walk = Files.walk(Repo.fixtures().resolve("quirks"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      CheckJob.FileCheck c = check.check(f, null, 0);
      if (c.layout() == null || c.errorCode() != null) {
        continue;
      }
      accountedFor(c);
      checked++;
    }
    assertThat(checked).as("fixtures read").isGreaterThanOrEqualTo(25);
  }
}
