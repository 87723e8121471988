package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.spark.Refusals;

class SqlStatementsTest {

  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    assertThat(SqlStatements.split("SELECT 'a;b'; -- x; y\nSELECT 2;;"))
        .containsExactly("SELECT 'a;b'", "SELECT 2");
  }

  static boolean readOnly(String sql) {
    try {
      SqlRunner.checkWrites(java.util.List.of(sql), false);
      return true;
    } catch (Refusals.Refused e) {
      return false;
    }
  }

  @Test
  void theEarlyCheckDecidesWithSparksParserNotTheWords() {
    assertThat(readOnly("SELECT * FROM gold.indicators")).isTrue();
    assertThat(readOnly("describe history gold.indicators")).isTrue();
    assertThat(readOnly("WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
    assertThat(readOnly("SELECT 'INSERT INTO' AS text, \"it's\" AS quote")).isTrue();
    assertThat(readOnly("SELECT 1 AS insert")).as("a keyword as a name").isTrue();
    assertThat(readOnly("DROP TABLE gold.indicators")).isFalse();
    assertThat(readOnly("DELETE FROM silver.fdi")).isFalse();
    assertThat(readOnly("WITH x AS (SELECT 1)INSERT/**/INTO t SELECT * FROM x")).isFalse();
    assertThat(readOnly("WITH a AS (SELECT \"it's\") INSERT INTO t SELECT 1 WHERE 'x'='x'"))
        .isFalse();
    assertThat(readOnly("SELECT java_method('java.lang.System','getenv','HOME')")).isFalse();
    assertThat(readOnly("SELEC nonsense")).as("Spark reports what does not parse").isTrue();
  }

  @Test
  void theShellWaitsForTheSemicolonThatEndsAStatement() {
    assertThat(SqlStatements.isComplete("SELECT 1")).isFalse();
    assertThat(SqlStatements.isComplete("SELECT 1\nFROM t;")).isTrue();
    assertThat(SqlStatements.isComplete("SELECT 1; -- done")).isTrue();
    assertThat(SqlStatements.isComplete("SELECT 'a;")).as("open quote").isFalse();
    assertThat(SqlStatements.isComplete("SELECT 'a;'")).isFalse();
    assertThat(SqlStatements.isComplete("SELECT 'it''s';")).isTrue();
  }
}
