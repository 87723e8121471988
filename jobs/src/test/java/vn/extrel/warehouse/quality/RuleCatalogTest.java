package vn.extrel.warehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.yaml.ConfigException;

/**
 * The rules of config/rules are read into typed checks and actions, and a mistyped word is refused.
 */
class RuleCatalogTest {

  static RuleCatalog load(Path dir, String yaml) throws IOException {
    Files.writeString(dir.resolve("mine.yaml"), yaml, StandardCharsets.UTF_8);
    return RuleCatalog.load(dir, "config/rules");
  }

  @Test
  void theWordsOfTheYamlBecomeTypedChecksAndActions(@TempDir Path dir) throws IOException {
    RuleCatalog c =
        load(
            dir,
            """
            rules:
              - id: flow_known
                table: trade
                check: accepted_values
                column: flow
                values: [export, import]
                action: quarantine
              - id: yoy_sane
                check: yoy
                checks: [ratio_band, mixed_status]
                ratio_between: [0.1, 10]
            """);
    assertThat(c.ofCheck(RuleCheck.ACCEPTED_VALUES))
        .singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo(RuleAction.QUARANTINE));
    assertThat(c.ofKind(Rule.Yoy.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).as("the default action").isEqualTo(RuleAction.WARN);
              assertThat(r.checks()).containsExactly(YoyCheck.RATIO_BAND, YoyCheck.MIXED_STATUS);
            });
  }

  @Test
  void aMistypedCheckNamesTheFileTheLineAndTheWordsThereAre(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
                    rules:
                      - id: flow_known
                        table: trade
                        check: acepted_values
                        column: flow
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config/rules/mine.yaml")
        .hasMessageContaining("mine.yaml:4:")
        .hasMessageContaining("unknown check 'acepted_values'")
        .hasMessageContaining("accepted_values")
        .hasMessageContaining("not_null");
  }

  @Test
  void aMistypedActionOrYoyCheckIsRefusedToo(@TempDir Path dir) {
    assertThatThrownBy(() -> load(dir, "rules:\n  - id: a\n    check: yoy\n    action: stop\n"))
        .hasMessageContaining("unknown action 'stop'")
        .hasMessageContaining("[warn, quarantine, fail]");
    assertThatThrownBy(
            () -> load(dir, "rules:\n  - id: a\n    check: yoy\n    checks: [ratio_bnd]\n"))
        .hasMessageContaining("unknown check 'ratio_bnd'")
        .hasMessageContaining("ratio_band");
  }
}
