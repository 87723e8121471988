package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * {@code warehouse sql} without {@code --allow-write} is read-only, whatever the statement looks
 * like: the forms that got through the old keyword check (issue 25), plainer ones, and variants of
 * each (casing, comments, CTEs, FROM-first inserts, directories, functions, settings, Java calls,
 * scripts, files and standard input), on a copy of the sample warehouse whose tables and files are
 * compared before and after.
 */
class ReadOnlySqlTest {

  @TempDir static Path dir;
  static Warehouse copy;

  @BeforeAll
  static void copySample() {
    Warehouse sample = SampleWarehouse.get();
    copy =
        Warehouse.at(ConfigCopy.copyTree(sample.localDir(), dir.resolve("warehouse")).toString());
  }

  /** Each refused on its own; {@code <w>} is the warehouse folder, {@code <d>} a scratch one. */
  static final List<String> REFUSED =
      List.of(
          // The statements of the issue.
          "WITH a AS (SELECT 1)INSERT INTO gold.indicators SELECT * FROM gold.indicators",
          "WITH a AS (SELECT 1) INSERT/**/INTO silver.fdi SELECT * FROM silver.fdi",
          "WITH a AS (SELECT \"it's\") INSERT INTO silver.trade SELECT * FROM silver.trade"
              + " WHERE 'x'='x'",
          "WITH a AS (SELECT 1)INSERT/**/OVERWRITE/**/TABLE gold.indicators SELECT * FROM"
              + " gold.indicators WHERE false",
          "FROM (SELECT 1 AS a) INSERT/**/OVERWRITE/**/DIRECTORY '<w>/ops' USING parquet SELECT *",
          "FROM (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '<d>/csv' USING csv SELECT *",
          "SELECT reflect('java.lang.System','exit',0)",
          "SELECT java_method('java.lang.System','getenv','HOME')",
          "INSERT INTO gold.indicators SELECT * FROM gold.indicators",
          "DELETE FROM silver.fdi WHERE year = 2016",
          "CREATE TABLE gold.copy AS SELECT * FROM gold.indicators",
          "DROP TABLE gold.indicators",
          // Casing and comments.
          "insert into gold.indicators select * from gold.indicators",
          "InSeRt InTo gold.indicators SeLeCt * FrOm gold.indicators",
          "/* a note */ INSERT INTO gold.indicators SELECT * FROM gold.indicators",
          "-- a note\nDELETE FROM silver.fdi",
          "SELECT REFLECT('java.lang.System','exit',0)",
          // CTEs and FROM-first inserts.
          "WITH a AS (SELECT 1), b AS (SELECT 2) INSERT INTO gold.indicators SELECT * FROM"
              + " gold.indicators",
          "FROM gold.indicators INSERT INTO gold.indicators SELECT *",
          "FROM gold.indicators i INSERT OVERWRITE TABLE gold.indicators SELECT * WHERE false",
          "(WITH a AS (SELECT 1) SELECT reflect('java.lang.System','exit',0))",
          "WITH x AS (SELECT reflect('java.lang.System','exit',0) AS r) SELECT * FROM x",
          // Directories, with and without LOCAL, Spark and Hive formats.
          "INSERT OVERWRITE LOCAL DIRECTORY '<d>/local' USING parquet SELECT 1",
          "INSERT OVERWRITE LOCAL DIRECTORY '<d>/hive' STORED AS TEXTFILE SELECT 1",
          "INSERT OVERWRITE DIRECTORY '<d>/json' USING json SELECT * FROM gold.indicators",
          "INSERT OVERWRITE DIRECTORY USING parquet OPTIONS (path '<w>/gold') SELECT 1",
          // Other writes, by name and by path.
          "INSERT INTO gold.indicators REPLACE WHERE year = 2016 SELECT * FROM gold.indicators"
              + " WHERE year = 2016",
          "INSERT INTO delta.`<w>/gold/indicators` SELECT * FROM gold.indicators",
          "UPDATE silver.fdi SET value = 0",
          "MERGE INTO silver.fdi t USING silver.fdi s ON false WHEN NOT MATCHED THEN INSERT *",
          "TRUNCATE TABLE gold.indicators",
          "RESTORE TABLE gold.indicators TO VERSION AS OF 0",
          "VACUUM gold.indicators RETAIN 0 HOURS",
          "OPTIMIZE gold.indicators",
          "CONVERT TO DELTA parquet.`<d>/parquet`",
          "GENERATE symlink_format_manifest FOR TABLE gold.indicators",
          // The catalog.
          "CREATE TABLE gold.empty (a INT) USING delta LOCATION '<w>/gold/empty'",
          "CREATE TABLE gold.clone SHALLOW CLONE gold.indicators",
          "CREATE OR REPLACE VIEW gold.fdi_yoy AS SELECT 1 AS x",
          "CREATE GLOBAL TEMP VIEW everyone AS SELECT 1",
          "CREATE TEMP VIEW v AS SELECT reflect('java.lang.System','exit',0)",
          "DROP VIEW gold.fdi_yoy",
          "ALTER TABLE gold.indicators SET TBLPROPERTIES ('delta.appendOnly' = 'true')",
          "ANALYZE TABLE gold.indicators COMPUTE STATISTICS",
          "CREATE DATABASE evil",
          "DROP DATABASE gold CASCADE",
          // Code and functions.
          "CREATE TEMP FUNCTION up AS 'org.apache.spark.sql.catalyst.expressions.Upper'",
          "CREATE TEMPORARY FUNCTION f AS 'x.Y' USING JAR '<d>/evil.jar'",
          "CREATE FUNCTION one() RETURNS INT RETURN 1",
          "ADD JAR <d>/evil.jar",
          "add file /etc/hostname",
          "ADD ARCHIVE <d>/x.zip",
          "SELECT try_reflect('java.lang.System','exit',0)",
          "select indicator, java_method('java.lang.System','exit',0) from gold.indicators",
          "SELECT * FROM gold.indicators WHERE year IN (SELECT reflect('java.lang.System','exit',0))",
          // Settings and caches.
          "SET spark.sql.shuffle.partitions = 1",
          "set spark.databricks.delta.retentionDurationCheck.enabled=false",
          "RESET",
          "RESET spark.sql.ansi.enabled",
          "CACHE TABLE gold.indicators",
          "CACHE LAZY TABLE c AS SELECT 1",
          "UNCACHE TABLE gold.indicators",
          "CLEAR CACHE",
          "REFRESH TABLE gold.indicators",
          // What only the analysed plan shows: the session's guard refuses these.
          "EXECUTE IMMEDIATE 'INSERT INTO gold.indicators SELECT * FROM gold.indicators'",
          "EXECUTE IMMEDIATE \"SELECT reflect('java.lang.System', 'exit', 0)\"",
          "SELECT IDENTIFIER('java' || '_method')('java.lang.System','exit',0)",
          // A script whose write comes after reads: nothing of it runs.
          "SELECT 1; DELETE FROM silver.fdi; SELECT 2");

