package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.extrel.warehouse.testing.Sql.row;
import static vn.extrel.warehouse.testing.Sql.scalar;
import static vn.extrel.warehouse.testing.Sql.sql;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * An office re-sends a corrected workbook (the 2016 report: Japan's disbursement was 7.0 million
 * USD, not 6.8): only its rows change, the figures as first published stay queryable by Delta time
 * travel, and the revision is listed. Then the analyst restores gold as first published and
 * compacts bronze. One warehouse, loaded twice before the tests; restore and maintain come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResendTest {
  static final String FDI_2016 = "fdi/Bao-cao-FDI-An-Giang-2016.xlsx";
  static final String DISBURSED =
      "SELECT value FROM gold.indicators%s WHERE indicator = 'fdi_disbursed_usd' AND year = 2016"
          + " AND dimension = 'total'";

  @TempDir static Path dir;
  SparkSession spark;
  WarehouseConfig config;
  Warehouse w;
  List<Row> rows2015;
  long firstVersion;
  String firstCommitTime;
  LoadResult again;

  @BeforeAll
  void loadThenResend() throws Exception {
    spark = TestSpark.get();
    config = WarehouseConfig.load(Repo.config());
    Path input =
        Loads.input(
            dir,
            Map.of(
                "fdi/Bao-cao-FDI-An-Giang-2015.xlsx",
                Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2015.xlsx"),
                FDI_2016,
                Repo.data().resolve(FDI_2016)));
    w = Loads.warehouse(dir);
    Loads.load(config, input, w);
    rows2015 = fdi2015();
    bind();
    // the time of gold's commit, not a clock read beside it: no sleep to keep the two apart
    Row first =
        spark.sql("DESCRIBE HISTORY gold.indicators").orderBy(col("version").desc()).first();
    firstVersion = first.<Long>getAs("version");
    firstCommitTime = first.getAs("timestamp").toString();

    Path file = input.resolve(FDI_2016);
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = new XSSFWorkbook(in)) {
      wb.getSheetAt(0).getRow(7).getCell(4).setCellValue(7.0);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    again = Loads.load(config, input, w);
    bind();
  }

  @Test
  @Order(1)
  void onlyTheResentFileIsLoadedAgain() {
    assertThat(again.files())
        .extracting(f -> f.path() + "=" + f.status())
        .containsExactly("fdi/Bao-cao-FDI-An-Giang-2015.xlsx=unchanged", FDI_2016 + "=loaded");
    assertThat(fdi2015())
        .as("the other file's rows are untouched, down to the run that wrote them")
        .isEqualTo(rows2015);
  }

  @Test
  @Order(2)
  void goldShowsTheCorrectionAndTheFigureAsFirstPublishedStaysQueryable() {
    assertThat((BigDecimal) scalar(DISBURSED, "")).isEqualByComparingTo("17450000");
    assertThat((BigDecimal) scalar(DISBURSED, " VERSION AS OF " + firstVersion))
        .isEqualByComparingTo("17250000");
    assertThat((BigDecimal) scalar(DISBURSED, " TIMESTAMP AS OF '" + firstCommitTime + "'"))
        .as("as published before the correction")
        .isEqualByComparingTo("17250000");
  }

  @Test
  @Order(3)
  void theRevisionIsListedAndBronzeKeepsBothVersionsAsReceived() {
    List<Object[]> revisions =
        sql(
            "SELECT revision, sha256 FROM ops.file_loads WHERE source_path = '%s'"
                + " ORDER BY revision",
            FDI_2016);
    assertThat(revisions).extracting(r -> r[0]).containsExactly(1, 2);
    assertThat(revisions.get(0)[1]).isNotEqualTo(revisions.get(1)[1]);
    assertThat(
            sql(
                "SELECT count(DISTINCT source_sha256) FROM bronze.source_rows"
                    + " WHERE source_path = '%s'",
                FDI_2016))
        .as("bronze keeps both versions as received")
        .containsExactly(row(2L));
  }

  @Test
  @Order(4)
  void historyListsTheFirstPublicationAndRestoreBringsItBack() {
    Cli.Result history = Cli.run("history", "gold.indicators", "--warehouse", w.root());
    assertThat(history.code()).isZero();
    assertThat(history.out())
        .containsPattern("\\n\\s+" + firstVersion + "\\s+\\S+ \\S+\\s+WRITE\\s+\\d{8}T");
    Cli.Result restore =
        Cli.run(
            "restore",
            "gold.indicators",
            "--version",
            String.valueOf(firstVersion),
            "--warehouse",
            w.root());
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("gold.indicators restored to version " + firstVersion);
    assertThat((BigDecimal) scalar(DISBURSED, "")).isEqualByComparingTo("17250000");
    assertThat(Cli.run("history", "gold.indicators", "--warehouse", w.root()).out())
        .contains("RESTORE");
    // the correction stays in the history, a version later
    assertThat((BigDecimal) scalar(DISBURSED, " VERSION AS OF " + (firstVersion + 1)))
        .isEqualByComparingTo("17450000");
  }

  @Test
  @Order(5)
  void maintainCompactsBronzeAndKeepsEveryVersionWithinTheRetentionReadable() {
    String asFirstLoaded = "SELECT count(*) FROM bronze.source_rows VERSION AS OF 0";
    Object firstBronze = scalar(asFirstLoaded);
    Cli.Result maintain =
        Cli.run("maintain", "bronze.source_rows", "--vacuum", "--warehouse", w.root());
    assertThat(maintain.code()).as(maintain.err()).isZero();
    assertThat(maintain.out())
        .containsPattern("OPTIMIZE bronze.source_rows\\s+\\d+ small files compacted into 1");
    assertThat(scalar(asFirstLoaded))
        .as("VACUUM keeps every version within the retention readable")
        .isEqualTo(firstBronze);
  }

  private List<Row> fdi2015() {
    return w.read(spark, FactTables.FDI.table())
        .filter("year = 2015")
        .orderBy("cell")
        .collectAsList();
  }

  private void bind() {
    WarehouseCatalog.bind(spark, w, config.indicators().views());
  }
}
