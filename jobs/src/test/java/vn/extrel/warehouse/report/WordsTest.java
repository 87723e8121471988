package vn.extrel.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.export.ExportLocale;

/** How the review writes numbers, ratios and lists, in Vietnamese and English. */
class WordsTest {

  private final Words vi = Words.of(ExportLocale.VI);
  private final Words en = Words.of(ExportLocale.EN);

  @Test
  void vietnameseNumbersAsTheArticleWritesThem() {
    BigDecimal disbursed = new BigDecimal("17250000");
    assertThat(vi.money(disbursed, "USD", Words.Rounding.EXACT)).isEqualTo("17,25 triệu USD");
    assertThat(vi.money(disbursed, "USD", Words.Rounding.OVER)).isEqualTo("trên 17 triệu USD");
    assertThat(vi.money(disbursed, "USD", Words.Rounding.ABOUT)).isEqualTo("khoảng 17 triệu USD");
    assertThat(vi.money(new BigDecimal("17000000"), "USD", Words.Rounding.OVER))
        .isEqualTo("17 triệu USD");
    assertThat(vi.money(new BigDecimal("386141500"), "USD", Words.Rounding.EXACT))
        .isEqualTo("386,14 triệu USD");
    assertThat(vi.money(new BigDecimal("1200000000"), "VND", Words.Rounding.EXACT))
        .isEqualTo("1,2 tỷ đồng");
    assertThat(vi.count(new BigDecimal("6785"), "lao động", false)).isEqualTo("6.785 lao động");
    assertThat(vi.count(new BigDecimal("4"), "biên bản", true)).isEqualTo("04 biên bản");
    assertThat(vi.count(new BigDecimal("12"), "biên bản", true)).isEqualTo("12 biên bản");
    assertThat(vi.multiple(17.25 / 3.92)).isEqualTo("khoảng 4,4 lần");
    assertThat(vi.multiple(4.0)).isEqualTo("4 lần");
    assertThat(vi.percent(1.265)).isEqualTo("26,5%");
    assertThat(vi.trend(0.93)).isEqualTo("giảm");
    assertThat(vi.trend(1.2)).isEqualTo("tăng");
    assertThat(vi.join(List.of("giáo dục", "y tế", "nông nghiệp")))
        .isEqualTo("giáo dục, y tế và nông nghiệp");
    assertThat(vi.join(List.of("Ta Keo"))).isEqualTo("Ta Keo");
    assertThat(vi.provinces(List.of("Ta Keo", "Kandal"), "Campuchia"))
        .isEqualTo("tỉnh Ta Keo, Kandal (Campuchia)");
  }

  @Test
  void englishNumbers() {
    BigDecimal disbursed = new BigDecimal("17250000");
    assertThat(en.money(disbursed, "USD", Words.Rounding.EXACT)).isEqualTo("USD 17.25 million");
    assertThat(en.money(disbursed, "USD", Words.Rounding.OVER)).isEqualTo("over USD 17 million");
    assertThat(en.count(new BigDecimal("6785"), "workers", false)).isEqualTo("6,785 workers");
    assertThat(en.count(new BigDecimal("4"), "agreements", true)).isEqualTo("4 agreements");
    assertThat(en.multiple(17.25 / 3.92)).isEqualTo("about 4.4 times");
    assertThat(en.join(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    assertThat(en.provinces(List.of("Takeo", "Kandal"), "Cambodia"))
        .isEqualTo("the provinces of Takeo and Kandal (Cambodia)");
    assertThat(en.provinces(List.of("Champasak"), "Laos")).isEqualTo("Champasak province (Laos)");
  }
}
