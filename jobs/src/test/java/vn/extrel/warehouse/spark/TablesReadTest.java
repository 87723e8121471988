package vn.extrel.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a one-shot {@code sql -e} binds: the tables its statements read, the views among them and
 * what those read; every name when a statement is anything but a plain query.
 */
class TablesReadTest {

  static Optional<Set<String>> read(String... statements) {
    return PlanAccess.tablesRead(
        List.of(statements),
        Map.of(
            "fdi_by_partner",
            "SELECT * FROM silver.fdi JOIN silver.partner USING (partner_code)",
            "wide",
            "SELECT * FROM gold.fdi_by_partner"));
  }

  @Test
  void aQueryBindsWhatItReadsInJoinsSubqueriesAndCtes() {
    assertThat(read("SELECT value FROM gold.indicators WHERE year = 2016"))
        .hasValue(Set.of("gold.indicators"));
    assertThat(
            read(
                "WITH t AS (SELECT * FROM silver.trade) SELECT * FROM t JOIN Gold.Indicators i"
                    + " ON true WHERE i.year IN (SELECT year FROM ops.load_runs)",
                "SELECT count(*) FROM spark_catalog.silver.fdi"))
        .hasValue(Set.of("silver.trade", "gold.indicators", "ops.load_runs", "silver.fdi"));
    assertThat(read("SELECT 1")).hasValue(Set.of());
  }

  @Test
  void aViewBindsWhatItReadsInTurn() {
    assertThat(read("SELECT count(*) FROM gold.wide"))
        .hasValue(Set.of("gold.wide", "gold.fdi_by_partner", "silver.fdi", "silver.partner"));
  }

  @Test
  void anythingButAPlainQueryBindsEveryName() {
    assertThat(read("SHOW TABLES IN gold")).isEmpty();
    assertThat(read("DESCRIBE gold.indicators")).isEmpty();
    assertThat(read("USE gold", "SELECT * FROM indicators")).isEmpty();
    assertThat(read("SELECT * FROM gold.indicators VERSION AS OF 1")).isEmpty();
    assertThat(read("SELEC 1")).as("does not parse: Spark says so").isEmpty();
  }

  /**
   * A name only analysis tells: no table found here, so the command's first try finds none, and it
   * binds every name and runs the statement again (CliProcessIT runs one in a new process).
   */
  @Test
  void aNameOnlyAnalysisTellsIsNotSeen() {
    assertThat(read("SELECT count(*) FROM IDENTIFIER('gold.' || 'indicators')")).hasValue(Set.of());
  }
}
