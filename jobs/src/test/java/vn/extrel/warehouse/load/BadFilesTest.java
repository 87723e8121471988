package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.samples.HostileXlsx;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FilesTable;
import vn.extrel.warehouse.table.QuarantineTable;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Nights with bad and hostile files and clutter among real reports, as offices, an operator and a
 * hostile user leave them. Bad: a row with an amount that is not a number, a file missing a
 * required column, a file that is not a spreadsheet, a report whose totals do not add up (its rule
 * says fail); each gets its rule's action, and the summary, ops.dq_results and the exit code say
 * so. Hostile: lying zips (a 1.6 GB cell and a 1.2 GB sheet, each declaring 4 KB, generated here),
 * an XML external entity, office lock files, thumbnails, a note, a symbolic link loop, a link to a
 * file outside the input folder, a named pipe, two byte-identical reports under names that give
 * different years, a full disk under the state file. Each hostile file is one failed file with a
 * clear reason; clutter is ignored; what is not a regular file inside the folder is skipped and
 * said so; the other files load. The next night the failures, unchanged, are reported again and the
 * exit code says so; a corrected re-send with the same size and time is loaded.
 */
class BadFilesTest {

  @TempDir static Path dir;
  static Path input;
  static Path config;
  static Warehouse w;
  static Cli.Result night;
  static String summary;
  static Cli.Result nextNight;
  static boolean stateFileAfterFullDisk;
  static ServerSocket entityServer;
  static final AtomicInteger entityRequests = new AtomicInteger();
  static final String SECRET = "BI-MAT-KHONG-DUOC-DOC-7f3a";

