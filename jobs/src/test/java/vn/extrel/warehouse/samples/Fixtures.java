package vn.extrel.warehouse.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes the fixture library in jobs/src/test/resources/fixtures/quirks/: small files, one quirk
 * each, named after it. Each has a test in FixtureLibraryTest. Regenerate with:
 *
 * <pre>
 * mvn -q -pl jobs test-compile exec:java -Dexec.mainClass=vn.extrel.warehouse.samples.Fixtures \
 *   -Dexec.classpathScope=test -Dexec.args=src/test/resources/fixtures/quirks</pre>
 */
public final class Fixtures {
  private Fixtures() {}

  static final String FDI_HEADER =
      "Đối tác;Số dự án;Vốn đăng ký (triệu USD);Vốn thực hiện (triệu USD);Lao động";

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures/quirks");
    Files.createDirectories(dir);
    Path docs = dir.resolve("../../../../../../docs/examples").normalize();
    Files.createDirectories(docs);
    onboardingExample(docs.resolve("danh-sach-du-an-fdi-2016.xlsx"));

    // ---- numbers ----
    csv(
        dir.resolve("dot-thousands-fdi.csv"),
        StandardCharsets.UTF_8,
        true,
        "Năm;" + FDI_HEADER,
        "2016;Nhật Bản;5;12,5;6,80;6.785");
    csv(
        dir.resolve("comma-decimal-fdi.csv"),
        StandardCharsets.UTF_8,
        true,
        "Năm;" + FDI_HEADER,
        "2016;Hàn Quốc;3;8,2;4,4;1520");
    csv(
        dir.resolve("accounting-format-fdi-en.csv"),
        StandardCharsets.UTF_8,
        true,
        "Year,Province,New projects,New capital,Adjusted capital",
        "2017,An Giang,1, 1\u00A0342.30 ,\" (28.99)\"",
        "2017,Ca Mau,2,\" 1,342.30 \",\" -   \"");
    csv(
        dir.resolve("ambiguous-dot-group-fdi.csv"),
        StandardCharsets.UTF_8,
        true,
        "Năm;" + FDI_HEADER,
        "2016;Nhật Bản;5;12.500;6,80;2310",
        "2016;Hàn Quốc;3;8,2;4,15;1520");

