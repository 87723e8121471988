package vn.extrel.warehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderMatcherTest {

  @Test
  void aliasesMatchIgnoringCaseAccentsSpacingAndUnits() {
    List<String> aliases = List.of("Vốn đăng ký");
    assertThat(HeaderMatcher.matches("Vốn đăng ký (triệu USD)", aliases)).isTrue();
    assertThat(HeaderMatcher.matches("VON DANG KY", aliases)).isTrue();
    assertThat(HeaderMatcher.matches("Vốn  đăng\nký", aliases)).isTrue();
    assertThat(
            HeaderMatcher.matches(
                Normalizer.normalize("Vốn đăng ký", Normalizer.Form.NFD), aliases))
        .isTrue();
    assertThat(HeaderMatcher.matches("Vốn đăng ký điều chỉnh", aliases)).isFalse();
  }

  @Test
  void aPathMatchesByAnyOfItsSegments() {
    assertThat(HeaderMatcher.matches("Năm 2016 / Vốn thực hiện", List.of("Vốn thực hiện")))
        .isTrue();
    assertThat(HeaderMatcher.matches("Số vốn đăng ký / (Triệu USD)", List.of("Số vốn đăng ký")))
        .isTrue();
  }

  @Test
  void yearColumnsAreFoundByTheYearTheyName() {
    assertThat(HeaderMatcher.yearColumn("2016", List.of())).isEqualTo("2016");
    assertThat(HeaderMatcher.yearColumn("Năm 2016", List.of())).isEqualTo("2016");
    assertThat(HeaderMatcher.yearColumn("Năm 2016 / Vốn thực hiện", List.of("Vốn thực hiện")))
        .isEqualTo("2016");
    assertThat(HeaderMatcher.yearColumn("Năm 2016 / Vốn đăng ký", List.of("Vốn thực hiện")))
        .isNull();
    assertThat(HeaderMatcher.yearColumn("Năm 2016 so với năm 2015 (%)", List.of())).isNull();
    assertThat(HeaderMatcher.yearColumn("Country Name", List.of())).isNull();
  }

  @Test
  void aYearInTheSameHeaderTextAsTheMeasureNamesTheYearColumn() {
    List<String> jobs = List.of("Lao động", "Số lao động");
    assertThat(HeaderMatcher.yearColumn("Lao động 2016", jobs)).isEqualTo("2016");
    assertThat(HeaderMatcher.yearColumn("Lao động năm 2016 (người)", jobs)).isEqualTo("2016");
    assertThat(HeaderMatcher.yearColumn("2017 Số lao động", jobs)).isEqualTo("2017");
    assertThat(HeaderMatcher.yearColumn("Vốn đăng ký 2016", jobs)).isNull();
    assertThat(HeaderMatcher.yearColumn("Lao động", jobs)).isNull();
  }

  @Test
  void headerPathsDropRepeatsFromVerticalMerges() {
    assertThat(HeaderMatcher.path(java.util.Arrays.asList("Tỉnh", "Tỉnh", null))).isEqualTo("Tỉnh");
    assertThat(HeaderMatcher.path(java.util.Arrays.asList("Năm 2016", "Vốn\nthực hiện")))
        .isEqualTo("Năm 2016 / Vốn thực hiện");
  }
}
