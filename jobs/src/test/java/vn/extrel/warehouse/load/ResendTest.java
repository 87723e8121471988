package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FileLoadsTable;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * An office re-sends a corrected workbook: only its rows change, the figures as first published
 * stay queryable by Delta time travel, and the revision is listed.
 */
class ResendTest {

  @TempDir Path dir;

  @Test
  void aCorrectedResendReplacesOnlyItsRowsAndKeepsTheOldFiguresQueryable() throws Exception {
    SparkSession spark = TestSpark.get();
    WarehouseConfig config = WarehouseConfig.load(Repo.config());
    Path input =
        Loads.input(
            dir,
            Map.of(
                "fdi/Bao-cao-FDI-An-Giang-2015.xlsx",
                    Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2015.xlsx"),
                "fdi/Bao-cao-FDI-An-Giang-2016.xlsx",
                    Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2016.xlsx")));
    Warehouse w = Loads.warehouse(dir);
    Loads.load(config, input, w);
    List<Row> rows2015 =
        w.read(spark, FactTables.FDI.table()).filter("year = 2015").orderBy("cell").collectAsList();
    WarehouseCatalog.bind(spark, w, config.indicators().views());
    long firstVersion =
        spark
            .sql("DESCRIBE HISTORY gold.indicators")
            .agg(org.apache.spark.sql.functions.max("version"))
            .first()
            .getLong(0);
    Instant published = Instant.now();
    Thread.sleep(1100);

    // The corrected 2016 report: Japan's disbursement was 7.0 million USD, not 6.8.
    Path file = input.resolve("fdi/Bao-cao-FDI-An-Giang-2016.xlsx");
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = new XSSFWorkbook(in)) {
      wb.getSheetAt(0).getRow(7).getCell(4).setCellValue(7.0);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    LoadResult again = Loads.load(config, input, w);

    assertThat(again.files())
        .extracting(f -> f.path() + "=" + f.status())
        .containsExactly(
            "fdi/Bao-cao-FDI-An-Giang-2015.xlsx=unchanged",
            "fdi/Bao-cao-FDI-An-Giang-2016.xlsx=loaded");
    assertThat(
            w.read(spark, FactTables.FDI.table())
                .filter("year = 2015")
                .orderBy("cell")
                .collectAsList())
        .as("the other file's rows are untouched, down to the run that wrote them")
        .isEqualTo(rows2015);
    WarehouseCatalog.bind(spark, w, config.indicators().views());
    String q =
        "SELECT value FROM gold.indicators%s WHERE indicator = 'fdi_disbursed_usd' AND year = 2016 AND dimension = 'total'";
    assertThat(spark.sql(String.format(q, "")).first().getDecimal(0))
        .isEqualByComparingTo("17450000");
    assertThat(spark.sql(String.format(q, " VERSION AS OF " + firstVersion)).first().getDecimal(0))
        .isEqualByComparingTo("17250000");
    assertThat(
            spark
                .sql(
                    String.format(
                        q,
                        " TIMESTAMP AS OF '"
                            + published.toString().replace('T', ' ').replace("Z", "")
                            + "'"))
                .first()
                .getDecimal(0))
        .as("as published before the correction")
        .isEqualByComparingTo("17250000");

    List<Row> revisions =
        w.read(spark, FileLoadsTable.ID)
            .filter("source_path = 'fdi/Bao-cao-FDI-An-Giang-2016.xlsx'")
            .orderBy(FileLoadsTable.REVISION)
            .collectAsList();
    assertThat(revisions)
        .extracting(r -> r.<Integer>getAs(FileLoadsTable.REVISION))
        .containsExactly(1, 2);
    assertThat(revisions.get(0).<String>getAs(FileLoadsTable.SHA256))
        .isNotEqualTo(revisions.get(1).getAs(FileLoadsTable.SHA256));
    assertThat(
            w.read(spark, vn.extrel.warehouse.table.BronzeTable.ID)
                .filter("source_path = 'fdi/Bao-cao-FDI-An-Giang-2016.xlsx'")
                .select("source_sha256")
                .distinct()
                .count())
        .as("bronze keeps both versions as received")
        .isEqualTo(2);

    // The correction was wrong after all: the analyst puts gold back as first published.
    Cli.Result history = cli("history", "gold.indicators", "--warehouse", w.root());
    assertThat(history.code()).isZero();
    assertThat(history.out())
        .containsPattern("\\n\\s+" + firstVersion + "\\s+\\S+ \\S+\\s+WRITE\\s+\\d{8}T");
    Cli.Result restore =
        cli(
            "restore",
            "gold.indicators",
            "--version",
            String.valueOf(firstVersion),
            "--warehouse",
            w.root());
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("gold.indicators restored to version " + firstVersion);
    assertThat(spark.sql(String.format(q, "")).first().getDecimal(0))
        .isEqualByComparingTo("17250000");
    assertThat(cli("history", "gold.indicators", "--warehouse", w.root()).out())
        .contains("RESTORE");

    String bronzeAsFirstLoaded = "SELECT count(*) FROM bronze.source_rows VERSION AS OF 0";
    long firstBronze = spark.sql(bronzeAsFirstLoaded).first().getLong(0);
    Cli.Result maintain =
        cli("maintain", "bronze.source_rows", "--vacuum", "--warehouse", w.root());
    assertThat(maintain.code()).as(maintain.err()).isZero();
    assertThat(maintain.out())
        .containsPattern("OPTIMIZE bronze.source_rows\\s+\\d+ small files compacted into 1");
    assertThat(spark.sql(bronzeAsFirstLoaded).first().getLong(0))
        .as("VACUUM keeps every version within the retention readable")
        .isEqualTo(firstBronze);
  }

  static Cli.Result cli(String... args) {
    return Cli.run(args);
  }
}