  /** Reached only by the analysed plan (the parsed one does not show it). */
  static final List<String> ONLY_THE_ANALYSER_SEES =
      List.of(
          "EXECUTE IMMEDIATE 'INSERT INTO gold.indicators SELECT * FROM gold.indicators'",
          "SELECT IDENTIFIER('java' || '_method')('java.lang.System','exit',0)");

  static String fill(String s) {
    return s.replace("<w>", copy.localDir().toString()).replace("<d>", dir.toString());
  }

  static Cli.Result sql(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "sql";
    all[1] = "--warehouse";
    all[2] = copy.root();
    all[3] = "--config";
    all[4] = vn.extrel.warehouse.testing.Repo.config().toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  @Test
  void everyWriteSettingOrJavaCallIsRefusedAndNoTableOrFileChanges() throws IOException {
    Map<TableId, String> before = checksums();
    Map<String, Long> files = files(dir);
    assertThat(REFUSED).hasSizeGreaterThanOrEqualTo(8 + 30);

    for (String statement : REFUSED) {
      Cli.Result r = sql("-e", fill(statement));
      assertThat(r.code()).as(statement + "\n" + r.out() + r.err()).isEqualTo(1);
      assertThat(r.err().strip().lines())
          .as(statement)
          .singleElement()
          .asString()
          .startsWith("error: refused: ")
          .endsWith("Rerun with --allow-write if you mean it");
      assertThat(r.out()).as(statement).isEmpty();
    }

    // From a file and from standard input, a script whose write comes last: nothing runs.
    Path script = dir.resolve("report.sql");
    Files.writeString(
        script,
        "SELECT count(*) FROM gold.indicators;\n-- then\nINSERT INTO gold.indicators"
            + " SELECT * FROM gold.indicators;\n");
    Cli.Result fromFile = sql("-f", script.toString());
    assertThat(fromFile.code()).isEqualTo(1);
    assertThat(fromFile.out()).isEmpty();
    assertThat(fromFile.err())
        .contains(
            "refused: INSERT INTO gold.indicators writes to a table; the warehouse is written only"
                + " by 'warehouse load'. Rerun with --allow-write if you mean it");
    Cli.Result piped =
        withStdin(
            "SELECT 1;\nWITH a AS (SELECT 1)INSERT/**/OVERWRITE/**/TABLE gold.indicators SELECT *"
                + " FROM gold.indicators WHERE false;",
            () -> sql());
    assertThat(piped.code()).isEqualTo(1);
    assertThat(piped.err()).contains("refused: INSERT OVERWRITE gold.indicators writes to a table");

    assertThat(checksums()).as("every table as before").isEqualTo(before);
    assertThat(files(dir)).as("no file written, changed or deleted").isEqualTo(files);
  }

  @Test
  void refusalsNameTheStatementWhatItDoesAndTheFlag() {
    assertThat(sql("-e", "DELETE FROM silver.fdi WHERE year = 2016").err())
        .isEqualTo(
            "error: refused: DELETE FROM silver.fdi writes to a table; the warehouse is written"
                + " only by 'warehouse load'. Rerun with --allow-write if you mean it\n");
    assertThat(sql("-e", fill("INSERT OVERWRITE LOCAL DIRECTORY '<d>/x' USING csv SELECT 1")).err())
        .startsWith("error: refused: INSERT OVERWRITE DIRECTORY 'file:")
        .contains(dir.resolve("x") + "' writes files;");
    assertThat(sql("-e", "SET spark.sql.ansi.enabled=false").err())
        .startsWith(
            "error: refused: SET spark.sql.ansi.enabled changes the session's configuration");
    assertThat(sql("-e", "SELECT reflect('java.lang.System','exit',0)").err())
        .startsWith("error: refused: reflect calls Java methods; no session here runs code");
    assertThat(sql("-e", "ADD JAR /tmp/x.jar").err())
        .startsWith("error: refused: ADD JAR adds code to the session");
  }

  @Test
  void whatOnlyAnalysisShowsPassesTheEarlyCheckAndMeetsTheSessionsGuard() {
    for (String statement : ONLY_THE_ANALYSER_SEES) {
      // The parsed plan alone does not show the write: the early check lets it through...
      ReadOnlyGuard.checkText(statement, ReadOnlyGuard.Access.READ_ONLY, "hint");
      // ...and the check rule on the analysed plan refuses it.
      Cli.Result r = sql("-e", statement);
      assertThat(r.code()).as(statement).isEqualTo(1);
      assertThat(r.err()).as(statement).startsWith("error: refused: ");
    }
  }

  @Test
  void readsRunAsBefore() {
    Cli.Result r =
        sql(
            "-e",
            "SHOW TABLES IN gold; DESCRIBE gold.indicators; DESCRIBE HISTORY gold.indicators;"
                + " DESCRIBE DETAIL silver.fdi; SHOW COLUMNS IN silver.fdi; SHOW TBLPROPERTIES"
                + " gold.indicators; EXPLAIN SELECT count(*) FROM gold.indicators; SET; SET"
                + " spark.sql.ansi.enabled; LIST JARS; SHOW FUNCTIONS LIKE 'upper';"
                + " CREATE OR REPLACE TEMP VIEW mine AS SELECT year FROM gold.fdi_yoy;"
                + " SELECT count(*) AS n FROM mine; VALUES (1); TABLE gold.indicators;"
                + " SELECT count(*) AS n FROM gold.indicators VERSION AS OF 0;"
                + " DESCRIBE QUERY SELECT 1; USE gold; SELECT count(*) AS n FROM indicators;"
                + " USE default",
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("fdi_yoy").contains("WRITE").contains("spark.sql.ansi.enabled");
    assertThat(ReadOnlyGuard.of(TestSpark.get())).as("the guard ends with the command").isEmpty();
  }

  @Test
  void withAllowWriteTheStatementRuns() {
    Path scratch = dir.resolve("scratch");
    Cli.Result r =
        sql(
            "--allow-write",
            "-e",
            "CREATE TABLE scratch USING delta LOCATION '"
                + scratch
                + "' AS SELECT 1 AS a; INSERT INTO scratch VALUES (2); SELECT count(*) AS n FROM"
                + " scratch; DROP TABLE scratch",
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("n\n2\n");
  }

  static Map<TableId, String> checksums() {
    var spark = TestSpark.get();
    return TableChecksums.of(spark, copy, WarehouseCatalog.discover(spark, copy));
  }

  /** Every file under {@code root} with its size: what a write of any kind would change. */
  static Map<String, Long> files(Path root) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        // The lock a command takes, and the history of the interactive shell, are not tables.
        if (!p.getFileName().toString().equals("report.sql")) {
          out.put(root.relativize(p).toString(), Files.size(p));
        }
      }
    }
    return out;
  }

  static Cli.Result withStdin(String text, java.util.function.Supplier<Cli.Result> run) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(saved);
    }
  }
}
