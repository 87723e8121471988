package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;

/**
 * {@code warehouse sql} against the sample warehouse, in-process (the process-level test is
 * CliProcessIT).
 */
class SqlCommandTest {

  static Warehouse warehouse;

  @BeforeAll
  static void load() {
    warehouse = SampleWarehouse.get();
  }

  static Cli.Result sql(String... args) {
    return sqlOn(warehouse.root(), args);
  }

  static Cli.Result sqlOn(String root, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "sql";
    all[1] = "--warehouse";
    all[2] = root;
    all[3] = "--config";
    all[4] = Repo.config().toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  @Test
  void aQueryThatFailsWhileItRunsIsOneLineAndADataError() {
    Cli.Result r = sql("-e", "SELECT element_at(array(), cast(id AS int) + 1) FROM range(3)");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("error: the query failed: [INVALID_ARRAY_INDEX")
        .doesNotContain("internal error");
  }

  @Test
  void theHeadlineQueryPrintsValueAndRatioAsCsv() {
    Cli.Result r =
        sql(
            "-e",
            "SELECT value, round(yoy_ratio,1) FROM gold.indicators WHERE indicator='fdi_disbursed_usd' AND year=2016"
                + " AND dimension='total'",
            "--format",
            "csv");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("value,\"round(yoy_ratio, 1)\"\n17250000,4.4\n");
  }

  @Test
  void tablesAreRealDeltaTablesWithHistoryAndTimeTravel() {
    Cli.Result r =
        sql(
            "-e",
            "DESCRIBE HISTORY gold.indicators; SELECT count(*) AS n FROM gold.indicators VERSION AS OF 0;"
                + " SELECT count(*) AS n FROM gold.indicators",
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("WRITE")
        .contains("\"\"run_id\"\"")
        .contains("\"\"step\"\":\"\"gold\"\"");
    // The first version of the table is the first load's result, readable as of then.
    assertThat(r.out()).endsWith("n\n327\n\nn\n327\n");
  }

  @Test
  void aWarehouseNotLoadedYetAnswersQueriesAndSaysWhichTableIsMissing(@TempDir Path empty) {
    String root = empty.resolve("warehouse").toString();
    Cli.Result r = sqlOn(root, "-e", "SELECT 1 AS one", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("one\n1\n");
    Cli.Result missing = sqlOn(root, "-e", "SELECT count(*) FROM gold.indicators");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("gold`.`indicators").contains("cannot be found");
  }

  @Test
  void aStatementThatChangesTablesIsRefusedWithoutAllowWrite() {
    Cli.Result r = sql("-e", "DROP TABLE gold.indicators");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("refused").contains("--allow-write");
    assertThat(sql("-e", "SELECT count(*) FROM gold.indicators", "--format", "csv").code())
        .isZero();
  }

  @Test
  void aMistypedTableIsAOneLineDataError() {
    Cli.Result r = sql("-e", "SELECT * FROM gold.indicatorz");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().trim().lines()).hasSize(1);
    assertThat(r.err()).contains("gold").contains("indicatorz").doesNotContain("at org.apache");
  }

  @Test
  void viewsAndJsonOutput() {
    Cli.Result r =
        sql(
            "-e",
            "SELECT year, value FROM gold.fdi_yoy WHERE indicator = 'fdi_jobs' AND year = 2016",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("{\"year\":2016,\"value\":6785}");
  }
}
