package vn.extrel.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * A comparison with the year before is printed only when it means something: a missing base year, a
 * zero base, a change of unit or of status between the years make the sentence say so instead.
 */
class GuardsTest {

  private static final String SENTENCE =
      "Năm ${year} giải ngân ${money(figure(\"fdi_disbursed_usd\"))},"
          + " ${change(figure(\"fdi_disbursed_usd\"))}; ratio ${ratio(figure(\"fdi_disbursed_usd\"))}.";

  private static final Set<String> USD = Set.of("USD");

  @TempDir Path dir;

  private String vi(TemplateBench bench) {
    return bench.render(ExportLocale.VI, SENTENCE);
  }

  private String en(TemplateBench bench) {
    return bench.render(ExportLocale.EN, SENTENCE);
  }

  private TemplateBench bench(
      String prev, String prevStatus, boolean baseYear, Set<String> prevUnits, String status) {
    return new TemplateBench(dir)
        .figure(
            "fdi_disbursed_usd",
            "17250000",
            status,
            prev,
            prevStatus,
            baseYear,
            USD,
            prevUnits,
            List.of());
  }

  @Test
  void comparableYearsPrintTheRatio() {
    TemplateBench b = bench("3920000", "final", true, USD, "final");
    assertThat(vi(b))
        .isEqualTo(
            "Năm 2016 giải ngân 17,25 triệu USD, tăng khoảng 4,4 lần so năm 2015; ratio khoảng 4,4 lần.");
    assertThat(en(b))
        .isEqualTo(
            "Năm 2016 giải ngân USD 17.25 million, about 4.4 times the 2015 figure; ratio about 4.4 times.");
    assertThat(vi(bench("18550000", "final", true, USD, "final"))).contains("giảm 7% so năm 2015");
  }

  @Test
  void aMissingBaseYearSaysThereIsNothingToCompareWith() {
    // The indicator has no figure at all for 2015: no ratio, no "tăng".
    TemplateBench b = bench(null, null, false, Set.of(), "final");
    assertThat(vi(b))
        .isEqualTo(
            "Năm 2016 giải ngân 17,25 triệu USD, chưa có số liệu năm 2015 để so sánh; ratio chưa có"
                + " số liệu năm 2015 để so sánh.")
        .doesNotContain("lần", "tăng");
    assertThat(en(b)).contains("with no 2015 figure to compare with").doesNotContain("times");
  }

  @Test
  void aZeroBaseIsNotDividedBy() {
    TemplateBench b = bench("0", "final", true, USD, "final");
    assertThat(vi(b))
        .contains("17,25 triệu USD, trong khi năm 2015 chưa có (bằng 0);")
        .doesNotContain("lần", "Infinity", "NaN");
    assertThat(en(b)).contains("against none (zero) in 2015").doesNotContain("times");
    // A member absent from a year that has figures is a zero too, not a missing year.
    assertThat(vi(bench(null, null, true, Set.of(), "final")))
        .contains("trong khi năm 2015 chưa có (bằng 0)");
  }

  @Test
  void aUnitChangeDropsTheComparison() {
    TemplateBench b = bench("85000000000", "final", true, Set.of("VND"), "final");
    assertThat(vi(b))
        .contains(
            "không so sánh được với năm 2015 vì khác đơn vị tính (năm 2015: VND; năm 2016: USD)")
        .doesNotContain("lần", "tăng", "giảm");
    assertThat(en(b))
        .contains(
            "not comparable with 2015, whose source cells are in another unit (2015: VND; 2016: USD)");
  }

  @Test
  void aMixedStatusSaysWhichYearIsPreliminary() {
    TemplateBench b = bench("3920000", "final", true, USD, "preliminary");
    assertThat(vi(b))
        .contains("17,25 triệu USD (số liệu sơ bộ)")
        .contains(
            "tăng khoảng 4,4 lần so năm 2015 (số liệu năm 2016 là số liệu sơ bộ, năm 2015 là số liệu"
                + " chính thức);");
    assertThat(en(b)).contains("USD 17.25 million (preliminary)").contains("2015's final");
    assertThat(vi(bench("3920000", "estimated", true, USD, "estimated")))
        .contains("(số liệu ước tính)")
        .contains("tăng khoảng 4,4 lần so năm 2015");
  }

  @Test
  void aRestatedFigureNamesThePublicationUsed() {
    List<Figure.Vintage> vintages =
        List.of(
            new Figure.Vintage(
                "fdi/Bao-cao-so-bo-2016.xlsx",
                LocalDate.of(2016, 12, 20),
                null,
                new BigDecimal("16900000"),
                "preliminary",
                false),
            new Figure.Vintage(
                "fdi/Bao-cao-FDI-2016.xlsx",
                LocalDate.of(2017, 3, 31),
                null,
                new BigDecimal("17250000"),
                "final",
                true));
    TemplateBench b =
        new TemplateBench(dir)
            .figure(
                "fdi_disbursed_usd",
                "17250000",
                "final",
                "3920000",
                "final",
                true,
                USD,
                USD,
                vintages);
    b.render(ExportLocale.VI, SENTENCE);
    Figure f = b.citations.figure(1);
    // The bench's figure names its own current publication; the vintages name the others.
    String note =
        new LineageText(
                ExportLocale.VI,
                new Names(TemplateBench.CONFIG.reference(), b.report(SENTENCE), ExportLocale.VI),
                java.util.Map.of())
            .publication(f);
    assertThat(note)
        .startsWith(
            "Chuỗi số liệu đã được điều chỉnh: dùng số liệu của báo cáo fdi/Bao-cao-2016.xlsx")
        .contains("các báo cáo khác ghi 16.900.000 (fdi/Bao-cao-so-bo-2016.xlsx, 20/12/2016)");
    assertThat(f.isRestated()).isTrue();
  }
}
