package vn.extrel.warehouse.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Năm 2016|2016|Y",
        "Quý I/2016|2016|Q1",
        "Quý IV năm 2015|2015|Q4",
        "6 tháng đầu năm 2016|2016|H1",
        "6 tháng cuối năm 2016|2016|H2",
        "9 tháng năm 2017|2017|9M",
        "Tháng 3/2016|2016|M03",
        "BÁO CÁO TÌNH HÌNH FDI NĂM 2016|2016|Y"
      })
  void periodsAsReportsWriteThem(String text, int year, String period) {
    Periods.Found f = Periods.find(text);
    assertThat(f.year()).isEqualTo(year);
    assertThat(f.period()).isEqualTo(period);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Ước tính năm 2017|estimated",
        "Số liệu sơ bộ|preliminary",
        "Số liệu chính thức năm 2016|final"
      })
  void statusWords(String text, String status) {
    assertThat(Periods.find(text).status()).isEqualTo(status);
  }
}
