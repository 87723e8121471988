package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementsTest {

  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    assertThat(SqlStatements.split("SELECT 'a;b'; -- x; y\nSELECT 2;;"))
        .containsExactly("SELECT 'a;b'", "SELECT 2");
  }

  @Test
  void readsAreAllowedAndWritesAreNot() {
    assertThat(SqlStatements.isReadOnly("SELECT * FROM gold.indicators")).isTrue();
    assertThat(SqlStatements.isReadOnly("describe history gold.indicators")).isTrue();
    assertThat(SqlStatements.isReadOnly("WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
    assertThat(SqlStatements.isReadOnly("DROP TABLE gold.indicators")).isFalse();
    assertThat(SqlStatements.isReadOnly("DELETE FROM silver.fdi")).isFalse();
    assertThat(SqlStatements.isReadOnly("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"))
        .isFalse();
    assertThat(SqlStatements.isReadOnly("SELECT 'INSERT INTO' AS text")).isTrue();
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
