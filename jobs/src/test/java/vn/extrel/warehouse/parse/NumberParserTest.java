package vn.extrel.warehouse.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberParserTest {

  private static ParsedNumber vi(String s, boolean integer) {
    return NumberParser.parseText(s, NumberLocale.VI, integer, NumberParser.Ambiguity.QUARANTINE);
  }

  private static ParsedNumber en(String s) {
    return NumberParser.parseText(s, NumberLocale.EN, false, NumberParser.Ambiguity.QUARANTINE);
  }

  @Test
  void vietnameseDotGroupsThousandsInACount() {
    assertThat(vi("6.785", true).value()).isEqualByComparingTo("6785");
  }

  @Test
  void vietnameseCommaMarksDecimals() {
    assertThat(vi("4,4", false).value()).isEqualByComparingTo("4.4");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.234.567,89|1234567.89",
        "98.450,5|98450.5",
        "6 785|6785",
        "0,02|0.02",
        "-12,5|-12.5",
        "(28,99)|-28.99",
        "12,5%|12.5"
      })
  void vietnameseForms(String text, String expected) {
    assertThat(vi(text, false).value()).isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' 1,342.30 '|1342.30",
        "' 57.92   '|57.92",
        "(28.99)|-28.99",
        "1.5E7|15000000",
        "67.2|67.2"
      })
  void englishAndAccountingForms(String text, String expected) {
    assertThat(en(text).value()).isEqualByComparingTo(expected);
  }

  @Test
  void aLoneDashIsZeroInAccountingFormat() {
    ParsedNumber n = en(" -   ");
    assertThat(n.value()).isEqualByComparingTo("0");
    assertThat(n.rule()).isEqualTo("accounting-dash-zero");
  }

  @Test
  void aDotGroupInADecimalColumnIsRefusedNotGuessed() {
    ParsedNumber n = vi("6.785", false);
    assertThat(n.failed()).isTrue();
    assertThat(n.reason()).isEqualTo(Reasons.AMBIGUOUS_NUMBER);
    assertThat(n.message()).contains("6785").contains("6.785").contains("ambiguous: thousands");
  }

  @Test
  void theColumnCanDeclareThatDotsGroupThousands() {
    ParsedNumber n =
        NumberParser.parseText("6.785", NumberLocale.VI, false, NumberParser.Ambiguity.THOUSANDS);
    assertThat(n.value()).isEqualByComparingTo("6785");
  }

  @Test
  void anEnglishDecimalInAVietnameseColumnSaysWhichLocaleReadsIt() {
    ParsedNumber n = vi("67.2", false);
    assertThat(n.reason()).isEqualTo(Reasons.NOT_A_NUMBER);
    assertThat(n.message()).contains("locale: en");
  }

  @Test
  void wordsAreNotNumbers() {
    ParsedNumber n = vi("đang cập nhật", false);
    assertThat(n.reason()).isEqualTo(Reasons.NOT_A_NUMBER);
    assertThat(n.message()).contains("'đang cập nhật'").contains("locale vi");
  }

  @Test
  void emptyIsMissingNotZero() {
    assertThat(vi("   ", false).isEmpty()).isTrue();
    assertThat(vi(null, false).isEmpty()).isTrue();
  }

  @Test
  void storedNumbersIgnoreTheLocale() {
    // A stored double reads as the 15 significant digits Excel holds and shows (and openpyxl
    // reads): the binary noise after them is not part of the figure.
    assertThat(NumberParser.parseStored("2464.3229809999998").value())
        .isEqualByComparingTo("2464.322981");
    assertThat(NumberParser.parseStored("263451.21406799997").value())
        .isEqualByComparingTo("263451.214068");
    assertThat(NumberParser.parseStored("12345678901234567890").value())
        .isEqualByComparingTo("12345678901234600000");
    assertThat(NumberParser.parseStored("1.5E-3").value()).isEqualByComparingTo("0.0015");
    assertThat(NumberParser.parseStored("12,5").failed()).isTrue();
  }

  @Test
  void countsMustBeWhole() {
    assertThat(NumberParser.requireInteger(NumberParser.parseStored("52.0"), "52.0").value())
        .isEqualByComparingTo("52");
    assertThat(
            NumberParser.requireInteger(NumberParser.parseStored("2309.9999999999995"), "x")
                .value())
        .isEqualByComparingTo("2310");
    assertThat(NumberParser.requireInteger(vi("2,5", false), "2,5").reason())
        .isEqualTo(Reasons.NOT_AN_INTEGER);
  }
}
