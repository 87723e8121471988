package vn.extrel.warehouse.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Readers;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Every export format read back by readers that share no code with its writer, and compared cell by
 * cell with the table: XLSX by openpyxl in normal and read-only mode and by LibreOffice; CSV by
 * Python's csv module in strict mode and by LibreOffice; JSON by Python's json module; Parquet by
 * DuckDB. Vietnamese text, numbers as numbers, dates as dates, formula-like text made inert. Python
 * reads every file in one process and LibreOffice converts them in three starts (XLSX as stored,
 * CSV, and the workbooks as shown), about a second each.
 */
class ExportReadBackTest {

  /** One value of each kind a report holds, and text a spreadsheet would run. */
  static final String TYPED =
      "SELECT * FROM VALUES"
          + " ('Việt Nam', 'Hợp tác đầu tư với Nhật Bản', CAST(6785.5 AS DECIMAL(38,6)),"
          + "  CAST(17250000 AS DECIMAL(38,6)), 12, CAST(4.4005 AS DOUBLE), DATE'2016-03-15',"
          + "  '=HYPERLINK(\"http://x\",\"y\")'),"
          + " ('Lào', '+84 296 3852', CAST(-5 AS DECIMAL(38,6)), NULL, -3, CAST(0.0001 AS DOUBLE),"
          + "  DATE'2017-12-31', '-giảm'),"
          + " ('Campuchia', '@SUM(A1)', NULL, CAST(0 AS DECIMAL(38,6)), 0, NULL, NULL, 'Đắk Lắk')"
          + " AS t(partner, title, value, amount, activities, yoy_ratio, day, note)";

  @TempDir static Path dir;

  static Exporter exporter;
  static ExportTitles titles;
  static StructField[] typedFields;
  static List<Row> typed;
  static StructField[] indicatorFields;
  static List<Row> indicators;
  static JsonNode python;
  static Path loXlsx;
  static Path loCsv;
  static Path loShown;

  @BeforeAll
  static void exportAndReadBack() throws Exception {
    SampleWarehouse.get();
    SparkSession spark = TestSpark.get();
    WarehouseConfig config = WarehouseConfig.load(Repo.config());
    titles = ExportTitles.of(ExportCatalog.load(Repo.config()), config.indicators());
    exporter = new Exporter(spark, SampleWarehouse.get(), config, titles);
    var t = spark.sql(TYPED);
    typedFields = t.schema().fields();
    typed = t.collectAsList();
    var g = spark.table("gold.indicators");
    indicatorFields = g.schema().fields();
    indicators = g.collectAsList();
    for (String name : List.of("indicators", "typed")) {
      String source = name.equals("typed") ? TYPED : "gold.indicators";
      exporter.export(source, ExportFormat.XLSX, file(name + ".xlsx"), "vi");
      exporter.export(source, ExportFormat.CSV, file(name + ".csv"), "en");
      exporter.export(source, ExportFormat.JSON, file(name + ".json"), "en");
      exporter.export(source, ExportFormat.PARQUET, file(name + ".parquet"), "en");
    }
    // The analyst's command, as the README gives it.
    Cli.Result cli =
        Cli.run(
            "export",
            "gold.fdi_yoy",
            "--format",
            "xlsx",
            "--locale",
            "vi",
            "--out",
            file("fdi.xlsx").toString(),
            "--warehouse",
            SampleWarehouse.get().root(),
            "--config",
            Repo.config().toString());
    assertThat(cli.code()).as(cli.err()).isZero();
    exporter.export("gold.fdi_yoy", ExportFormat.XLSX, file("fdi-en.xlsx"), "en");
    List<Path> xlsx =
        List.of(file("indicators.xlsx"), file("typed.xlsx"), file("fdi.xlsx"), file("fdi-en.xlsx"));
    List<Path> csv = List.of(file("indicators.csv"), file("typed.csv"));
    List<Path> all = new ArrayList<>(xlsx);
    all.addAll(csv);
    all.addAll(List.of(file("indicators.json"), file("typed.json")));
    python = Readers.python(all);
    loXlsx = Readers.libreOffice(dir, xlsx, false, false);
    loCsv = Readers.libreOffice(dir, csv, true, false);
    loShown = Readers.libreOffice(dir, List.of(file("typed.xlsx"), file("fdi.xlsx")), false, true);
  }

