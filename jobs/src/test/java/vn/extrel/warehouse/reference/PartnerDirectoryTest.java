package vn.extrel.warehouse.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.extrel.warehouse.testing.Repo;

class PartnerDirectoryTest {

  static PartnerDirectory partners;

  @BeforeAll
  static void load() {
    partners = Reference.load(Repo.config().resolve("reference"), "reference").partners();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Campuchia|KHM",
        "Cam-pu-chia|KHM",
        "Cambodia|KHM",
        "Hàn Quốc|KOR",
        "Đại Hàn Dân Quốc|KOR",
        "Korea|KOR",
        "Hoa Kỳ|USA",
        "Mỹ|USA",
        "USA|USA",
        "Malaysia|MYS",
        "Đài Loan (Trung Quốc)|TWN",
        "Indonexia|IDN",
        "Xin-ga-po|SGP",
        "Ta Keo|KH-21",
        "Tỉnh Takeo|KH-21",
        "Kandal|KH-8",
        "Tỉnh Champasak|LA-CH",
        "JICA|ORG-JICA",
        "Trung Quốc (Đài Loan)|TWN",
        "Trung Quốc (Hồng Kông)|HKG",
        "Trung Quốc (Ma Cao)|MAC",
        "Anh (Quần đảo Virgin)|VGB",
        "Hoa Kỳ (Samoa thuộc Mỹ)|ASM",
        "Pháp (Polynesia)|PYF",
        "Hàn Quốc (Đại Hàn)|KOR",
        "Vương quốc Thái Lan|THA",
        "Ý|ITA",
        "UK|GBR"
      })
  void namesAsOfficesWriteThemResolve(String written, String id) {
    assertThat(partners.resolve(written)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(id));
  }

  @Test
  void provincesAndOrganisationsBelongToTheirCountry() {
    assertThat(partners.resolve("Takeo").orElseThrow().country()).isEqualTo("KHM");
    assertThat(partners.resolve("Champasak").orElseThrow().country()).isEqualTo("LAO");
    assertThat(partners.resolve("JICA").orElseThrow().country()).isEqualTo("JPN");
  }

  @ParameterizedTest
  @CsvSource({"y", "Y", "a"})
  void aStrayLetterIsNoCountry(String written) {
    assertThat(partners.resolve(written)).isEmpty();
  }

  @Test
  void anUnknownNameGetsTheClosestSuggestions() {
    assertThat(partners.resolve("Campuchiaa")).isEmpty();
    assertThat(partners.suggest("Campuchiaa", 3)).first().asString().startsWith("KHM");
  }
}
