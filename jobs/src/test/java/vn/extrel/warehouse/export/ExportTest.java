package vn.extrel.warehouse.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.check.CheckJob;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.yaml.ConfigException;

/**
 * Indicator tables out to the formats reports need: the layout of each, the formula neutralisation,
 * the nightly exports and the versions a manifest records. ExportReadBackTest reads every format
 * back with readers that share no code with the writers.
 */
class ExportTest {

  static Warehouse w;
  static WarehouseConfig config;
  static Exporter exporter;
  static Set<String> table;

  @TempDir Path dir;

  static final String INJECTION = "=HYPERLINK(\"http://x\",\"y\")";

  @BeforeAll
  static void sample() {
    w = SampleWarehouse.get();
    config = WarehouseConfig.load(Repo.config());
    SparkSession spark = TestSpark.get();
    WarehouseCatalog.bind(spark, w, config.indicators().views());
    exporter =
        new Exporter(
            spark,
            w,
            config,
            ExportTitles.of(ExportCatalog.load(Repo.config()), config.indicators()));
    table = new HashSet<>();
    for (Row r : spark.table("gold.indicators").collectAsList()) {
      table.add(key(r.getAs("indicator"), r.getAs("year"), r.getAs("member"), r.getAs("value")));
    }
  }

  static String key(Object indicator, Object year, Object member, Object value) {
    String v =
        value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    return indicator + "|" + year + "|" + member + "|" + v;
  }

