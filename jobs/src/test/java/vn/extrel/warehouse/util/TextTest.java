package vn.extrel.warehouse.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void composedTextIsKeptAsItIsAndCombiningMarksAreComposed() {
    String vietnamese = "Công ty TNHH Giày da Tân Châu; Hàn Quốc; 80.729,4 nghìn USD";
    assertThat(Text.nfc(vietnamese)).isSameAs(vietnamese);
    assertThat(Text.nfc("A\u030Angstro\u0308m")).isEqualTo("\u00C5ngstr\u00F6m");
    assertThat(Text.nfc("Vie\u0323\u0302t Nam")).isEqualTo("Việt Nam");
  }

  @Test
  void decomposedAndComposedVietnameseFoldToTheSameKey() {
    String nfc = "Vốn đăng ký";
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo(nfc);
    assertThat(Text.fold(nfd)).isEqualTo(Text.fold(nfc)).isEqualTo("vondangky");
    assertThat(Text.nfc(nfd)).isEqualTo(nfc);
  }

  @Test
  void spellingVariantsOfOneNameFoldTogether() {
    assertThat(Text.fold("Cam-pu-chia"))
        .isEqualTo(Text.fold("CAMPUCHIA"))
        .isEqualTo(Text.fold("Cam pu chia"));
    assertThat(Text.fold("Vốn ĐK")).isEqualTo("vondk");
  }

  @Test
  void squishCollapsesEveryKindOfSpace() {
    assertThat(Text.squish("  Vốn đăng ký\n(triệu USD)\u00A0 "))
        .isEqualTo("Vốn đăng ký (triệu USD)");
  }

  @Test
  void cellReferences() {
    assertThat(CellRef.of(0, 1)).isEqualTo("A1");
    assertThat(CellRef.of(27, 12)).isEqualTo("AB12");
    assertThat(CellRef.columnIndex("AB")).isEqualTo(27);
    assertThat(CellRef.parse("D15")).containsExactly(3, 15);
    assertThat(CellRef.parse("15")).isNull();
  }
}
