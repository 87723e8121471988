package vn.extrel.warehouse.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.yaml.ConfigException;
import vn.extrel.warehouse.yaml.YamlDocument;

class LayoutLoaderTest {

  static Reference reference;

  @BeforeAll
  static void load() {
    reference = Reference.load(Repo.config().resolve("reference"), "reference");
  }

  private static Layout parse(String yaml) {
    return LayoutLoader.load(YamlDocument.parse(yaml, "layouts/test.yaml"), reference);
  }

  private static final String GOOD =
      """
      id: test
      target: fdi
      dataset: test_fdi
      match: {files: ["*.xlsx"]}
      period: {year: {value: "2016"}}
      columns:
        partner:
          aliases: [Đối tác]
        registered_usd:
          aliases: [Vốn đăng ký]
      """;

  @Test
  void theShippedConfigurationIsValid() {
    WarehouseConfig config = WarehouseConfig.load(Repo.config());
    assertThat(config.layouts()).isNotEmpty();
    assertThat(config.indicators().indicators())
        .extracting(d -> d.id())
        .contains("fdi_disbursed_usd", "activity_count");
  }

  @Test
  void aValidLayoutLoads() {
    Layout l = parse(GOOD);
    assertThat(l.columns()).containsKeys("partner", "registered_usd");
    assertThat(l.number().locale()).isEqualTo("vi");
    assertThat(l.table().headerRows()).isEqualTo(1);
  }

  @Test
  void aMisspelledKeyNamesTheLineAndTheKnownKeys() {
    String yaml = GOOD.replace("  registered_usd:\n    aliases:", "  registered_usd:\n    alias:");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("layouts/test.yaml:10")
        .hasMessageContaining("unknown key 'alias'")
        .hasMessageContaining("aliases");
  }

  @Test
  void anUnknownFieldNamesTheTargetsFields() {
    String yaml = GOOD.replace("  registered_usd:", "  registred_usd:");
    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("layouts/test.yaml:9")
        .hasMessageContaining("'registred_usd' is not a field or measure of silver.fdi")
        .hasMessageContaining("registered_usd");
  }

  @Test
  void aBadRegexSaysWhatIsWrong() {
    String yaml =
        GOOD.replace("period: {year: {value: \"2016\"}}", "period: {year: {title: 'năm (\\d{4}'}}");
    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("layouts/test.yaml:5")
        .hasMessageContaining("regular expression");
  }

  @Test
  void aLayoutWithoutAnyYearIsRefused() {
    String yaml = GOOD.replace("period: {year: {value: \"2016\"}}\n", "");
    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("nothing gives the year")
        .hasMessageContaining("Fix:");
  }

  @Test
  void brokenYamlPointsAtTheLine() {
    assertThatThrownBy(() -> parse("id: x\ncolumns:\n  a: [1, 2\n  b: 3\n"))
        .hasMessageContaining("layouts/test.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void anUnknownUnitIsRefused() {
    String yaml =
        GOOD.replace("aliases: [Vốn đăng ký]", "aliases: [Vốn đăng ký]\n    unit: triệu đô la Úc");
    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("unknown unit");
  }
}