  @Test
  void xlsxHasTypedNumbersVietnameseTitlesAndAFrozenHeader() throws Exception {
    Path out = dir.resolve("indicators.xlsx");
    Exporter.Result r = exporter.export("gold.indicators", ExportFormat.XLSX, out, "vi");
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet s = wb.getSheetAt(0);
      List<String> header = new ArrayList<>();
      s.getRow(XlsxExport.TABLE_ROW).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).contains("Mã chỉ tiêu", "Năm", "Giá trị", "Gấp (lần)");
      assertThat(s.getPaneInformation().isFreezePane()).isTrue();
      assertThat(
              wb.getFontAt(s.getRow(XlsxExport.TABLE_ROW).getCell(0).getCellStyle().getFontIndex())
                  .getBold())
          .as("a bold header")
          .isTrue();
      int ind = header.indexOf("Mã chỉ tiêu");
      int year = header.indexOf("Năm");
      int member = header.indexOf("Mã");
      int value = header.indexOf("Giá trị");
      Set<String> read = new HashSet<>();
      for (int i = XlsxExport.TABLE_ROW + 1; i <= XlsxExport.TABLE_ROW + table.size(); i++) {
        var row = s.getRow(i);
        Cell v = row.getCell(value);
        if (v != null) {
          assertThat(v.getCellType()).isEqualTo(CellType.NUMERIC);
        }
        read.add(
            key(
                row.getCell(ind).getStringCellValue(),
                (int) row.getCell(year).getNumericCellValue(),
                row.getCell(member).getStringCellValue(),
                v == null ? null : BigDecimal.valueOf(v.getNumericCellValue())));
      }
      assertThat(read).isEqualTo(table);
      assertThat(r.rows()).isEqualTo(table.size());
    }
  }

  @Test
  void csvHasABomAndEqualsTheTable() throws Exception {
    Path out = dir.resolve("indicators.csv");
    exporter.export("gold.indicators", ExportFormat.CSV, out, "en");
    byte[] bytes = Files.readAllBytes(out);
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
        .as("UTF-8 BOM, so Excel shows Vietnamese")
        .containsExactly(0xEF, 0xBB, 0xBF);
    Set<String> read = new HashSet<>();
    try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      in.skip(1);
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        read.add(
            key(
                rec.get("Indicator id"),
                Integer.parseInt(rec.get("Year")),
                rec.get("Member"),
                rec.get("Value").isEmpty() ? null : rec.get("Value")));
      }
    }
    assertThat(read).isEqualTo(table);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Vốn FDI thực hiện");
  }

  @Test
  void aQuarantinedRowsRawValuesExportAsJson() throws Exception {
    Path out = dir.resolve("quarantine.csv");
    exporter.export(
        "SELECT source_path, raw_values FROM silver.quarantine", ExportFormat.CSV, out, "en");
    try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      in.skip(1);
      CSVRecord rec =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords()
              .get(0);
      String raw = rec.get(1);
      assertThat(raw).doesNotContain("HashMap").doesNotContain("->").startsWith("{");
      assertThat(new ObjectMapper().readTree(raw).isObject()).isTrue();
    }
  }

  @Test
  void textThatASpreadsheetWouldRunComesOutInert() throws Exception {
    String q = "SELECT '" + INJECTION.replace("'", "''") + "' AS title, -5 AS change";
    Path csv = dir.resolve("q.csv");
    exporter.export(q, ExportFormat.CSV, csv, "en");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5");
    Path xlsx = dir.resolve("q.xlsx");
    exporter.export(q, ExportFormat.XLSX, xlsx, "en");
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Cell c = wb.getSheetAt(0).getRow(1).getCell(0);
      assertThat(c.getCellType()).isEqualTo(CellType.STRING);
      assertThat(c.getStringCellValue()).isEqualTo("'" + INJECTION);
      assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue())
          .as("numbers keep their sign")
          .isEqualTo(-5.0);
    }
  }

  @Test
  void aFormulaTypedIntoASourceWorkbooksDescriptionComesOutInert() throws Exception {
    // The sample activities workbook with one title replaced by formula text (a string cell, as
    // someone pasting from the web leaves it), read by the same reader and parser as a load.
    Path source = dir.resolve("hoat-dong-doi-ngoai.xlsx");
    try (InputStream in =
            Files.newInputStream(
                Repo.data().resolve("doi-ngoai/hoat-dong-doi-ngoai-2014-2017.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      wb.getSheet("2014").getRow(3).getCell(7).setCellValue(INJECTION); // H4, the first title
      try (var out = Files.newOutputStream(source)) {
        wb.write(out);
      }
    }
    CheckJob.FileCheck checked = new CheckJob(config).check(source, "an-giang-activities", 1000);
    List<Row> titles = new ArrayList<>();
    for (var fact : checked.facts()) {
      titles.add(RowFactory.create(fact.get("title")));
    }
    assertThat(titles).extracting(r -> r.getString(0)).contains(INJECTION);
    SparkSession spark = TestSpark.get();
    spark
        .createDataFrame(titles, new StructType().add("title", DataTypes.StringType))
        .createOrReplaceTempView("checked_activities");
    String q = "SELECT title FROM checked_activities WHERE title LIKE '=%'";
    Path csv = dir.resolve("titles.csv");
    exporter.export(q, ExportFormat.CSV, csv, "vi");
    assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(1))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    Path xlsx = dir.resolve("titles.xlsx");
    exporter.export(q, ExportFormat.XLSX, xlsx, "vi");
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Cell c = wb.getSheetAt(0).getRow(1).getCell(0);
      assertThat(c.getCellType()).as("text, not a formula").isEqualTo(CellType.STRING);
      assertThat(c.getStringCellValue()).isEqualTo("'" + INJECTION);
    }
  }

  @Test
  void jsonCarriesIndicatorMetadataAndTheDeltaVersion() throws Exception {
    Path out = dir.resolve("fdi.json");
    Exporter.Result r = exporter.export("gold.fdi_yoy", ExportFormat.JSON, out, "en");
    JsonNode doc = new ObjectMapper().readTree(out.toFile());
    long version =
        TestSpark.get()
            .sql("DESCRIBE HISTORY gold.indicators")
            .agg(org.apache.spark.sql.functions.max("version"))
            .first()
            .getLong(0);
    assertThat(doc.path("delta_versions").path("gold.indicators").asLong()).isEqualTo(version);
    JsonNode fdi = null;
    for (JsonNode i : doc.path("indicators")) {
      if (i.path("id").asText().equals("fdi_disbursed_usd")) {
        fdi = i;
      }
    }
    assertThat(fdi).isNotNull();
    assertThat(fdi.path("name").path("vi").asText()).isEqualTo("Vốn FDI thực hiện (giải ngân)");
    assertThat(doc.path("indicators").toString()).doesNotContain("trade_export_usd");
    boolean found = false;
    for (JsonNode row : doc.path("rows")) {
      if (row.path("indicator").asText().equals("fdi_disbursed_usd")
          && row.path("year").asInt() == 2016) {
        assertThat(row.path("value").decimalValue()).isEqualByComparingTo("17250000");
        found = true;
      }
    }
    assertThat(found).isTrue();
    assertThat(doc.path("row_count").asLong()).isEqualTo(r.rows());
  }

  @Test
  void parquetAndTheManifestSayTheSame() throws Exception {
    Path out = dir.resolve("indicators.parquet");
    Exporter.Result r = exporter.export("gold.indicators", ExportFormat.PARQUET, out, "en");
    assertThat(TestSpark.get().read().parquet(out.toString()).count()).isEqualTo(table.size());
    JsonNode m =
        new ObjectMapper()
            .readTree(out.resolveSibling("indicators.parquet.manifest.json").toFile());
    assertThat(m.path("rows").asLong()).isEqualTo(table.size());
    assertThat(m.path("sha256").asText()).isEqualTo(r.sha256()).hasSize(64);
    assertThat(m.path("delta_versions").has("gold.indicators")).isTrue();
  }

  @Test
  void theManifestRecordsTheVersionEachSourceWasReadAt() throws Exception {
    // A copy of the sample warehouse: the commit below changes no other test's data.
    Warehouse copy =
        Warehouse.at(ConfigCopy.copyTree(w.localDir(), dir.resolve("warehouse")).toString());
    SparkSession spark = TestSpark.get();
    WarehouseCatalog.bind(spark, copy, config.indicators().views());
    try {
      Exporter e =
          new Exporter(
              spark,
              copy,
              config,
              ExportTitles.of(ExportCatalog.load(Repo.config()), config.indicators()));
      String indicators = "delta.`" + copy.path(IndicatorsTable.ID) + "`";
      String fdi = "indicator LIKE 'fdi\\_%' AND dimension = 'total'";
      for (String source :
          List.of(
              "gold.indicators",
              "gold.fdi_yoy",
              "SELECT indicator, year, value FROM gold.indicators WHERE " + fdi)) {
        // A load commits between the versions the export records and its read.
        AtomicBoolean committed = new AtomicBoolean();
        e.beforeReading(
            () -> {
              if (!committed.getAndSet(true)) {
                spark.sql(
                    "UPDATE " + indicators + " SET value = value + 1 WHERE indicator = 'fdi_jobs'");
              }
            });
        Path out = dir.resolve("pinned.json");
        Exporter.Result r = e.export(source, ExportFormat.JSON, out, "en");
        assertThat(committed).isTrue();
        long recorded = r.versions().get("gold.indicators");
        JsonNode m =
            new ObjectMapper().readTree(out.resolveSibling("pinned.json.manifest.json").toFile());
        assertThat(m.path("delta_versions").path("gold.indicators").asLong()).isEqualTo(recorded);
        Set<String> atRecorded = new HashSet<>();
        for (Row row :
            spark
                .sql(
                    "SELECT indicator, year, value FROM "
                        + indicators
                        + " VERSION AS OF "
                        + recorded
                        + (source.equals("gold.indicators") ? "" : " WHERE " + fdi))
                .collectAsList()) {
          atRecorded.add(key(row.get(0), row.get(1), "", row.get(2)));
        }
        Set<String> exported = new HashSet<>();
        for (JsonNode row : new ObjectMapper().readTree(out.toFile()).path("rows")) {
          exported.add(
              key(
                  row.path("indicator").asText(),
                  row.path("year").asInt(),
                  "",
                  row.path("value").isNull() ? null : row.path("value").decimalValue()));
        }
        assertThat(exported)
            .as("%s holds the rows of the version it records", source)
            .isEqualTo(atRecorded);
      }
    } finally {
      SampleWarehouse.bind(spark);
    }
  }

  @Test
  void theNightlyWritesTheDeclaredExportsOncePerNight() {
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.PrintWriter out = new java.io.PrintWriter(text);
    ExportCatalog catalog = ExportCatalog.load(Repo.config());
    LocalDate night = LocalDate.of(2026, 11, 27);
    List<Exporter.Result> first =
        NightlyExports.run(TestSpark::get, w, config, catalog, dir, night, false, out);
    int declared = catalog.exports().stream().mapToInt(e -> e.formats().size()).sum();
    assertThat(first).hasSize(declared);
    assertThat(dir.resolve("2026-11-27/fdi-yoy.xlsx")).exists();
    assertThat(dir.resolve("2026-11-27/fdi-yoy.xlsx.manifest.json")).exists();
    assertThat(NightlyExports.run(TestSpark::get, w, config, catalog, dir, night, false, out))
        .as("nothing changed, every file there: nothing to write")
        .isEmpty();
    assertThat(NightlyExports.run(TestSpark::get, w, config, catalog, dir, night, true, out))
        .as("after a load that changed something, the night's files are written again")
        .hasSize(declared);
  }

  @Test
  void anExportKilledBetweenTheFileAndItsManifestIsFinishedTheNextNight() throws Exception {
    java.io.PrintWriter out = new java.io.PrintWriter(new java.io.StringWriter());
    ExportCatalog catalog = ExportCatalog.load(Repo.config());
    LocalDate night = LocalDate.of(2026, 11, 28);
    try (AutoCloseable stop = vn.extrel.warehouse.util.Failpoints.stopAt(Exporter.EXPORT_WRITTEN)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> NightlyExports.run(TestSpark::get, w, config, catalog, dir, night, false, out))
          .isInstanceOf(vn.extrel.warehouse.util.Failpoints.Stopped.class);
    }
    Path folder = dir.resolve("2026-11-28");
    Path file = folder.resolve("fdi-yoy.xlsx");
    assertThat(file).exists();
    assertThat(Exporter.manifestOf(file)).doesNotExist();
    // What a kill during a Parquet export leaves: its hidden temporary file, Spark's folder.
    Path tmp = Files.writeString(folder.resolve(".trade-yoy.xlsx8731.tmp"), "part");
    Path spark = Files.createDirectories(folder.resolve(".parquet5521/out"));
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200));
    Files.setLastModifiedTime(tmp, old);
    Files.setLastModifiedTime(spark.getParent(), old);

    List<Exporter.Result> again =
        NightlyExports.run(TestSpark::get, w, config, catalog, dir, night, false, out);

    assertThat(again)
        .extracting(r -> r.file().getFileName().toString())
        .as("the file without its manifest is written again, with it")
        .contains("fdi-yoy.xlsx");
    assertThat(Exporter.manifestOf(file)).exists();
    try (var left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("nothing a killed export left")
          .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".parquet"));
    }
  }

  @Test
  void aMisspeltFormatNamesTheFileAndLine() throws Exception {
    Path cfg = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        cfg.resolve("exports.yaml"),
        "exports:\n  - id: fdi\n    source: gold.fdi_yoy\n    formats: [xlsx, pdf]\n");
    assertThatThrownBy(() -> ExportCatalog.load(cfg))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exports.yaml:4")
        .hasMessageContaining("pdf")
        .hasMessageContaining("csv, xlsx, json or parquet");
  }

  @Test
  void theExportCommandRefusesAStatementThatWrites() {
    Cli.Result r =
        Cli.run(
            "export",
            "DROP TABLE gold.indicators",
            "--format",
            "csv",
            "--out",
            dir.resolve("x.csv").toString(),
            "--warehouse",
            w.root(),
            "--config",
            Repo.config().toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("refused");
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }
}