    // ---- encodings and text forms ----
    String[] encodedLines = {
      "Năm;" + FDI_HEADER, "2016;Hàn Quốc;3;8,2;4,15;1.520", "2016;Đài Loan;4;6,0;3,10;1.985"
    };
    csv(dir.resolve("utf8-bom-fdi.csv"), StandardCharsets.UTF_8, true, encodedLines);
    csv(dir.resolve("utf8-no-bom-fdi.csv"), StandardCharsets.UTF_8, false, encodedLines);
    utf16(dir.resolve("utf16le-bom-fdi.csv"), encodedLines);
    windows1258(dir.resolve("windows-1258-fdi.csv"), encodedLines);
    String[] nfd =
        Arrays.stream(encodedLines)
            .map(s -> Normalizer.normalize(s, Normalizer.Form.NFD))
            .toArray(String[]::new);
    csv(dir.resolve("nfd-unicode-fdi.csv"), StandardCharsets.UTF_8, true, nfd);
    csv(
        dir.resolve("tab-delimited-fdi.csv"),
        StandardCharsets.UTF_8,
        true,
        Arrays.stream(encodedLines).map(s -> s.replace(';', '\t')).toArray(String[]::new));
    Files.write(
        dir.resolve("mixed-line-endings-fdi.csv"),
        ("\uFEFFNăm;"
                + FDI_HEADER
                + "\r\n2016;Nhật Bản;5;12,5;6,80;2310\n2016;Hàn Quốc;3;8,2;4,15;1520\r"
                + "2016;Singapore;2;3,5;1,90;640\r\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(
        dir.resolve("unclosed-quote-fdi.csv"),
        ("Năm;"
                + FDI_HEADER
                + "\n2016;\"Nhật Bản;5;12,5;6,80;2310\n2016;Hàn Quốc;3;8,2;4,15;1520\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(
        dir.resolve("nul-bytes-fdi.csv"),
        ("Năm;" + FDI_HEADER + "\n2016;Nhật\0Bản;5;12,5;6,80;2310\n")
            .getBytes(StandardCharsets.UTF_8));

    // ---- sheet layout quirks ----
    titleAndUnitLine(dir.resolve("title-and-unit-line-fdi.xlsx"));
    unitInHeader(dir.resolve("unit-in-header-fdi.xlsx"), "Vốn đăng ký (triệu USD)");
    unitInHeader(dir.resolve("currency-in-vnd-fdi.xlsx"), "Vốn đăng ký (tỷ đồng)");
    mergedTwoRowHeader(dir.resolve("merged-two-row-header.xlsx"));
    csv(
        dir.resolve("year-columns-wide.csv"),
        StandardCharsets.UTF_8,
        true,
        "\"Data Source\",\"World Development Indicators\",",
        "",
        "\"Country Name\",\"Country Code\",\"2014\",\"2015\",\"2016\",",
        "\"Viet Nam\",\"VNM\",\"9200000000\",\"11800000000\",\"12600000000\",",
        "\"Lao PDR\",\"LAO\",\"\",\"1077000000\",\"935000000\",");
    totals(dir.resolve("totals-row-fdi.xlsx"), 10.5);
    totals(dir.resolve("totals-mismatch-fdi.xlsx"), 99.0);
    sections(dir.resolve("section-rows.xlsx"));
    notes(dir.resolve("notes-and-signature-fdi.xlsx"));
    hiddenSheet(dir.resolve("hidden-sheet-fdi.xlsx"));
    hiddenColumn(dir.resolve("hidden-scratch-column-fdi.xlsx"));
    hiddenRow(dir.resolve("hidden-row-fdi.xlsx"));
    formulas(dir.resolve("formula-cached-values-fdi.xlsx"), true);
    formulas(dir.resolve("formula-without-cached-value-fdi.xlsx"), false);
    Files.write(
        dir.resolve("formula-without-value-in-hidden-column-fdi.xlsx"),
        formulaInHiddenScratchColumn());
    Files.write(dir.resolve("long-note-below-table-fdi.xlsx"), longNoteBelowTable());
    Files.write(dir.resolve("no-row-numbers-fdi.xlsx"), noRowNumbers());
    Files.write(dir.resolve("repeated-row-number-fdi.xlsx"), repeatedRowNumber());
    stacked(dir.resolve("stacked-tables.xlsx"));
    sheetPerYear(dir.resolve("sheet-per-year.xlsx"));
    legacyXls(dir.resolve("legacy-format-fdi.xls"));
    repeatedHeader(dir.resolve("repeated-header-page-break-fdi.xlsx"));
    missingColumn(dir.resolve("missing-required-column-fdi.xlsx"));
    csv(
        dir.resolve("unknown-partner-fdi.csv"),
        StandardCharsets.UTF_8,
        true,
        "Năm;" + FDI_HEADER,
        "2016;Campuchiaa;1;1,5;0,5;100",
        "2016;Nhật Bản;5;12,5;6,80;2310");

    // ---- periods, dates, status, activities ----
    csv(
        dir.resolve("quarterly-periods.csv"),
        StandardCharsets.UTF_8,
        true,
        "Kỳ báo cáo;Tình trạng số liệu;Xuất khẩu/Nhập khẩu;Trị giá",
        "Quý I/2016;Chính thức;Xuất khẩu;10.000",
        "Quý II/2016;Chính thức;Xuất khẩu;12.500",
        "6 tháng đầu năm 2016;Chính thức;Xuất khẩu;22.500",
        "Năm 2016;Sơ bộ;Xuất khẩu;48.000");
    preliminary(dir.resolve("preliminary-status-fdi.xlsx"));
    dates(dir.resolve("text-dates-and-serials-activities.xlsx"));
    impossibleDateSerials(dir.resolve("impossible-date-serials-activities.xlsx"));
    multiPartner(dir.resolve("multi-partner-cell-activities.xlsx"));
    mismatch(dir.resolve("partner-country-mismatch-activities.xlsx"));

    // ---- reports as published: vintages, breakdowns, key indicators, header quirks ----
    PublicationFixtures.write(dir);

    // ---- hostile and broken files ----
    byte[] good = Files.readAllBytes(dir.resolve("totals-row-fdi.xlsx"));
    Files.write(dir.resolve("truncated-fdi.xlsx"), Arrays.copyOf(good, good.length / 2));
    encrypted(dir.resolve("password-protected-fdi.xlsx"), good);
    Files.write(
        dir.resolve("not-a-spreadsheet-fdi.xlsx"),
        "%PDF-1.4\n% Báo cáo FDI (bản PDF đổi tên thành .xlsx)\n".getBytes(StandardCharsets.UTF_8));
    Files.write(
        dir.resolve("zip-bomb-fdi.xlsx"),
        RawXlsx.build(
            RawXlsx.sheet(RawXlsx.inlineRow(1, "Đối tác", "Vốn đăng ký")),
            Map.of("xl/media/padding.bin", new byte[150 * 1024 * 1024])));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
    Files.write(dir.resolve("xml-entity-expansion-fdi.xlsx"), RawXlsx.build(laughs, Map.of()));
    Files.write(
        dir.resolve("xml-external-entity-fdi.xlsx"),
        HostileXlsx.externalEntity("file:///etc/hostname", "http://127.0.0.1:9/xxe"));
    String huge = "x".repeat(10 * 1024 * 1024);
    Files.write(
        dir.resolve("huge-cell-fdi.xlsx"),
        RawXlsx.build(
            RawXlsx.sheet(
                RawXlsx.inlineRow(1, "Đối tác", "Vốn đăng ký (triệu USD)")
                    + RawXlsx.inlineRow(2, huge, "1")),
            Map.of()));
  }

  /**
   * The workbook of the onboarding walk-through in docs/LAYOUTS.md: a layout no shipped layout
   * knows (a list of FDI projects, one row per project), with a partner spelled in a way the
   * partner list does not know.
   */
  public static void onboardingExample(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("Danh sách");
    w.put(s, 1, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ AN GIANG");
    w.style(w.put(s, 2, "DANH SÁCH DỰ ÁN FDI CÒN HIỆU LỰC ĐẾN 31/12/2016"), w.title);
    s.addMergedRegion(new CellRangeAddress(1, 1, 0, 6));
    w.put(s, 3, null, null, null, null, null, "Đơn vị tính: nghìn USD");
    w.style(
        w.put(
            s,
            5,
            "STT",
            "Tên dự án",
            "Nhà đầu tư",
            "Quốc tịch nhà đầu tư",
            "Vốn đăng ký",
            "Vốn thực hiện trong năm",
            "Số lao động"),
        w.header);
    w.put(
        s,
        6,
        1,
        "Nhà máy chế biến thủy sản Mekong",
        "Công ty TNHH Seafood Japan",
        "Nhật Bản",
        8500.0,
        4200.0,
        1250);
    w.put(
        s,
        7,
        2,
        "Nhà máy may xuất khẩu An Phú",
        "Công ty Hanil Garment",
        "Hàn Quốc",
        6200.0,
        3100.0,
        1520);
    w.put(
        s,
        8,
        3,
        "Trung tâm thương mại Long Xuyên",
        "Công ty Xing Development",
        "Xing-ga-po",
        3500.0,
        1900.0,
        640);
    w.put(s, 9, "Cộng", null, null, null, "=SUM(E6:E8)", "=SUM(F6:F8)", "=SUM(G6:G8)");
    w.put(s, 11, "Nguồn: Sở Kế hoạch và Đầu tư.");
    w.save(file);
  }

  static void csv(Path file, Charset cs, boolean bom, String... lines) throws IOException {
    byte[] body = (String.join("\r\n", lines) + "\r\n").getBytes(cs);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      out.write(body);
    }
  }

  static void utf16(Path file, String... lines) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
      out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_16LE));
    }
  }

  /**
   * Windows-1258 as old Vietnamese Windows writes it: letters with circumflex, breve or horn
   * precomposed, tone marks as separate combining characters.
   */
  static void windows1258(Path file, String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    String nfd = Normalizer.normalize(String.join("\r\n", lines) + "\r\n", Normalizer.Form.NFD);
    for (int i = 0; i < nfd.length(); ) {
      StringBuilder base = new StringBuilder().append(nfd.charAt(i++));
      StringBuilder tones = new StringBuilder();
      while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
        char m = nfd.charAt(i++);
        if ("\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0) {
          tones.append(m);
        } else {
          base.append(m);
        }
      }
      sb.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
    }
    Files.write(file, sb.toString().getBytes(Charset.forName("windows-1258")));
  }

  static Workbooks fdiSheet(Workbooks w, Sheet s, int headerRow, String registeredHeader) {
    w.style(
        w.put(
            s,
            headerRow,
            "STT",
            "Đối tác",
            "Số dự án",
            registeredHeader,
            "Vốn thực hiện (triệu USD)",
            "Lao động"),
        w.header);
    return w;
  }

  static void titleAndUnitLine(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO ĐẦU TƯ NƯỚC NGOÀI NĂM 2016");
    w.put(s, 2, null, null, null, "Đơn vị tính: nghìn USD");
    w.style(
        w.put(s, 4, "STT", "Đối tác", "Số dự án", "Vốn đăng ký", "Vốn thực hiện", "Lao động"),
        w.header);
    w.put(s, 5, 1, "Nhật Bản", 5, 12500.0, 6800.0, 2310);
    w.put(s, 6, 2, "Hàn Quốc", 3, 8200.0, 4150.0, 1520);
    w.save(file);
  }

  static void unitInHeader(Path file, String registeredHeader) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    fdiSheet(w, s, 3, registeredHeader);
    w.put(s, 4, 1, "Nhật Bản", 5, 12.5, 6.8, 2310);
    w.save(file);
  }

  static void mergedTwoRowHeader(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN FDI THEO ĐỐI TÁC");
    w.style(w.put(s, 3, "Đối tác", "Năm 2015", null, "Năm 2016", null), w.header);
    w.style(
        w.put(s, 4, null, "Vốn đăng ký", "Vốn thực hiện", "Vốn đăng ký", "Vốn thực hiện"),
        w.header);
    s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
    s.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
    s.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
    w.put(s, 5, "Nhật Bản", 7.6, 1.5, 12.5, 6.8);
    w.put(s, 6, "Hàn Quốc", 5.1, 1.02, 8.2, 4.15);
    w.save(file);
  }

  static void totals(Path file, double total) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "ĐẦU TƯ NƯỚC NGOÀI NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 2, 6.0, 3.0, 500);
    w.put(s, 5, 2, "Hàn Quốc", 1, 4.5, 2.0, 300);
    w.put(s, 6, "Tổng cộng", null, 3, total, 5.0, 800);
    w.save(file);
  }

  static void sections(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("05DTNN");
    w.put(s, 1, "Đầu tư trực tiếp của nước ngoài được cấp phép từ 01/01- 26/12/2016");
    w.put(s, 4, null, null, "Số dự án ", "Số vốn đăng ký");
    w.put(s, 5, null, null, "(Dự án)", "(Triệu USD)");
    w.put(s, 7, "TỔNG SỐ", null, 900, 1500.5);
    w.put(s, 8, "Phân theo một số địa phương");
    w.put(s, 9, null, "Hải Phòng", 52, 600.25);
    w.put(s, 10, null, "Hà Nội", 453, 700.25);
    w.put(s, 12, "Phân theo một số nước và vùng lãnh thổ");
    w.put(s, 13, null, "Hàn Quốc", 828, 1000.0);
    w.put(s, 14, null, "Xin-ga-po", 72, 500.5);
    w.save(file);
  }

  static void notes(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO FDI NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 5, 12.5, 6.8, 2310);
    w.put(s, 6, "Ghi chú: số liệu tính đến 31/12/2016.");
    w.put(s, 7, "Nguồn: Sở Kế hoạch và Đầu tư.");
    w.put(s, 8, "(*) Không kể các dự án đã giải thể.");
    w.put(s, 10, null, "An Giang, ngày 10 tháng 01 năm 2017");
    w.put(s, 11, null, "Người lập biểu", null, null, "Giám đốc");
    w.save(file);
  }

  static void hiddenSheet(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet scratch = w.sheet("Nháp");
    w.put(scratch, 1, "Đối tác", "Vốn đăng ký (triệu USD)");
    w.put(scratch, 2, "Số liệu nháp", 999.0);
    Sheet s = w.sheet("FDI 2016");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 5, 12.5, 6.8, 2310);
    w.workbook().setSheetHidden(0, true);
    w.workbook().setActiveSheet(1);
    w.workbook().setFirstVisibleTab(1);
    w.save(file);
  }

  static void hiddenColumn(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    w.style(
        w.put(
            s,
            3,
            "Đối tác",
            "Vốn đăng ký (triệu USD)",
            "Vốn đăng ký (nháp)",
            "Vốn thực hiện (triệu USD)"),
        w.header);
    w.put(s, 4, "Nhật Bản", 12.5, 999.0, 6.8);
    s.setColumnHidden(2, true);
    w.save(file);
  }

  static void hiddenRow(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 5, 12.5, 6.8, 2310);
    Row hidden = w.put(s, 5, 2, "Nháp: Nhật Bản (cũ)", 4, 10.0, 5.0, 2000);
    hidden.setZeroHeight(true);
    w.put(s, 6, 3, "Hàn Quốc", 3, 8.2, 4.15, 1520);
    w.save(file);
  }

  static void formulas(Path file, boolean withResults) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 5, "=6.5+6", 6.8, 2310);
    w.put(s, 5, 2, "Hàn Quốc", 3, 8.2, "=D5/2", 1520);
    if (withResults) {
      w.save(file);
    } else {
      w.saveWithoutResults(file);
    }
  }

  static void stacked(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐĂNG KÝ THEO ĐỐI TÁC");
    w.style(w.put(s, 3, "Năm", "Đối tác", "Vốn đăng ký"), w.header);
    w.put(s, 4, 2015, "Nhật Bản", 7.6);
    w.put(s, 5, 2015, "Hàn Quốc", 5.1);
    w.style(w.put(s, 8, "Năm", "Đối tác", "Vốn đăng ký"), w.header);
    w.put(s, 9, 2016, "Nhật Bản", 12.5);
    w.put(s, 10, 2016, "Hàn Quốc", 8.2);
    w.save(file);
  }

  static void sheetPerYear(Path file) throws IOException {
    Workbooks w = new Workbooks();
    for (int year : new int[] {2015, 2016}) {
      Sheet s = w.sheet(String.valueOf(year));
      w.put(s, 1, "VỐN ĐĂNG KÝ NĂM " + year);
      w.style(w.put(s, 3, "Đối tác", "Vốn đăng ký"), w.header);
      w.put(s, 4, "Nhật Bản", year == 2015 ? 7.6 : 12.5);
    }
    Sheet notes = w.sheet("Ghi chú");
    w.put(notes, 1, "Các sheet theo năm.");
    w.save(file);
  }

  static void legacyXls(Path file) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      Sheet s = wb.createSheet("FDI");
      s.createRow(0).createCell(0).setCellValue("BÁO CÁO NĂM 2016");
      String[] h = {
        "STT",
        "Đối tác",
        "Số dự án",
        "Vốn đăng ký (triệu USD)",
        "Vốn thực hiện (triệu USD)",
        "Lao động"
      };
      Row hr = s.createRow(2);
      for (int i = 0; i < h.length; i++) {
        hr.createCell(i).setCellValue(h[i]);
      }
      Row r = s.createRow(3);
      r.createCell(0).setCellValue(1);
      r.createCell(1).setCellValue("Nhật Bản");
      r.createCell(2).setCellValue(5);
      r.createCell(3).setCellValue(12.5);
      r.createCell(4).setCellValue(6.8);
      r.createCell(5).setCellValue(2310);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  static void repeatedHeader(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    fdiSheet(w, s, 3, "Vốn đăng ký (triệu USD)");
    w.put(s, 4, 1, "Nhật Bản", 5, 12.5, 6.8, 2310);
    fdiSheet(w, s, 5, "Vốn đăng ký (triệu USD)"); // the header again, as printed on page 2
    w.put(s, 6, 2, "Hàn Quốc", 3, 8.2, 4.15, 1520);
    w.save(file);
  }

  static void missingColumn(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO NĂM 2016");
    w.style(
        w.put(s, 3, "STT", "Số dự án", "Vốn đăng ký (triệu USD)", "Vốn thực hiện (triệu USD)"),
        w.header);
    w.put(s, 4, 1, 5, 12.5, 6.8);
    w.save(file);
  }

  static void preliminary(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "ƯỚC TÍNH VỐN FDI THỰC HIỆN NĂM 2017");
    w.put(s, 2, "Đơn vị tính: triệu USD");
    w.style(w.put(s, 4, "Đối tác", "Vốn thực hiện"), w.header);
    w.put(s, 5, "Nhật Bản", 7.9);
    w.save(file);
  }

  static void activityHeader(Workbooks w, Sheet s) {
    w.style(w.put(s, 2, "Ngày", "Hình thức", "Đối tác", "Quốc gia", "Lĩnh vực"), w.header);
  }

  static void dates(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("2016");
    w.put(s, 1, "HOẠT ĐỐI NGOẠI NĂM 2016");
    activityHeader(w, s);
    w.put(
        s,
        3,
        LocalDate.of(2016, 3, 15),
        "Ký biên bản thỏa thuận",
        "Tỉnh Takeo",
        "Campuchia",
        "Giáo dục");
    w.put(s, 4, "15/03/2016", "Ký biên bản thỏa thuận", "Tỉnh Takeo", "Campuchia", "Y tế");
    w.put(s, 5, 42444, "Ký biên bản thỏa thuận", "Tỉnh Kandal", "Campuchia", "Nông nghiệp");
    w.put(s, 6, "31/02/2016", "Đoàn ra", "Tỉnh Kandal", "Campuchia", "Văn hóa");
    w.save(file);
  }

  /**
   * Serials Excel cannot show as dates, in date-formatted cells: 3,000,000 (past 9999), -5 and 60
   * (1900-02-29, a day that never was); then a real one.
   */
  static void impossibleDateSerials(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("2016");
    w.put(s, 1, "HOẠT ĐỐI NGOẠI NĂM 2016");
    activityHeader(w, s);
    double[] serials = {3_000_000, -5, 60, 42444};
    for (int i = 0; i < serials.length; i++) {
      Row r = w.put(s, 3 + i, null, "Ký biên bản thỏa thuận", "Tỉnh Takeo", "Campuchia", "Y tế");
      org.apache.poi.ss.usermodel.Cell c = r.createCell(0);
      c.setCellValue(serials[i]);
      c.setCellStyle(w.date);
    }
    w.save(file);
  }

  /**
   * A hidden scratch column no layout maps, holding a formula with no saved result (the rest of the
   * sheet has its values).
   */
  static byte[] formulaInHiddenScratchColumn() throws IOException {
    String sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<cols><col min=\"3\" max=\"3\" width=\"0\" hidden=\"1\"/></cols><sheetData>"
            + RawXlsx.inlineRow(1, "BÁO CÁO NĂM 2016")
            + RawXlsx.inlineRow(3, "Đối tác", "Vốn đăng ký (triệu USD)", "Nháp")
            + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Nhật Bản</t></is></c>"
            + "<c r=\"B4\"><v>12.5</v></c><c r=\"C4\"><f>B4*2</f></c></row>"
            + "</sheetData></worksheet>";
    return RawXlsx.build(sheet, Map.of());
  }

  /** A sheet whose rows and cells carry no r= attributes (some generators write them so). */
  static byte[] noRowNumbers() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (String[] r :
        new String[][] {
          {"BÁO CÁO NĂM 2016"},
          {"Đối tác", "Vốn đăng ký (triệu USD)"},
          {"Nhật Bản", "12.5"},
          {"Hàn Quốc", "8.2"}
        }) {
      rows.append(RawXlsx.inlineRow(1, r).replaceAll(" r=\"[A-Z]*\\d+\"", ""));
    }
    return RawXlsx.build(RawXlsx.sheet(rows.toString()), Map.of());
  }

  /** A sheet giving two rows the same r= (a crafted or damaged file). */
  static byte[] repeatedRowNumber() throws IOException {
    return RawXlsx.build(
        RawXlsx.sheet(
            RawXlsx.inlineRow(1, "BÁO CÁO NĂM 2016")
                + RawXlsx.inlineRow(3, "Đối tác", "Vốn đăng ký (triệu USD)")
                + RawXlsx.inlineRow(4, "Nhật Bản", "12.5")
                + RawXlsx.inlineRow(4, "Hàn Quốc", "8.2")),
        Map.of());
  }

  /** A note below the table longer than a cell can hold (10 MB): no layout maps it. */
  static byte[] longNoteBelowTable() throws IOException {
    return RawXlsx.build(
        RawXlsx.sheet(
            RawXlsx.inlineRow(1, "BÁO CÁO NĂM 2016")
                + RawXlsx.inlineRow(3, "Đối tác", "Vốn đăng ký (triệu USD)")
                + RawXlsx.inlineRow(4, "Nhật Bản", "12.5")
                + RawXlsx.inlineRow(7, "Ghi chú: " + "số liệu ".repeat(1_250_000))),
        Map.of());
  }

  static void multiPartner(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("2016");
    w.put(s, 1, "HOẠT ĐỘNG ĐỐI NGOẠI NĂM 2016");
    activityHeader(w, s);
    w.put(
        s,
        3,
        LocalDate.of(2016, 4, 25),
        "Tổ chức sự kiện",
        "Thái Lan; Indonexia; Hàn Quốc",
        null,
        "Thể thao");
    w.save(file);
  }

  static void mismatch(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("2016");
    w.put(s, 1, "HOẠT ĐỘNG ĐỐI NGOẠI NĂM 2016");
    activityHeader(w, s);
    w.put(
        s,
        3,
        LocalDate.of(2016, 6, 10),
        "Ký biên bản ghi nhớ",
        "Tỉnh Champasak",
        "Campuchia",
        "Nông nghiệp");
    w.save(file);
  }

  static void encrypted(Path file, byte[] workbook) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("matkhau");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(workbook);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
  }
}