  static Path file(String name) {
    return dir.resolve(name);
  }

  @Test
  void everyXlsxSheetsDimensionIsTheRangeOfItsCellsAndItHasADefaultStyle() {
    for (String name : List.of("indicators.xlsx", "typed.xlsx", "fdi.xlsx", "fdi-en.xlsx")) {
      JsonNode f = read(name);
      JsonNode normal = f.path("normal").path("sheets");
      assertThat(f.path("dimensions")).hasSize(normal.size());
      for (int i = 0; i < normal.size(); i++) {
        JsonNode sheet = normal.get(i);
        // openpyxl's normal mode counts the cells themselves.
        String range = "A1:" + column(sheet.path("max_column").asInt()) + sheet.path("max_row");
        assertThat(f.path("dimensions").get(i).asText())
            .as("%s, sheet %s", name, sheet.path("name").asText())
            .isEqualTo(range);
        JsonNode readOnly = f.path("read_only").path("sheets").get(i);
        assertThat(readOnly.path("rows").size())
            .as("read-only mode sees every row of %s", sheet.path("name").asText())
            .isEqualTo(sheet.path("rows").size());
        assertThat(readOnly.path("rows")).isEqualTo(sheet.path("rows"));
      }
      assertThat(f.path("normal").path("warnings")).as(name).isEmpty();
      assertThat(f.path("read_only").path("warnings")).as(name).isEmpty();
    }
    JsonNode data = read("indicators.xlsx").path("normal").path("sheets").get(0);
    assertThat(data.path("max_column").asInt())
        .as("the table's columns and its sources")
        .isEqualTo(indicatorFields.length + 1);
    assertThat(data.path("max_row").asInt())
        .isGreaterThan(XlsxExport.TABLE_ROW + 1 + indicators.size());
  }

  @Test
  void openpyxlReadsEveryCellOfTheTableInBothModes() {
    for (String mode : List.of("normal", "read_only")) {
      JsonNode sheets = read("typed.xlsx").path(mode).path("sheets");
      assertThat(sheets).hasSize(1);
      List<List<String>> seen = openpyxl(sheets.get(0).path("rows"), 0, typedFields.length);
      assertThat(seen.get(0)).isEqualTo(header(typedFields, "vi"));
      assertThat(seen.subList(1, seen.size()))
          .as(mode)
          .isEqualTo(expected(typed, typedFields, false));

      JsonNode data = read("indicators.xlsx").path(mode).path("sheets").get(0);
      List<List<String>> rows =
          openpyxl(data.path("rows"), XlsxExport.TABLE_ROW, indicatorFields.length);
      assertThat(rows.get(0)).isEqualTo(header(indicatorFields, "vi"));
      assertThat(rows.subList(1, indicators.size() + 1))
          .as(mode)
          .containsExactlyInAnyOrderElementsOf(expected(indicators, indicatorFields, true));
    }
    // Typed as a reader sees them: numbers with the Vietnamese-tagged formats, dates as dates.
    JsonNode formats =
        read("typed.xlsx").path("normal").path("sheets").get(0).path("number_formats");
    assertThat(formats.fieldNames())
        .toIterable()
        .contains("[$-42A]#,##0", "[$-42A]#,##0.##", "[$-42A]0.00");
  }

  @Test
  void libreOfficeReadsEveryCellOfTheXlsxAsTheTable() throws Exception {
    List<List<Readers.Field>> typedSheet =
        Readers.libreOfficeSheet(loXlsx, file("typed.xlsx"), "query");
    assertThat(libreOffice(typedSheet, 0, typedFields.length, true))
        .isEqualTo(
            withHeader(header(typedFields, "vi"), expected(typed, typedFields, false), true));
    List<List<Readers.Field>> data =
        Readers.libreOfficeSheet(loXlsx, file("indicators.xlsx"), "Số liệu");
    List<List<String>> rows = libreOffice(data, XlsxExport.TABLE_ROW, indicatorFields.length, true);
    assertThat(rows.get(0)).isEqualTo(header(indicatorFields, "vi"));
    assertThat(rows.subList(1, indicators.size() + 1))
        .containsExactlyInAnyOrderElementsOf(
            libreOfficeDates(expected(indicators, indicatorFields, true), true));
  }