  @BeforeAll
  static void nights() throws Exception {
    config = ConfigCopy.of(dir);
    ConfigCopy.edit(
        config,
        "rules/quality.yaml",
        "check: totals\n    action: warn",
        "check: totals\n    action: fail");
    input =
        Loads.input(
            dir,
            Map.of(
                "trade/exports-2016.csv", Loads.fixture("quirks/unparseable-amount.csv"),
                "fdi/missing-column-2016.xlsx",
                    Loads.fixture("quirks/missing-required-column-fdi.xlsx"),
                "fdi/report-2016.xlsx", Loads.fixture("quirks/not-a-spreadsheet-fdi.xlsx"),
                "fdi/totals-off-2016.xlsx", Loads.fixture("quirks/totals-mismatch-fdi.xlsx"),
                "fdi/Bao-cao-FDI-An-Giang-2015.xlsx",
                    Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2015.xlsx"),
                "trade/xuat-nhap-khau-2014-2016.csv",
                    Repo.data().resolve("trade/xuat-nhap-khau-2014-2016.csv"),
                "fdi/FDI_AnGiang_2017.csv", Repo.data().resolve("fdi/FDI_AnGiang_2017.csv"),
                // byte for byte the 2017 report, under a name that says 2019
                "fdi/FDI_AnGiang_2019.csv", Repo.data().resolve("fdi/FDI_AnGiang_2017.csv")));
    HostileXlsx.hugeCell(input.resolve("fdi/o-1600MB-khai-4KB.xlsx"), 1600);
    HostileXlsx.rowBomb(input.resolve("fdi/bom-1200MB-khai-4KB.xlsx"), 1200);
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    entityServer = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!entityServer.isClosed()) {
                try (Socket s = entityServer.accept()) {
                  entityRequests.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    Files.write(
        input.resolve("fdi/thuc-the-ngoai-2016.xlsx"),
        HostileXlsx.externalEntity(
            secret.toUri().toString(), "http://127.0.0.1:" + entityServer.getLocalPort() + "/xxe"));
    // Clutter: Excel's lock file while someone has the report open, thumbnails, a note.
    Files.write(input.resolve("fdi/~$Bao-cao-FDI-An-Giang-2015.xlsx"), new byte[] {0, 1, 2});
    Files.write(input.resolve("fdi/Thumbs.db"), new byte[] {7, 7});
    Files.write(input.resolve(".DS_Store"), new byte[] {0});
    Files.writeString(input.resolve("ghi-chu.txt"), "Anh Minh gửi lại bản sửa ngày 12/3");
    // Not regular files inside the folder: a link up (a loop), a link out, a named pipe.
    Files.createSymbolicLink(input.resolve("fdi/loop"), Path.of(".."));
    Files.createSymbolicLink(input.resolve("trade/passwd.csv"), Path.of("/etc/passwd"));
    Process fifo = new ProcessBuilder("mkfifo", input.resolve("trade/pipe.csv").toString()).start();
    assertThat(fifo.waitFor()).isZero();

    w = Loads.warehouse(dir);
    // The state file's disk is full (a write to /dev/full fails with "No space left on device",
    // which Hadoop's local file system throws as an FSError, an Error): the load goes on.
    Path state = Files.createDirectories(dir.resolve("warehouse/_state"));
    Files.createSymbolicLink(state.resolve("manifest.json.tmp"), Path.of("/dev/full"));
    night = nightly();
    summary = night.out();
    stateFileAfterFullDisk = Files.exists(state.resolve("manifest.json"));
    Files.delete(state.resolve("manifest.json.tmp"));

    // The next night: a corrected re-send of one report, the same size and modification time, one
    // figure changed; nothing else changed.
    Path trade = input.resolve("trade/xuat-nhap-khau-2014-2016.csv");
    FileTime time = Files.getLastModifiedTime(trade);
    String text = Files.readString(trade, StandardCharsets.UTF_8);
    String corrected = text.replaceFirst("Phi-líp-pin;Gạo;80", "Phi-líp-pin;Gạo;90");
    assertThat(corrected).isNotEqualTo(text).hasSameSizeAs(text);
    Files.writeString(trade, corrected, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(trade, time);
    nextNight = nightly("--verbose");
  }

  static Cli.Result nightly(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "nightly",
                "--input",
                input.toString(),
                "--warehouse",
                w.root(),
                "--config",
                config.toString(),
                "--no-exports",
                "--no-progress"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @AfterAll
  static void stopServer() throws IOException {
    entityServer.close();
  }

  @Test
  void lyingZipsFailAsFilesAndTheOtherFilesLoad() {
    assertThat(night.code()).as(night.out() + night.err()).isEqualTo(1);
    assertThat(night.err()).isEmpty();
    assertThat(night.out())
        .containsPattern("failed\\s+fdi/o-1600MB-khai-4KB.xlsx")
        .contains("holds a text or tag of more than")
        .containsPattern("failed\\s+fdi/bom-1200MB-khai-4KB.xlsx")
        .containsPattern("loaded\\s+trade/xuat-nhap-khau-2014-2016.csv")
        .containsPattern("loaded\\s+fdi/Bao-cao-FDI-An-Giang-2015.xlsx");
    assertThat(status("fdi/o-1600MB-khai-4KB.xlsx")).isEqualTo("failed/CELL_TOO_LARGE");
    assertThat(status("fdi/bom-1200MB-khai-4KB.xlsx"))
        .isIn("failed/SUSPICIOUS_ARCHIVE", "failed/LIMIT_EXCEEDED");
    assertThat(
            w.read(TestSpark.get(), BronzeTable.ID)
                .filter("source_path LIKE 'fdi/bom%' AND row_class = 'data'")
                .count())
        .as("no row of the bomb reaches bronze")
        .isZero();
  }

  @Test
  void anExternalEntityIsRefusedAsHostileAndNeverResolved() {
    assertThat(status("fdi/thuc-the-ngoai-2016.xlsx")).isEqualTo("failed/HOSTILE_XML");
    assertThat(night.out()).contains("declares a document type or entities");
    assertThat(entityRequests.get()).as("requests for the entity's URL").isZero();
    for (Cli.Result r : List.of(night, nextNight)) {
      assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }
    assertThat(
            w.read(TestSpark.get(), BronzeTable.ID)
                .filter(
                    org.apache.spark.sql.functions.array_contains(
                        org.apache.spark.sql.functions.col(BronzeTable.TEXTS), SECRET))
                .count())
        .isZero();
  }

  @Test
  void clutterIsIgnoredAndWhatIsNotARegularFileInsideIsSkippedAndSaidSo() {
    assertThat(night.out())
        .doesNotContain("~$Bao-cao")
        .doesNotContain("Thumbs.db")
        .doesNotContain("ghi-chu.txt")
        .contains("4 ignored (--verbose lists them)")
        .contains("3 skipped (not read)")
        .containsPattern("skipped\\s+fdi/loop")
        .contains("fdi/loop: skipped: a symbolic link to the input folder itself")
        .containsPattern("skipped\\s+trade/passwd.csv")
        .contains("a symbolic link to /etc/passwd, outside the input folder; it is not followed")
        .containsPattern("skipped\\s+trade/pipe.csv")
        .contains("not a regular file (a named pipe");
    assertThat(nextNight.out())
        .as("--verbose lists the ignored files")
        .containsPattern("ignored\\s+fdi/~\\$Bao-cao-FDI-An-Giang-2015.xlsx")
        .containsPattern("ignored\\s+fdi/Thumbs.db")
        .containsPattern("ignored\\s+ghi-chu.txt")
        .contains("not a spreadsheet, and no layout claims it");
    SparkSession spark = TestSpark.get();
    assertThat(w.read(spark, BronzeTable.ID).filter("source_path LIKE '%passwd%'").count())
        .isZero();
    assertThat(
            w.read(spark, FilesTable.ID)
                .filter("source_path LIKE 'fdi/loop/%' OR source_path LIKE '%pipe%'")
                .count())
        .isZero();
    assertThat(night.out()).doesNotContain("root:x:0:0");
  }

  @Test
  void everyRowIsAccountedForAndAFailedFileCountsNone() {
    for (Cli.Result r : List.of(night, nextNight)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "Rows: (\\d+) read = (\\d+) loaded \\+ (\\d+) quarantined \\+ (\\d+) excluded")
              .matcher(r.out());
      assertThat(m.find()).as(r.out()).isTrue();
      assertThat(Long.parseLong(m.group(1)))
          .isEqualTo(
              Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
    }
    Row failed =
        w.read(TestSpark.get(), FilesTable.ID)
            .filter("source_path = 'fdi/missing-column-2016.xlsx'")
            .first();
    assertThat(failed.<String>getAs(FilesTable.STATUS)).isEqualTo("failed");
    assertThat(failed.<Long>getAs(FilesTable.ROWS_READ)).isZero();
  }

  @Test
  void aFailedFileIsReportedAgainEveryNightUntilItChangesOrLoads() {
    assertThat(nextNight.code()).as(nextNight.out()).isEqualTo(1);
    assertThat(nextNight.out())
        .contains("6 failed")
        .containsPattern("failed\\s+fdi/missing-column-2016.xlsx")
        .contains("required column 'partner' not found")
        .containsPattern("unchanged\\s+fdi/Bao-cao-FDI-An-Giang-2015.xlsx");
  }

  @Test
  void aCorrectedResendWithTheSameSizeAndTimeIsLoaded() {
    assertThat(nextNight.out()).containsPattern("loaded\\s+trade/xuat-nhap-khau-2014-2016.csv");
    assertThat(
            w.read(TestSpark.get(), FactTables.TRADE.table())
                .filter("source_path = 'trade/xuat-nhap-khau-2014-2016.csv' AND cell = 'E2'")
                .first()
                .<java.math.BigDecimal>getAs("value"))
        .isEqualByComparingTo("90729400");
    assertThat(
            w.read(TestSpark.get(), FilesTable.ID)
                .filter("source_path = 'trade/xuat-nhap-khau-2014-2016.csv'")
                .first()
                .<Integer>getAs(FilesTable.REVISION))
        .isEqualTo(2);
  }

  @Test
  void twoByteIdenticalFilesKeepTheYearEachOnesNameGives() {
    List<Row> years =
        w.read(TestSpark.get(), FactTables.FDI.table())
            .filter("source_path LIKE 'fdi/FDI_AnGiang_%'")
            .groupBy("source_path", "year")
            .count()
            .orderBy("source_path")
            .collectAsList();
    assertThat(years)
        .extracting(r -> r.getString(0) + "=" + r.get(1))
        .containsExactly("fdi/FDI_AnGiang_2017.csv=2017", "fdi/FDI_AnGiang_2019.csv=2019");
  }

  @Test
  void aFullDiskUnderTheStateFileIsAWarningAndUnderTheEventLogOneClearLine() {
    assertThat(night.code())
        .as("the files' failures decide the exit code, not the state file")
        .isEqualTo(1);
    assertThat(stateFileAfterFullDisk).isFalse();
    Cli.Result full =
        Cli.run("load", "--input", input.toString(), "--warehouse", w.root(), "--log", "/dev/full");
    assertThat(full.code()).isEqualTo(2);
    assertThat(full.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("error: the disk is full (")
        .contains("No space left on device")
        .contains("Free space");
  }

  @Test
  void theExitCodeSaysTheNightHadDataErrors() {
    assertThat(night.code()).as(summary).isEqualTo(1);
    assertThat(summary)
        .contains("succeeded with errors")
        .contains("11 seen, 5 loaded, 0 unchanged, 6 failed");
  }

  @Test
  void eachBadFileFailsWithItsReasonAndTheGoodOnesLoad() {
    assertThat(summary)
        .containsPattern("failed\\s+fdi/missing-column-2016.xlsx")
        .contains("required column 'partner' not found")
        .containsPattern("failed\\s+fdi/report-2016.xlsx")
        .contains("not a spreadsheet")
        .containsPattern("failed\\s+fdi/totals-off-2016.xlsx")
        .contains("rejected by rule totals_add_up")
        .containsPattern("loaded\\s+fdi/Bao-cao-FDI-An-Giang-2015.xlsx")
        .containsPattern("loaded\\s+trade/exports-2016.csv");
    List<Row> files =
        w.read(TestSpark.get(), FilesTable.ID).orderBy(FilesTable.SOURCE_PATH).collectAsList();
    assertThat(files)
        .extracting(
            r ->
                r.getAs(FilesTable.SOURCE_PATH)
                    + "="
                    + r.getAs(FilesTable.STATUS)
                    + "/"
                    + r.getAs(FilesTable.ERROR_CODE))
        .contains(
            "fdi/Bao-cao-FDI-An-Giang-2015.xlsx=loaded/null",
            "fdi/missing-column-2016.xlsx=failed/MISSING_COLUMN",
            "fdi/report-2016.xlsx=failed/NOT_A_SPREADSHEET",
            "fdi/totals-off-2016.xlsx=failed/RULE_FAILED",
            "trade/exports-2016.csv=loaded/null");
    long fdiFromRejected =
        w.read(TestSpark.get(), FactTables.FDI.table())
            .filter("source_path = 'fdi/totals-off-2016.xlsx'")
            .count();
    assertThat(fdiFromRejected).as("a rejected file loads nothing").isZero();
    assertThat(
            w.read(TestSpark.get(), FactTables.FDI.table())
                .filter(
                    "source_path = 'fdi/Bao-cao-FDI-An-Giang-2015.xlsx' AND row_role = 'detail'")
                .count())
        .isEqualTo(20);
  }

  @Test
  void aBadAmountIsQuarantinedWithItsPlaceAndTheRestOfTheFileLoads() {
    assertThat(summary)
        .contains("trade/exports-2016.csv row 3: E3: '12,5 nghìn' is not a number")
        .contains("[NOT_A_NUMBER]")
        .containsPattern(
            "loaded\\s+trade/exports-2016.csv\\s+4 read\\s+2 loaded\\s+1 quarantined\\s+1 excluded");
    SparkSession spark = TestSpark.get();
    Row r =
        w.read(spark, QuarantineTable.ID).filter("source_path = 'trade/exports-2016.csv'").first();
    assertThat(r.<Integer>getAs(QuarantineTable.ROW)).isEqualTo(3);
    assertThat(r.<String>getAs(QuarantineTable.CELL)).isEqualTo("E3");
    assertThat(r.<String>getAs(QuarantineTable.COLUMN)).isEqualTo("value_usd");
    assertThat(r.getJavaMap(r.fieldIndex(QuarantineTable.RAW_VALUES)))
        .containsEntry("partner", "Thái Lan");
    List<Row> loaded =
        w.read(spark, FactTables.TRADE.table())
            .filter("source_path = 'trade/exports-2016.csv'")
            .orderBy("row")
            .select("partner_id", "value")
            .collectAsList();
    assertThat(loaded)
        .extracting(
            x -> x.getString(0) + "=" + x.getDecimal(1).stripTrailingZeros().toPlainString())
        .containsExactly("KHM=1250500", "LAO=3400000");
  }

  @Test
  void theDataQualityResultsSayWhatHappened() {
    List<Row> dq =
        w.read(TestSpark.get(), DqResultsTable.ID)
            .filter("rule = 'totals_add_up' AND source_path = 'fdi/totals-off-2016.xlsx'")
            .collectAsList();
    assertThat(dq)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<String>getAs(DqResultsTable.STATUS)).isEqualTo("error");
              assertThat(r.<String>getAs(DqResultsTable.ACTION)).isEqualTo("fail");
              assertThat(r.<Long>getAs(DqResultsTable.FAILING_ROWS)).isEqualTo(1);
            });
    assertThat(
            w.read(TestSpark.get(), DqResultsTable.ID)
                .filter(
                    "rule = 'totals_reconciliation' AND source_path = 'fdi/totals-off-2016.xlsx' AND status = 'warn'")
                .count())
        .isEqualTo(1);
    assertThat(summary).contains("Data-quality findings").contains("'Tổng cộng' row 6");
  }

  static String status(String path) {
    Row r = w.read(TestSpark.get(), FilesTable.ID).filter("source_path = '" + path + "'").first();
    return r.getAs(FilesTable.STATUS) + "/" + r.getAs(FilesTable.ERROR_CODE);
  }
}
