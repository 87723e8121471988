package vn.extrel.warehouse.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.testing.Repo;

/**
 * The fixture library (jobs/src/test/resources/fixtures/quirks): one small file per quirk of real
 * reports, each read through the same readers and parser as a load (the dry run of {@code warehouse
 * check}).
 */
class FixtureLibraryTest {

  static CheckJob check;

  @BeforeAll
  static void config() {
    check = new CheckJob(WarehouseConfig.load(Repo.config(), Repo.fixtures().resolve("layouts")));
  }

  static CheckJob.FileCheck run(String file, String layout) {
    return check.check(Repo.fixtures().resolve("quirks").resolve(file), layout, 1000);
  }

  /** measure (and year) of each fact to its value, e.g. "jobs@2016" → 6785. */
  static Map<String, BigDecimal> values(CheckJob.FileCheck c, String partnerOrArea) {
    return c.facts().stream()
        .filter(
            f -> partnerOrArea.equals(f.get("partner_id")) || partnerOrArea.equals(f.get("area")))
        .collect(
            Collectors.toMap(
                f -> f.get("measure") + "@" + f.get("year"),
                f -> ((BigDecimal) f.get("value")).stripTrailingZeros()));
  }

  static BigDecimal n(String s) {
    return new BigDecimal(s).stripTrailingZeros();
  }

  // ---- numbers ----

  @Test
  void dotThousandsInACountIsSixThousand() {
    CheckJob.FileCheck c = run("dot-thousands-fdi.csv", "quirk-fdi");
    assertThat(c.ok()).isTrue();
    assertThat(values(c, "JPN")).containsEntry("jobs@2016", n("6785"));
  }

  @Test
  void commaDecimalIsAFraction() {
    CheckJob.FileCheck c = run("comma-decimal-fdi.csv", "quirk-fdi");
    assertThat(values(c, "KOR")).containsEntry("disbursed_usd@2016", n("4400000"));
  }

  @Test
  void accountingFormsAreNegativeAndZero() {
    CheckJob.FileCheck c = run("accounting-format-fdi-en.csv", "quirk-fdi-en");
    assertThat(c.ok()).as(c.quarantined().toString()).isTrue();
    assertThat(values(c, "An Giang"))
        .containsEntry("registered_usd@2017", n("1342300000"))
        .containsEntry("adjusted_usd@2017", n("-28990000"));
    assertThat(values(c, "Ca Mau")).containsEntry("adjusted_usd@2017", n("0"));
  }

  @Test
  void aLoneDotGroupInAnAmountIsQuarantinedNotGuessed() {
    CheckJob.FileCheck c = run("ambiguous-dot-group-fdi.csv", "quirk-fdi");
    assertThat(c.quarantined()).hasSize(1);
    Row q = c.quarantined().get(0);
    assertThat(q.<String>getAs("reason_code")).isEqualTo("AMBIGUOUS_NUMBER");
    assertThat(q.<String>getAs("cell")).isEqualTo("D2");
    assertThat(values(c, "KOR")).isNotEmpty(); // the other row loads
  }

