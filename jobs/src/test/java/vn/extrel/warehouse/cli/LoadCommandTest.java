package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.testing.Cli;

/** The options of {@code load} and of the commands that load and then export (parse only). */
class LoadCommandTest {

  @Test
  void onlyTheCommandsThatExportListTheExportsOptions() {
    assertThat(Cli.run("load", "--help").out())
        .contains("--input")
        .doesNotContain("--no-exports")
        .doesNotContain("--exports-dir");
    for (String command : new String[] {"nightly", "schedule"}) {
      assertThat(Cli.run(command, "--help").out())
          .as(command)
          .contains("--input")
          .contains("--no-exports")
          .contains("--exports-dir");
    }
  }

  /** load writes no exports: an exports option is refused in one line, before anything runs. */
  @ParameterizedTest
  @ValueSource(strings = {"--no-exports", "--exports-dir=out"})
  void loadRefusesAnExportsOptionAndSaysWhichCommandsTakeIt(String option, @TempDir Path dir) {
    Path warehouse = dir.resolve("warehouse");
    Cli.Result r =
        Cli.run(
            "load",
            option,
            "--warehouse",
            warehouse.toString(),
            "--input",
            dir.resolve("input").toString());
    String name = option.split("=")[0];
    assertThat(r.code()).isEqualTo(WarehouseCli.DATA_ERROR);
    assertThat(r.err())
        .isEqualTo(
            "error: load has no option "
                + name
                + ": it is an option of nightly, schedule. Drop it, or run one of those"
                + " (see bin/warehouse load --help)\n");
    assertThat(r.out()).isEmpty();
    assertThat(warehouse).doesNotExist();
  }

  @Test
  void anOptionNoCommandHasKeepsPicocliSuggestion() {
    Cli.Result r = Cli.run("nightly", "--no-exportz");
    assertThat(r.code()).isEqualTo(WarehouseCli.DATA_ERROR);
    assertThat(r.err()).contains("Unknown option: '--no-exportz'").contains("--no-exports");
  }
}