  @Test
  void theCsvReadStrictlyAndByLibreOfficeEqualsTheTable() throws Exception {
    for (String name : List.of("typed", "indicators")) {
      StructField[] fields = name.equals("typed") ? typedFields : indicatorFields;
      List<Row> table = name.equals("typed") ? typed : indicators;
      JsonNode f = read(name + ".csv");
      assertThat(f.path("bom").asBoolean()).as("UTF-8 BOM, so Excel shows Vietnamese").isTrue();
      List<List<String>> strict = new ArrayList<>();
      for (JsonNode row : f.path("rows")) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.asText()));
        strict.add(cells);
      }
      assertThat(strict.get(0)).isEqualTo(header(fields, "en"));
      List<List<String>> want = new ArrayList<>();
      for (Row r : table) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
          cells.add(csvText(r.get(i)));
        }
        want.add(cells);
      }
      assertThat(strict.subList(1, strict.size())).containsExactlyInAnyOrderElementsOf(want);

      // LibreOffice opening the CSV: numbers become numbers, ISO dates dates, the rest text.
      List<List<String>> lo =
          libreOffice(
              Readers.libreOfficeSheet(loCsv, file(name + ".csv"), name), 0, fields.length, false);
      assertThat(lo.get(0)).isEqualTo(header(fields, "en"));
      assertThat(lo.subList(1, lo.size()))
          .containsExactlyInAnyOrderElementsOf(
              libreOfficeDates(expected(table, fields, false), false));
    }
  }

  @Test
  void theJsonReadByPythonEqualsTheTable() {
    for (String name : List.of("typed", "indicators")) {
      StructField[] fields = name.equals("typed") ? typedFields : indicatorFields;
      List<Row> table = name.equals("typed") ? typed : indicators;
      JsonNode doc = read(name + ".json");
      List<List<String>> seen = new ArrayList<>();
      for (JsonNode row : doc.path("rows")) {
        List<String> cells = new ArrayList<>();
        for (StructField f : fields) {
          JsonNode v = row.path(f.name());
          cells.add(
              v.isNull()
                  ? null
                  : v.has("number")
                      ? "n:" + exact(v.path("number").asText())
                      : v.isBoolean() ? "b:" + v.asBoolean() : "s:" + v.asText());
        }
        seen.add(cells);
      }
      List<List<String>> want = new ArrayList<>();
      for (Row r : table) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
          Object v = r.get(i);
          cells.add(
              v == null
                  ? null
                  : v instanceof Number n ? "n:" + exact(n.toString()) : "s:" + TextExport.text(v));
        }
        want.add(cells);
      }
      assertThat(seen).as(name).containsExactlyInAnyOrderElementsOf(want);
      assertThat(doc.path("row_count").path("number").asLong()).isEqualTo(table.size());
    }
  }

  @Test
  void theParquetReadByDuckDbEqualsTheTable() throws Exception {
    for (String name : List.of("typed", "indicators")) {
      StructField[] fields = name.equals("typed") ? typedFields : indicatorFields;
      List<Row> table = name.equals("typed") ? typed : indicators;
      List<List<String>> seen = new ArrayList<>();
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = duck.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT * FROM read_parquet('"
                      + file(name + ".parquet").toString().replace("'", "''")
                      + "')")) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(fields.length);
        for (int i = 0; i < fields.length; i++) {
          assertThat(rs.getMetaData().getColumnName(i + 1)).isEqualTo(fields[i].name());
        }
        while (rs.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < fields.length; i++) {
            Object v = rs.getObject(i + 1);
            cells.add(parquetValue(v));
          }
          seen.add(cells);
        }
      }
      List<List<String>> want = new ArrayList<>();
      for (Row r : table) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
          cells.add(parquetValue(r.get(i)));
        }
        want.add(cells);
      }
      assertThat(seen).as(name).containsExactlyInAnyOrderElementsOf(want);
    }
  }

  @Test
  void libreOfficeShowsVietnameseSeparatorsAndDates() throws Exception {
    List<List<Readers.Field>> shown =
        Readers.libreOfficeSheet(loShown, file("typed.xlsx"), "query");
    List<String> first = shown.get(1).stream().map(Readers.Field::text).toList();
    assertThat(first)
        .containsExactly(
            "Việt Nam",
            "Hợp tác đầu tư với Nhật Bản",
            "6.785,5",
            "17.250.000",
            "12",
            "4,40",
            "15/03/2016",
            "'=HYPERLINK(\"http://x\",\"y\")");
  }

  @Test
  void theFdiWorkbookCarriesItsTitleUnitLineFootnotesSourcesAndSourceCells() throws Exception {
    JsonNode book = read("fdi.xlsx").path("normal").path("sheets");
    assertThat(book.findValuesAsText("name"))
        .containsExactly("Số liệu", "Nguồn số liệu", "Ô nguồn");
    JsonNode data = book.get(0).path("rows");
    assertThat(data.get(0).get(0).asText())
        .isEqualTo("Đầu tư trực tiếp nước ngoài (FDI) theo năm, so với năm trước");
    assertThat(data.get(1).get(0).asText())
        .startsWith("Đơn vị tính: ")
        .contains("USD", "dự án", "người");
    List<String> header = new ArrayList<>();
    data.get(XlsxExport.TABLE_ROW).forEach(c -> header.add(c.asText()));
    assertThat(header)
        .containsSubsequence("Mã chỉ tiêu", "Năm", "Giá trị", "Đơn vị", "Gấp (lần)", "Nguồn");
    int ind = header.indexOf("Mã chỉ tiêu");
    int year = header.indexOf("Năm");
    int value = header.indexOf("Giá trị");
    int unit = header.indexOf("Đơn vị");
    int marks = header.indexOf("Nguồn");

    // The figures, each with its footnote marks; the footnotes below the table.
    java.util.Map<String, BigDecimal> figures = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> marksOf = new java.util.LinkedHashMap<>();
    int r = XlsxExport.TABLE_ROW + 1;
    for (; r < data.size() && !data.get(r).get(0).isNull(); r++) {
      JsonNode row = data.get(r);
      String key =
          row.get(ind).asText() + "/" + row.get(year).path("number").asText().replace(".0", "");
      if (row.get(value).has("number")) {
        figures.put(key, new BigDecimal(row.get(value).path("number").asText()));
      }
      marksOf.put(key, row.get(marks).asText());
      assertThat(row.get(marks).asText()).as("sources of %s", key).matches("(\\[\\d+\\] ?)+");
    }
    assertThat(figures.get("fdi_disbursed_usd/2016")).isEqualByComparingTo("17250000");
    assertThat(data.get(XlsxExport.TABLE_ROW + 1).get(unit).asText()).isIn("USD", "dự án", "người");
    List<String> notes = new ArrayList<>();
    for (r = r + 1; r < data.size(); r++) {
      notes.add(data.get(r).get(0).asText());
    }
    assertThat(notes.get(0)).isEqualTo("Nguồn số liệu:");
    String mark = marksOf.get("fdi_disbursed_usd/2016").split(" ")[0];
    assertThat(notes)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(mark + " ")
                    .contains("tệp fdi/Bao-cao-FDI-An-Giang-2016.xlsx")
                    .containsPattern(
                        "ngày công bố theo tệp: \\d{2}/\\d{2}/\\d{4}; nạp vào kho: \\d{2}/\\d{2}/\\d{4}"));
    assertThat(notes.get(notes.size() - 1)).contains("gold.indicators v").contains("silver.fdi v");

    // The sources sheet: the file, sheet and dates behind each figure.
    JsonNode sources = book.get(1).path("rows");
    assertThat(sources.get(0).get(0).asText()).isEqualTo("Mã chỉ tiêu");
    boolean found = false;
    for (JsonNode row : sources) {
      if (row.get(0).asText().equals("fdi_disbursed_usd")
          && row.get(2).path("number").asText().equals("2016")) {
        assertThat(row.get(3).asText()).isEqualTo(mark);
        assertThat(row.get(5).asText()).isEqualTo("fdi/Bao-cao-FDI-An-Giang-2016.xlsx");
        assertThat(row.get(6).asText()).isEqualTo("FDI 2016");
        assertThat(row.get(7).has("datetime")).as("the file's date, a date cell").isTrue();
        assertThat(row.get(8).has("datetime")).as("when it was loaded").isTrue();
        found = true;
      }
    }
    assertThat(found).isTrue();

    // The source cells: file, sheet, A1 and the text as written; they add up to each figure.
    JsonNode cells = book.get(2).path("rows");
    assertThat(cells.get(0))
        .extracting(JsonNode::asText)
        .startsWith(
            "Mã chỉ tiêu", "Năm", "Tệp", "Trang tính", "Ô", "Nội dung gốc", "Giá trị đọc được");
    java.util.Map<String, BigDecimal> sums = new java.util.LinkedHashMap<>();
    boolean e8 = false;
    for (int i = 1; i < cells.size(); i++) {
      JsonNode c = cells.get(i);
      String key = c.get(0).asText() + "/" + c.get(1).path("number").asText();
      if (c.get(6).has("number")) {
        sums.merge(key, new BigDecimal(c.get(6).path("number").asText()), BigDecimal::add);
      }
      if (key.equals("fdi_disbursed_usd/2016") && c.get(4).asText().equals("E8")) {
        assertThat(c.get(2).asText()).isEqualTo("fdi/Bao-cao-FDI-An-Giang-2016.xlsx");
        assertThat(c.get(3).asText()).isEqualTo("FDI 2016");
        assertThat(c.get(5).asText()).isEqualTo("6.8");
        assertThat(c.get(9).asText()).contains("Nhật Bản (JPN)");
        e8 = true;
      }
    }
    assertThat(e8).as("the cell explain names for FDI disbursed 2016").isTrue();
    figures.forEach(
        (key, v) ->
            assertThat(sums.get(key)).as("source cells of %s", key).isEqualByComparingTo(v));
  }

  @Test
  void inEnglishTheWorkbookHasEnglishTitlesUnitsAndSheets() {
    JsonNode book = read("fdi-en.xlsx").path("normal").path("sheets");
    assertThat(book.findValuesAsText("name")).containsExactly("Figures", "Sources", "Source cells");
    JsonNode data = book.get(0).path("rows");
    assertThat(data.get(0).get(0).asText())
        .isEqualTo("Foreign direct investment by year, compared with the year before");
    assertThat(data.get(1).get(0).asText()).startsWith("Units: ").contains("projects", "persons");
    assertThat(data.get(XlsxExport.TABLE_ROW).get(0).asText()).isEqualTo("Indicator id");
    JsonNode formats = book.get(0).path("number_formats");
    assertThat(formats.fieldNames())
        .toIterable()
        .as("English leaves the separators to the reader")
        .contains("#,##0")
        .noneMatch(f -> f.startsWith("[$-42A]"));
  }

  // ---- reading helpers ----

  static JsonNode read(String name) {
    JsonNode f = python.path(file(name).toAbsolutePath().toString());
    assertThat(f.isMissingNode()).as("Python read %s", name).isFalse();
    return f;
  }

  /** The header and {@code count} columns from row {@code top} on, as tokens. */
  static List<List<String>> openpyxl(JsonNode rows, int top, int count) {
    List<List<String>> out = new ArrayList<>();
    for (int r = top; r < rows.size(); r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        JsonNode v = rows.get(r).path(c);
        cells.add(r == top ? v.asText() : token(v));
      }
      out.add(cells);
    }
    return out;
  }

  static String token(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return "s:" + v.asText();
    }
    if (v.has("number")) {
      return "n:" + asDouble(v.path("number").asText());
    }
    if (v.has("datetime")) {
      String t = v.path("datetime").asText();
      return t.endsWith("T00:00:00") ? "d:" + t.substring(0, 10) : "t:" + t;
    }
    if (v.has("date")) {
      return "d:" + v.path("date").asText();
    }
    return "b:" + v.path("bool").asBoolean();
  }

  /** LibreOffice's sheet from row {@code top}: quoted fields are text, the others numbers. */
  static List<List<String>> libreOffice(
      List<List<Readers.Field>> rows, int top, int count, boolean vietnamese) {
    List<List<String>> out = new ArrayList<>();
    for (int r = top; r < rows.size(); r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        Readers.Field f =
            c < rows.get(r).size() ? rows.get(r).get(c) : new Readers.Field("", false);
        if (r == top) {
          cells.add(f.text());
        } else if (f.quoted()) {
          cells.add("s:" + f.text());
        } else if (f.text().isEmpty()) {
          cells.add(null);
        } else if (f.text().matches("\\d{2}/\\d{2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}")) {
          cells.add("d:" + f.text());
        } else {
          // A Vietnamese-tagged number is stored with its decimal comma.
          cells.add("n:" + digits15(vietnamese ? f.text().replace(',', '.') : f.text()));
        }
      }
      out.add(cells);
    }
    return out;
  }

  /**
   * Values as LibreOffice writes a cell's stored value: numbers to 15 significant digits, the
   * precision Calc (like Excel) shows and saves; dates in ISO where the format is ISO (the English
   * CSV), else in its en-US default (month first).
   */
  static List<List<String>> libreOfficeDates(List<List<String>> rows, boolean vietnamese) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : row) {
        if (c != null && c.startsWith("d:") && vietnamese) {
          c =
              "d:"
                  + LocalDate.parse(c.substring(2))
                      .format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        } else if (c != null && c.startsWith("n:")) {
          c = "n:" + digits15(c.substring(2));
        }
        cells.add(c);
      }
      out.add(cells);
    }
    return out;
  }

  static String digits15(String number) {
    BigDecimal d = new BigDecimal(number).round(new java.math.MathContext(15)).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  static List<List<String>> withHeader(
      List<String> header, List<List<String>> rows, boolean vietnamese) {
    List<List<String>> out = new ArrayList<>();
    out.add(header);
    out.addAll(libreOfficeDates(rows, vietnamese));
    return out;
  }

  // ---- what the table says ----

  static List<String> header(StructField[] fields, String locale) {
    List<String> out = new ArrayList<>();
    for (StructField f : fields) {
      out.add(titles.title(f.name(), locale));
    }
    return out;
  }

  /** The rows as a spreadsheet should hold them. */
  static List<List<String>> expected(List<Row> rows, StructField[] fields, boolean report) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        Object v = r.get(i);
        if (v == null) {
          cells.add(null);
        } else if (v instanceof Number n) {
          cells.add("n:" + asDouble(n.toString()));
        } else if (v instanceof java.sql.Date d) {
          cells.add("d:" + d.toLocalDate());
        } else {
          String s = TextExport.text(v);
          if (report && fields[i].name().equals("unit")) {
            s = titles.unit(s, "vi");
          }
          cells.add("s:" + Cells.inert(s));
        }
      }
      out.add(cells);
    }
    return out;
  }

  static String csvText(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return exact(n.toString());
    }
    return Cells.inert(TextExport.text(v));
  }

  static String parquetValue(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return "n:" + exact(n.toString());
    }
    if (v instanceof java.sql.Date d) {
      return "d:" + d.toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return "d:" + d;
    }
    return "s:" + v;
  }

  /** A number as a spreadsheet holds it: a double. */
  static String asDouble(String number) {
    return new BigDecimal(Double.toString(Double.parseDouble(number)))
        .stripTrailingZeros()
        .toPlainString();
  }

  static String exact(String number) {
    BigDecimal d = new BigDecimal(number).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  static String column(int count) {
    return XlsxBook.column(count - 1);
  }
}