  // ---- encodings and text forms ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "utf8-bom-fdi.csv",
        "utf8-no-bom-fdi.csv",
        "utf16le-bom-fdi.csv",
        "windows-1258-fdi.csv",
        "nfd-unicode-fdi.csv",
        "tab-delimited-fdi.csv"
      })
  void everyEncodingAndFormReadsTheSame(String file) {
    CheckJob.FileCheck c = run(file, "quirk-fdi");
    assertThat(c.ok()).as(file + ": " + c.error() + c.quarantined()).isTrue();
    assertThat(values(c, "KOR"))
        .containsEntry("jobs@2016", n("1520"))
        .containsEntry("registered_usd@2016", n("8200000"));
    assertThat(values(c, "TWN")).containsEntry("jobs@2016", n("1985"));
    Row header =
        c.rows().stream()
            .filter(r -> RowClass.HEADER.wire().equals(r.getAs("row_class")))
            .findFirst()
            .orElseThrow();
    String firstCell = header.<String>getList(header.fieldIndex("texts")).get(1);
    assertThat(firstCell).as("stored in NFC").isEqualTo("Đối tác");
  }

  @Test
  void mixedLineEndingsLoadEveryRow() {
    CheckJob.FileCheck c = run("mixed-line-endings-fdi.csv", "quirk-fdi");
    assertThat(c.ok()).isTrue();
    assertThat(c.rows(RowClass.DATA)).isEqualTo(3);
  }

  @Test
  void nulBytesFailTheFileWithAClearReason() {
    CheckJob.FileCheck c = run("nul-bytes-fdi.csv", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("NUL_BYTES");
    assertThat(c.error()).contains("nul-bytes-fdi.csv").contains("NUL").contains("CSV UTF-8");
  }

  @Test
  void anUnclosedQuoteFailsTheFileAndNamesTheRecord() {
    CheckJob.FileCheck c = run("unclosed-quote-fdi.csv", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("MALFORMED_CSV");
    assertThat(c.error())
        .contains("unclosed-quote-fdi.csv near record 2")
        .contains("field 2 is never closed")
        .contains("unbalanced double quote");
  }

  // ---- sheet layout ----

  @Test
  void theUnitLineAboveTheTableScalesTheAmounts() {
    CheckJob.FileCheck c = run("title-and-unit-line-fdi.xlsx", "quirk-fdi");
    assertThat(values(c, "JPN"))
        .containsEntry("registered_usd@2016", n("12500000"))
        .containsEntry("projects@2016", n("5"));
    assertThat(c.rows(RowClass.TITLE)).isEqualTo(2);
  }

  @Test
  void theUnitInAHeaderScalesItsColumn() {
    CheckJob.FileCheck c = run("unit-in-header-fdi.xlsx", "quirk-fdi");
    assertThat(values(c, "JPN")).containsEntry("registered_usd@2016", n("12500000"));
    assertThat(c.facts())
        .anySatisfy(f -> assertThat(f.get("rule")).asString().contains("×1000000 (triệu USD)"));
  }

  @Test
  void anAmountInDongInAUsdColumnIsRefused() {
    CheckJob.FileCheck c = run("currency-in-vnd-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("UNIT_MISMATCH");
    assertThat(c.error()).contains("tỷ đồng").contains("USD");
  }

  @Test
  void aMergedTwoRowHeaderBecomesYearRows() {
    CheckJob.FileCheck c = run("merged-two-row-header.xlsx", "quirk-fdi-wide");
    assertThat(c.ok()).as(c.error()).isTrue();
    assertThat(values(c, "JPN"))
        .containsEntry("registered_usd@2015", n("7600000"))
        .containsEntry("disbursed_usd@2015", n("1500000"))
        .containsEntry("registered_usd@2016", n("12500000"))
        .containsEntry("disbursed_usd@2016", n("6800000"));
    assertThat(c.facts()).anySatisfy(f -> assertThat(f.get("cell")).isEqualTo("D5"));
  }

  @Test
  void yearColumnsUnpivotAndEmptyCellsAreMissingNotZero() {
    CheckJob.FileCheck c = run("year-columns-wide.csv", "quirk-wdi");
    assertThat(c.ok()).isTrue();
    assertThat(values(c, "VNM")).hasSize(3).containsEntry("net_inflows_usd@2016", n("12600000000"));
    assertThat(values(c, "LAO")).hasSize(2).doesNotContainKey("net_inflows_usd@2014");
  }

  @Test
  void aTotalRowIsExcludedAndReconciles() {
    CheckJob.FileCheck c = run("totals-row-fdi.xlsx", "quirk-fdi");
    assertThat(c.rows(RowClass.TOTAL)).isEqualTo(1);
    assertThat(c.facts()).noneMatch(f -> "Tổng cộng".equals(f.get("partner_name")));
    assertThat(c.reconciliation())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("pass"));
  }

  @Test
  void aTotalThatDoesNotAddUpIsReported() {
    CheckJob.FileCheck c = run("totals-mismatch-fdi.xlsx", "quirk-fdi");
    Row bad =
        c.reconciliation().stream()
            .filter(r -> "warn".equals(r.getAs("status")))
            .findFirst()
            .orElseThrow();
    assertThat(bad.<String>getAs("column")).isEqualTo("registered_usd");
    assertThat(bad.<BigDecimal>getAs("expected")).isEqualByComparingTo("99");
    assertThat(bad.<BigDecimal>getAs("actual")).isEqualByComparingTo("10.5");
    assertThat(bad.<String>getAs("message"))
        .contains("'Tổng cộng' row 6")
        .contains("difference -88.5");
  }

  @Test
  void sectionRowsChangeWhatTheNameColumnMeans() {
    CheckJob.FileCheck c = run("section-rows.xlsx", "quirk-sections");
    assertThat(c.ok()).as(c.error() + c.quarantined()).isTrue();
    assertThat(values(c, "Hải Phòng")).containsEntry("projects@2016", n("52"));
    assertThat(values(c, "KOR")).containsEntry("registered_usd@2016", n("1000000000"));
    assertThat(values(c, "SGP")).containsEntry("projects@2016", n("72"));
    assertThat(c.rows(RowClass.SECTION)).isEqualTo(2);
    // The total on top covers each section: the provinces add up, the partner list does not (a
    // partial list).
    assertThat(c.reconciliation())
        .extracting(r -> r.<String>getAs("status"))
        .contains("pass", "warn");
  }

  @Test
  void notesSourcesAndSignaturesAreNotData() {
    CheckJob.FileCheck c = run("notes-and-signature-fdi.xlsx", "quirk-fdi");
    assertThat(c.ok()).as(c.quarantined().toString()).isTrue();
    assertThat(c.rows(RowClass.DATA)).isEqualTo(1);
    assertThat(c.rows(RowClass.NOTE)).isEqualTo(5);
  }

  @Test
  void aHiddenSheetIsSkipped() {
    CheckJob.FileCheck c = run("hidden-sheet-fdi.xlsx", "quirk-fdi");
    assertThat(c.ok()).isTrue();
    assertThat(c.facts()).allSatisfy(f -> assertThat(f.get("sheet")).isEqualTo("FDI 2016"));
  }

  @Test
  void aHiddenScratchColumnIsNotMapped() {
    CheckJob.FileCheck c = run("hidden-scratch-column-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).as("the hidden column would make 'Vốn đăng ký' ambiguous").isNull();
    assertThat(values(c, "JPN")).containsEntry("registered_usd@2016", n("12500000"));
  }

  @Test
  void aHiddenRowIsExcluded() {
    CheckJob.FileCheck c = run("hidden-row-fdi.xlsx", "quirk-fdi");
    assertThat(c.rows(RowClass.HIDDEN)).isEqualTo(1);
    assertThat(c.rows(RowClass.DATA)).isEqualTo(2);
  }

  @Test
  void formulasGiveTheirSavedResults() {
    CheckJob.FileCheck c = run("formula-cached-values-fdi.xlsx", "quirk-fdi");
    assertThat(values(c, "JPN")).containsEntry("registered_usd@2016", n("12500000"));
    assertThat(values(c, "KOR")).containsEntry("disbursed_usd@2016", n("4100000"));
  }

  @Test
  void aFormulaWithoutASavedResultIsAClearError() {
    CheckJob.FileCheck c = run("formula-without-cached-value-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("FORMULA_WITHOUT_VALUE");
    assertThat(c.error()).contains("cell D4").contains("=6.5+6").contains("recalculate");
  }

  @Test
  void aTwoRowHeaderReadAsOneIsToldAboutHeaderRows() {
    CheckJob.FileCheck c = run("merged-two-row-header.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("MISSING_COLUMN");
    assertThat(c.error()).contains("table: {header_rows: 2}");
  }

  @Test
  void aFormulaWithoutASavedResultInAHiddenScratchColumnDoesNotSinkTheFile() {
    CheckJob.FileCheck c = run("formula-without-value-in-hidden-column-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).as(c.error()).isNull();
    assertThat(values(c, "JPN")).containsEntry("registered_usd@2016", n("12500000"));
  }

  @Test
  void aNoteBelowTheTableLongerThanACellHoldsDoesNotSinkTheFile() {
    CheckJob.FileCheck c = run("long-note-below-table-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).as(c.error()).isNull();
    assertThat(values(c, "JPN")).containsEntry("registered_usd@2016", n("12500000"));
    assertThat(c.rows(RowClass.DATA)).isEqualTo(1);
    assertThat(
            c.rows().stream()
                .mapToInt(r -> String.valueOf(r.get(r.fieldIndex("texts"))).length())
                .max()
                .orElse(0))
        .as("the note is kept short in bronze")
        .isLessThan(1000);
  }

  @ParameterizedTest
  @CsvSource({"no-row-numbers-fdi.xlsx, B3, B4", "repeated-row-number-fdi.xlsx, B4, B5"})
  void rowsWithoutOrWithRepeatedNumbersEachKeepTheirOwnCell(
      String file, String japan, String korea) {
    CheckJob.FileCheck c = run(file, "quirk-fdi");
    assertThat(c.errorCode()).as(c.error()).isNull();
    assertThat(c.facts())
        .filteredOn(f -> "registered_usd".equals(f.get("measure")))
        .extracting(f -> f.get("partner_id") + "@" + f.get("cell"))
        .containsExactly("JPN@" + japan, "KOR@" + korea);
  }

  @Test
  void stackedTablesAreEachFoundByTheirHeader() {
    CheckJob.FileCheck c = run("stacked-tables.xlsx", "quirk-stacked");
    assertThat(c.rows(RowClass.DATA)).isEqualTo(4);
    assertThat(c.rows(RowClass.HEADER)).isEqualTo(2);
    assertThat(c.rows().stream().map(r -> r.<Integer>getAs("table_index")).distinct())
        .contains(0, 1);
    assertThat(values(c, "JPN"))
        .containsEntry("registered_usd@2015", n("7600000"))
        .containsEntry("registered_usd@2016", n("12500000"));
  }

  @Test
  void sheetPerYearTakesTheYearFromTheSheetName() {
    CheckJob.FileCheck c = run("sheet-per-year.xlsx", "quirk-sheet-per-year");
    assertThat(values(c, "JPN"))
        .containsEntry("registered_usd@2015", n("7600000"))
        .containsEntry("registered_usd@2016", n("12500000"));
  }

  @Test
  void legacyXlsIsRead() {
    CheckJob.FileCheck c = run("legacy-format-fdi.xls", "quirk-fdi");
    assertThat(c.ok()).as(c.error()).isTrue();
    assertThat(values(c, "JPN")).containsEntry("jobs@2016", n("2310"));
  }

  @Test
  void aRepeatedHeaderAtAPageBreakIsNotData() {
    CheckJob.FileCheck c = run("repeated-header-page-break-fdi.xlsx", "quirk-fdi");
    assertThat(c.ok()).isTrue();
    assertThat(c.rows(RowClass.HEADER)).isEqualTo(2);
    assertThat(c.rows(RowClass.DATA)).isEqualTo(2);
  }

  @Test
  void aMissingRequiredColumnNamesTheColumnAndTheHeaderFound() {
    CheckJob.FileCheck c = run("missing-required-column-fdi.xlsx", "quirk-fdi");
    assertThat(c.errorCode()).isEqualTo("MISSING_COLUMN");
    assertThat(c.error())
        .contains("'partner'")
        .contains("Đối tác")
        .contains("header row 3")
        .contains("Số dự án");
  }

  @Test
  void anUnknownPartnerIsQuarantinedWithSuggestions() {
    CheckJob.FileCheck c = run("unknown-partner-fdi.csv", "quirk-fdi");
    assertThat(c.quarantined()).hasSize(1);
    Row q = c.quarantined().get(0);
    assertThat(q.<String>getAs("reason_code")).isEqualTo("UNKNOWN_PARTNER");
    assertThat(q.<String>getAs("reason"))
        .contains("Campuchiaa")
        .contains("KHM Campuchia")
        .contains("partners.yaml");
  }

  // ---- periods, dates, status, activities ----

  @Test
  void quartersAndHalfYearsAreKeptApart() {
    CheckJob.FileCheck c = run("quarterly-periods.csv", "quirk-periods");
    assertThat(c.ok()).as(c.quarantined().toString()).isTrue();
    assertThat(c.facts())
        .extracting(f -> f.get("period") + "/" + f.get("year") + "/" + f.get("status"))
        .containsExactly("Q1/2016/final", "Q2/2016/final", "H1/2016/final", "Y/2016/preliminary");
  }

  @Test
  void aTitleSayingEstimateMarksTheFigures() {
    CheckJob.FileCheck c = run("preliminary-status-fdi.xlsx", "quirk-status");
    assertThat(c.facts())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("status")).isEqualTo("estimated");
              assertThat(f.get("year")).isEqualTo(2017);
            });
  }

  @Test
  void datesAsCellsTextAndSerialNumbersAllRead() {
    CheckJob.FileCheck c = run("text-dates-and-serials-activities.xlsx", "quirk-activity");
    assertThat(c.facts())
        .extracting(f -> String.valueOf(f.get("date")))
        .containsExactly("2016-03-15", "2016-03-15", "2016-03-15");
    assertThat(c.quarantined())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.<String>getAs("reason_code")).isEqualTo("BAD_DATE");
              assertThat(q.<String>getAs("reason")).contains("31/02/2016");
            });
  }

  @Test
  void aBadDateIsToldTheFormatTheLayoutNames(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path layouts = java.nio.file.Files.createDirectories(dir.resolve("layouts"));
    java.nio.file.Files.writeString(
        layouts.resolve("quirk-activity.yaml"),
        java.nio.file.Files.readString(
                Repo.fixtures().resolve("layouts/quirk-activity.yaml"),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("date_format: dd/MM/yyyy", "date_format: d/M/yyyy"),
        java.nio.charset.StandardCharsets.UTF_8);
    CheckJob.FileCheck c =
        new CheckJob(WarehouseConfig.load(Repo.config(), layouts))
            .check(
                Repo.fixtures().resolve("quirks/text-dates-and-serials-activities.xlsx"),
                "quirk-activity",
                100);
    assertThat(c.quarantined())
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.<String>getAs("reason"))
                    .contains("write it as d/M/yyyy, e.g. 5/3/2016")
                    .doesNotContain("dd/MM/yyyy"));
  }

  @Test
  void dateSerialsExcelCannotShowAreRefusedNotLoadedAsOddYears() {
    CheckJob.FileCheck c = run("impossible-date-serials-activities.xlsx", "quirk-activity");
    assertThat(c.facts())
        .extracting(f -> String.valueOf(f.get("date")))
        .containsExactly("2016-03-15");
    assertThat(c.quarantined())
        .extracting(q -> q.<String>getAs("reason_code") + " " + q.<String>getAs("cell"))
        .containsExactly("BAD_DATE A3", "BAD_DATE A4", "BAD_DATE A5");
  }

  @Test
  void oneActivityWithSeveralPartnersCountsOnceButReachesEachCountry() {
    CheckJob.FileCheck c = run("multi-partner-cell-activities.xlsx", "quirk-activity");
    assertThat(c.facts())
        .extracting(f -> f.get("partner_country"))
        .containsExactly("THA", "IDN", "KOR");
    assertThat(c.facts())
        .extracting(f -> f.get("activity_id"))
        .containsOnly(c.facts().get(0).get("activity_id"));
  }

  @Test
  void aPartnerFromAnotherCountryThanTheRowSaysIsQuarantined() {
    CheckJob.FileCheck c = run("partner-country-mismatch-activities.xlsx", "quirk-activity");
    assertThat(c.quarantined())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.<String>getAs("reason_code")).isEqualTo("PARTNER_COUNTRY_MISMATCH");
              assertThat(q.<String>getAs("reason")).contains("LA-CH").contains("KHM");
            });
  }

  // ---- hostile and broken files: each a clear error for that file ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "truncated-fdi.xlsx:UNREADABLE_FILE",
        "password-protected-fdi.xlsx:ENCRYPTED_WORKBOOK",
        "not-a-spreadsheet-fdi.xlsx:NOT_A_SPREADSHEET",
        "zip-bomb-fdi.xlsx:SUSPICIOUS_ARCHIVE",
        "xml-entity-expansion-fdi.xlsx:HOSTILE_XML",
        "xml-external-entity-fdi.xlsx:HOSTILE_XML",
        "huge-cell-fdi.xlsx:CELL_TOO_LARGE"
      })
  void hostileFilesEndInAClearErrorForThatFile(String fileAndCode) {
    String[] parts = fileAndCode.split(":");
    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long t0 = System.nanoTime();
    CheckJob.FileCheck c = run(parts[0], "quirk-fdi");
    assertThat(c.errorCode()).as(c.error()).isEqualTo(parts[1]);
    assertThat(c.error()).startsWith(parts[0]);
    assertThat(List.of(c.error().split("\n"))).hasSize(1);
    assertThat((System.nanoTime() - t0) / 1_000_000_000).as("seconds").isLessThan(30);
    assertThat(before).isPositive();
  }
}
