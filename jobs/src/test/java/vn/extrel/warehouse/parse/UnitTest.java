package vn.extrel.warehouse.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

  @ParameterizedTest
  @CsvSource({
    "triệu USD,USD,1000000",
    "Triệu USD,USD,1000000",
    "nghìn USD,USD,1000",
    "ngàn USD,USD,1000",
    "1000 USD,USD,1000",
    "USD,USD,1",
    "million USD,USD,1000000",
    "mUSD,USD,1000000",
    "tỷ USD,USD,1000000000",
    "tỷ đồng,VND,1000000000",
    "triệu đồng,VND,1000000",
    "người,person,1",
    "dự án,project,1",
    "nghìn tấn,tonne,1000",
    "%,percent,1"
  })
  void writtenUnitsReduceToABaseAndAMultiplier(String written, String base, long multiplier) {
    Unit u = Unit.parse(written);
    assertThat(u).isNotNull();
    assertThat(u.base()).isEqualTo(base);
    assertThat(u.multiplier()).isEqualByComparingTo(String.valueOf(multiplier));
  }

  @Test
  void theUnitInAHeaderIsTheOneInParentheses() {
    assertThat(Unit.fromHeader("Vốn đăng ký (triệu USD)").multiplier())
        .isEqualByComparingTo("1000000");
    assertThat(Unit.fromHeader("Số vốn đăng ký / (Triệu USD)").base()).isEqualTo(Unit.USD);
    assertThat(Unit.fromHeader("Đối tác (quốc gia, vùng lãnh thổ)")).isNull();
    assertThat(Unit.fromHeader("Vốn đăng ký")).isNull();
  }

  @Test
  void unitLinesAreRecognisedInTheirUsualForms() {
    assertThat(Unit.fromUnitLine("Đơn vị tính: Triệu USD").multiplier())
        .isEqualByComparingTo("1000000");
    assertThat(Unit.fromUnitLine("ĐVT: nghìn USD").multiplier()).isEqualByComparingTo("1000");
    assertThat(Unit.fromUnitLine("Don vi tinh: trieu USD").base()).isEqualTo(Unit.USD);
    assertThat(Unit.isUnitLine("Đơn vị tính: lượt khách")).isTrue();
    assertThat(Unit.fromUnitLine("Tổng cộng")).isNull();
  }

  @Test
  void unknownWordsAreNotUnits() {
    assertThat(Unit.parse("quốc gia")).isNull();
    assertThat(Unit.parse("")).isNull();
  }
}
