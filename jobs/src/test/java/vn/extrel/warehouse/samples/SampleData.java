package vn.extrel.warehouse.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes the sample spreadsheets in {@code data/}: the province's reports as an analyst receives
 * them. The figures the article in ../shared/seeds cites are reproduced exactly; the rest is
 * illustrative filler (see data/README.md). Regenerate with:
 *
 * <pre>
 * mvn -q -pl jobs test-compile exec:java -Dexec.mainClass=vn.extrel.warehouse.samples.SampleData \
 *   -Dexec.classpathScope=test -Dexec.args=../data</pre>
 */
public final class SampleData {

  /**
   * One investor country's line in a yearly FDI report: projects, registered and disbursed (million
   * USD), jobs.
   */
  record Fdi(String partner, int projects, double registered, double disbursed, Object jobs) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "data");
    fdiWorkbook(
        data.resolve("fdi/Bao-cao-FDI-An-Giang-2014.xlsx"),
        2014,
        false,
        List.of(
            new Fdi("Nhật Bản", 3, 5.2, 1.10, 1650),
            new Fdi("Hàn Quốc", 2, 3.8, 0.85, 980),
            new Fdi("Đài Loan (Trung Quốc)", 3, 4.1, 0.70, 1420),
            new Fdi("Xin-ga-po", 1, 1.5, 0.30, 410),
            new Fdi("Hoa Kỳ", 1, 0.7, 0.15, 260)));
    fdiWorkbook(
        data.resolve("fdi/Bao-cao-FDI-An-Giang-2015.xlsx"),
        2015,
        true,
        List.of(
            new Fdi("Nhật Bản", 4, 7.6, 1.50, 1890),
            new Fdi("Hàn Quốc", 3, 5.1, 1.02, 1150),
            new Fdi("Đài Loan (Trung Quốc)", 3, 4.9, 0.80, 1610),
            new Fdi("Singapore", 2, 2.6, 0.40, 520),
            new Fdi("Mỹ", 1, 1.2, 0.20, 280)));
    // The article: disbursed "trên 17 triệu đô la, tăng khoảng 4,4 lần so năm 2015" (17.25 / 3.92 =
    // 4.40);
    // "giải quyết việc làm cho 6.785 lao động" (2,310 + 1,520 + 1,985 + 640 + 330). One count is
    // typed as
    // text in Vietnamese format ("1.985"), as happens when a figure is pasted from a Word report.
    fdiWorkbook(
        data.resolve("fdi/Bao-cao-FDI-An-Giang-2016.xlsx"),
        2016,
        false,
        List.of(
            new Fdi("Nhật Bản", 5, 12.5, 6.80, 2310),
            new Fdi("Hàn Quốc", 3, 8.2, 4.15, 1520),
            new Fdi("Đài Loan (Trung Quốc)", 4, 6.0, 3.10, "1.985"),
            new Fdi("Singapore", 2, 3.5, 1.90, 640),
            new Fdi("Hoa Kỳ", 1, 2.0, 1.30, 330)));
    fdiCsv2017(data.resolve("fdi/FDI_AnGiang_2017.csv"));
    tradeCsv(data.resolve("trade/xuat-nhap-khau-2014-2016.csv"));
    tradeWide2017(data.resolve("trade/kim-ngach-xnk-2017.xlsx"));
    activities(data.resolve("doi-ngoai/hoat-dong-doi-ngoai-2014-2017.xlsx"));
  }

  static void fdiWorkbook(Path file, int year, boolean scratchSheet, List<Fdi> rows)
      throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI " + year);
    w.put(s, 1, "UBND TỈNH AN GIANG");
    w.put(s, 2, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ");
    Row t = w.put(s, 4, "BÁO CÁO TÌNH HÌNH ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI (FDI) NĂM " + year);
    w.style(t, w.title);
    s.addMergedRegion(new CellRangeAddress(3, 3, 0, 5));
    w.put(s, 5, null, null, null, null, "Đơn vị tính: triệu USD");
    Row h =
        w.put(
            s,
            7,
            "STT",
            "Đối tác đầu tư\n(quốc gia, vùng lãnh thổ)",
            "Số dự án",
            "Vốn đăng ký",
            "Vốn thực hiện\n(giải ngân)",
            "Lao động\n(người)");
    w.style(h, w.header);
    int r = 8;
    for (int i = 0; i < rows.size(); i++) {
      Fdi f = rows.get(i);
      w.put(s, r++, i + 1, f.partner(), f.projects(), f.registered(), f.disbursed(), f.jobs());
    }
    int last = r - 1;
    Row total =
        w.put(
            s,
            r,
            "Tổng cộng",
            null,
            "=SUM(C8:C" + last + ")",
            "=SUM(D8:D" + last + ")",
            "=SUM(E8:E" + last + ")",
            "=SUM(F8:F" + last + ")");
    total.getCell(0).setCellStyle(w.bold);
    s.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, 1));
    w.put(s, r + 2, "Nguồn: Sở Kế hoạch và Đầu tư tỉnh An Giang, số liệu đến 31/12/" + year + ".");
    w.put(
        s, r + 3, "Ghi chú: vốn thực hiện là vốn giải ngân trong năm; lao động tính đến cuối năm.");
    s.setColumnWidth(1, 36 * 256);
    for (int c = 2; c <= 5; c++) {
      s.setColumnWidth(c, 16 * 256);
    }
    if (scratchSheet) {
      // A helper sheet the analyst hid: it must not be read.
      Sheet scratch = w.sheet("Tính toán");
      w.put(scratch, 1, "Đối tác đầu tư", "Vốn thực hiện");
      w.put(scratch, 2, "Nháp", 999.0);
      w.workbook().setSheetHidden(1, true);
    }
    w.save(file);
  }

  static void fdiCsv2017(Path file) throws IOException {
    // Exported from Excel with Vietnamese regional settings: ';' between fields, ',' for decimals,
    // '.' for thousands, UTF-8 with a BOM.
    String csv =
        "STT;Đối tác đầu tư;Số dự án;Vốn đăng ký (triệu USD);Vốn thực hiện (triệu USD);Lao động (người)\r\n"
            + "1;Nhật Bản;6;14,2;7,90;2.450\r\n"
            + "2;Hàn Quốc;4;9,6;5,10;1.680\r\n"
            + "3;Đài Loan;4;6,8;3,95;2.040\r\n"
            + "4;Singapore;2;4,1;2,35;690\r\n"
            + "5;Hoa Kỳ;1;2,4;1,40;350\r\n"
            + "6;Thái Lan;1;3,0;0,90;210\r\n"
            + "Tổng cộng;;18;40,1;21,60;7.420\r\n";
    write(file, csv);
  }

  /**
   * Export and import lines: year, direction, market, product group, value in thousand USD (vi
   * text).
   */
  static void tradeCsv(Path file) throws IOException {
    String[][] exports = {
      {"Phi-líp-pin", "Gạo", "98450,5"},
      {"In-đô-nê-xi-a", "Gạo", "45120"},
      {"Ma-lai-xi-a", "Gạo", "38600"},
      {"Hoa Kỳ", "Thủy sản", "72300,8"},
      {"Trung Quốc", "Thủy sản", "55210"},
      {"Hà Lan", "Thủy sản", "21800"},
      {"Trung Quốc", "Rau quả", "18450,2"},
      {"Nhật Bản", "Rau quả", "9870"},
      {"Cam-pu-chia", "Hàng tiêu dùng", "26340"}
    };
    String[][] imports = {
      {"Campuchia", "Nông sản", "35600"},
      {"Trung Quốc", "Phân bón", "12400"},
      {"Trung Quốc", "Máy móc thiết bị", "15300,5"},
      {"Thái Lan", "Thức ăn chăn nuôi", "10250"},
      {"Hàn Quốc", "Nguyên phụ liệu dệt may", "8900"}
    };
    double[] scale = {0.82, 0.91, 1.0};
    StringBuilder sb =
        new StringBuilder("Năm;Xuất khẩu/Nhập khẩu;Thị trường;Nhóm hàng;Trị giá (nghìn USD)\r\n");
    for (int y = 0; y < 3; y++) {
      int year = 2014 + y;
      for (String[] e : exports) {
        String value = vi(Double.parseDouble(e[2].replace(',', '.')) * scale[y]);
        if (year == 2015 && e[1].equals("Rau quả") && e[0].equals("Nhật Bản")) {
          value =
              "đang cập nhật"; // the office had not received the figure: quarantined, not guessed
        }
        String market = year == 2015 && e[0].equals("Hoa Kỳ") ? "Mỹ" : e[0];
        sb.append(year)
            .append(";Xuất khẩu;")
            .append(market)
            .append(';')
            .append(e[1])
            .append(';')
            .append(value)
            .append("\r\n");
      }
      for (String[] i : imports) {
        String value = vi(Double.parseDouble(i[2].replace(',', '.')) * scale[y]);
        sb.append(year)
            .append(";Nhập khẩu;")
            .append(i[0])
            .append(';')
            .append(i[1])
            .append(';')
            .append(value)
            .append("\r\n");
      }
    }
    write(file, sb.toString());
  }

  /** A number as a Vietnamese office types it: "98.450,5". */
  static String vi(double v) {
    double rounded = Math.round(v * 10) / 10.0;
    String s = String.format(java.util.Locale.ROOT, "%,.1f", rounded);
    s = s.replace(',', ' ').replace('.', ',').replace(' ', '.');
    return s.endsWith(",0") ? s.substring(0, s.length() - 2) : s;
  }

  static void tradeWide2017(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("2017");
    w.style(w.put(s, 1, "KIM NGẠCH XUẤT NHẬP KHẨU THEO THỊ TRƯỜNG NĂM 2017"), w.title);
    w.put(s, 2, "Đơn vị tính: nghìn USD");
    w.style(w.put(s, 4, "STT", "Thị trường", "Nhóm hàng", "Xuất khẩu", "Nhập khẩu"), w.header);
    Object[][] rows = {
      {"Phi-líp-pin", "Gạo", 112350.0, null},
      {"Indonesia", "Gạo", 50210.0, null},
      {"Malaysia", "Gạo", 41880.0, null},
      {"Hoa Kỳ", "Thủy sản", 80150.5, null},
      {"Trung Quốc", "Thủy sản", 63420.0, 16800.0},
      {"Hà Lan", "Thủy sản", 23950.0, null},
      {"Nhật Bản", "Rau quả", 11200.0, null},
      {"Campuchia", "Nông sản", 28900.0, 39100.0},
      {"Thái Lan", "Thức ăn chăn nuôi", null, 11050.0},
      {"Hàn Quốc", "Nguyên phụ liệu dệt may", null, 9700.0}
    };
    int r = 5;
    for (int i = 0; i < rows.length; i++) {
      Object[] row = rows[i];
      w.put(s, r++, i + 1, row[0], row[1], row[2], row[3]);
    }
    w.put(s, r, "Cộng", null, null, "=SUM(D5:D" + (r - 1) + ")", "=SUM(E5:E" + (r - 1) + ")");
    w.put(s, r + 1, "Nguồn: Sở Công Thương An Giang.");
    w.save(file);
  }

  record Activity(
      Object date,
      String type,
      String channel,
      String partner,
      String country,
      String field,
      String content) {}

  static void activities(Path file) throws IOException {
    Workbooks w = new Workbooks();
    activitySheet(
        w,
        2014,
        List.of(
            new Activity(
                "25/01/2014",
                "Đón đoàn vào",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Văn hóa",
                "Đoàn tỉnh Takeo thăm, chúc Tết Nguyên đán"),
            new Activity(
                "20/03/2014",
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo",
                "Campuchia",
                "Nông nghiệp",
                "Thỏa thuận hợp tác phát triển nông nghiệp"),
            new Activity(
                "20/03/2014",
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "Y tế",
                "Thỏa thuận hợp tác y tế vùng biên"),
            new Activity(
                "12/04/2014",
                "Đoàn ra",
                "Đối ngoại nhân dân",
                "Tỉnh Kandal",
                "Campuchia",
                "Văn hóa",
                "Thăm, chúc Tết Chôl Chnăm Thmây"),
            new Activity(
                "15/06/2014",
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "JICA",
                "Nhật Bản",
                "Nông nghiệp",
                "Làm việc về dự án nông nghiệp thích ứng biến đổi khí hậu"),
            new Activity(
                "10/09/2014",
                "Tham gia hội chợ",
                "Ngoại giao Nhà nước",
                "Campuchia",
                "Campuchia",
                "Thương mại",
                "Hội chợ thương mại Việt Nam - Campuchia tại Phnôm Pênh"),
            new Activity(
                "05/12/2014",
                "Hội nghị, hội thảo",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo; Tỉnh Kandal",
                "Campuchia",
                "An ninh biên giới",
                "Hội đàm về tình hình an ninh trật tự tuyến biên giới")));
    activitySheet(
        w,
        2015,
        List.of(
            new Activity(
                LocalDate.of(2015, 1, 15),
                "Đón đoàn vào",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Văn hóa",
                "Đoàn tỉnh Takeo chúc Tết"),
            new Activity(
                LocalDate.of(2015, 3, 10),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo",
                "Campuchia",
                "Giáo dục",
                "Thỏa thuận hợp tác đào tạo nguồn nhân lực"),
            new Activity(
                LocalDate.of(2015, 4, 16),
                "Đoàn ra",
                "Đối ngoại nhân dân",
                "Tỉnh Kandal",
                "Campuchia",
                "Văn hóa",
                "Thăm, chúc Tết cổ truyền"),
            new Activity(
                LocalDate.of(2015, 6, 20),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "KOICA",
                "Hàn Quốc",
                "Y tế",
                "Làm việc về dự án nâng cấp trạm y tế xã"),
            new Activity(
                LocalDate.of(2015, 8, 14),
                "Tham gia hội chợ",
                "Ngoại giao Nhà nước",
                "Thái Lan",
                "Thái Lan",
                "Thương mại",
                "Hội chợ hàng Việt Nam tại Bangkok"),
            new Activity(
                LocalDate.of(2015, 9, 11),
                "Đón đoàn vào",
                "Ngoại giao Nhà nước",
                "Tỉnh Champasak",
                "Lào",
                "Nông nghiệp",
                "Đoàn tỉnh Champasak khảo sát mô hình nông nghiệp"),
            new Activity(
                LocalDate.of(2015, 11, 2),
                "Hội nghị, hội thảo",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "An ninh biên giới",
                "Hội đàm giải quyết vụ việc vùng biên"),
            new Activity(
                LocalDate.of(2015, 12, 12),
                "Giao lưu",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Thể thao",
                "Giao lưu bóng đá thanh niên")));
    // 2016: the activities the article names. "04 biên bản thỏa thuận với tỉnh Ta Keo, Kandal
    // (Campuchia)
    // và 01 biên bản ghi nhớ với tỉnh Champasak (Lào)", in education, agriculture, health, border
    // trade.
    activitySheet(
        w,
        2016,
        List.of(
            new Activity(
                LocalDate.of(2016, 1, 25),
                "Đón đoàn vào",
                "Đối ngoại nhân dân",
                "Tỉnh Ta Keo",
                "Campuchia",
                "Văn hóa",
                "Đoàn tỉnh Ta Keo thăm, chúc Tết Nguyên đán"),
            new Activity(
                LocalDate.of(2016, 3, 15),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Ta Keo",
                "Cam-pu-chia",
                "Giáo dục",
                "Thỏa thuận hợp tác giáo dục, đào tạo giai đoạn 2016-2020"),
            new Activity(
                LocalDate.of(2016, 3, 15),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo",
                "Campuchia",
                "Y tế",
                "Thỏa thuận hợp tác khám chữa bệnh cho cư dân biên giới"),
            new Activity(
                LocalDate.of(2016, 4, 2),
                "Tổ chức sự kiện",
                "Ngoại giao Nhà nước",
                null,
                null,
                "Văn hóa",
                "Ngày hội Văn hóa Thể thao và Du lịch đồng bào Chăm"),
            new Activity(
                LocalDate.of(2016, 4, 6),
                "Đoàn ra",
                "Đối ngoại nhân dân",
                "Tỉnh Kandal",
                "Campuchia",
                "Văn hóa",
                "Thăm, chúc Tết Chôl Chnăm Thmây"),
            new Activity(
                LocalDate.of(2016, 4, 7),
                "Đoàn ra",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Văn hóa",
                "Thăm, chúc Tết Chôl Chnăm Thmây"),
            new Activity(
                LocalDate.of(2016, 4, 22),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "Nông nghiệp",
                "Thỏa thuận hợp tác phát triển nông nghiệp"),
            new Activity(
                LocalDate.of(2016, 4, 22),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "Kinh tế biên mậu",
                "Thỏa thuận hợp tác phát triển thương mại biên giới"),
            new Activity(
                LocalDate.of(2016, 4, 25),
                "Tổ chức sự kiện",
                "Ngoại giao Nhà nước",
                "Thái Lan; Indonexia; Hàn Quốc",
                null,
                "Thể thao",
                "Giải xe đạp nữ toàn quốc có 3 đội nước ngoài tham gia"),
            new Activity(
                LocalDate.of(2016, 5, 18),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "Cơ quan Hợp tác quốc tế Nhật Bản (JICA)",
                "Nhật Bản",
                "Nông nghiệp",
                "Làm việc về hợp tác phát triển nông nghiệp"),
            new Activity(
                LocalDate.of(2016, 6, 10),
                "Ký biên bản ghi nhớ",
                "Ngoại giao Nhà nước",
                "Tỉnh Champasak",
                "Lào",
                "Nông nghiệp",
                "Biên bản ghi nhớ hợp tác trên nhiều lĩnh vực"),
            new Activity(
                LocalDate.of(2016, 7, 7),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "Lãnh sự quán Ý tại TP. Hồ Chí Minh",
                "Ý",
                "Kinh tế",
                "Làm việc về xúc tiến hợp tác kinh tế"),
            new Activity(
                LocalDate.of(2016, 7, 15),
                "Hội nghị, hội thảo",
                "Đối ngoại nhân dân",
                "Tỉnh Kandal",
                "Campuchia",
                "Thông tin đối ngoại",
                "Hội thảo chia sẻ kinh nghiệm công tác tuyên truyền"),
            new Activity(
                LocalDate.of(2016, 8, 12),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "Chương trình DAP - Tổng Lãnh sự quán Úc tại TP. Hồ Chí Minh",
                "Úc",
                "Phát triển cộng đồng",
                "Làm việc về Chương trình viện trợ trực tiếp DAP"),
            new Activity(
                LocalDate.of(2016, 8, 28),
                "Giao lưu",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Thể thao",
                "Giao lưu văn hóa, thể dục thể thao thanh niên"),
            new Activity(
                LocalDate.of(2016, 9, 20),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "Tổng Lãnh sự quán Hoa Kỳ tại TP. Hồ Chí Minh",
                "Hoa Kỳ",
                "Giáo dục",
                "Hợp tác giáo dục và đào tạo"),
            new Activity(
                LocalDate.of(2016, 10, 14),
                "Đón đoàn vào",
                "Ngoại giao Nhà nước",
                "Học viện Quân sự Hoàng gia Thái Lan",
                "Thái Lan",
                "Văn hóa",
                "Tham quan, trao đổi kinh nghiệm về nền Văn hóa Óc Eo"),
            new Activity(
                LocalDate.of(2016, 11, 3),
                "Đón đoàn vào",
                "Ngoại giao Nhà nước",
                "Trung tâm APSARA",
                "Campuchia",
                "Văn hóa",
                "Tham quan, trao đổi kinh nghiệm về nền Văn hóa Óc Eo"),
            new Activity(
                LocalDate.of(2016, 11, 20),
                "Tham gia hội chợ",
                "Ngoại giao Nhà nước",
                null,
                null,
                "Du lịch",
                "Tham gia hội chợ du lịch và sự kiện Năm Du lịch quốc gia"),
            new Activity(
                LocalDate.of(2016, 12, 10),
                "Hội nghị, hội thảo",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo; Tỉnh Kandal",
                "Campuchia",
                "An ninh biên giới",
                "Trao đổi thông tin tình hình trật tự, an toàn xã hội tuyến biên giới")));
    activitySheet(
        w,
        2017,
        List.of(
            new Activity(
                LocalDate.of(2017, 1, 12),
                "Đón đoàn vào",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Văn hóa",
                "Đoàn tỉnh Takeo chúc Tết"),
            new Activity(
                LocalDate.of(2017, 3, 15),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "Giáo dục",
                "Thỏa thuận hợp tác giáo dục"),
            new Activity(
                LocalDate.of(2017, 3, 15),
                "Ký biên bản thỏa thuận",
                "Ngoại giao Nhà nước",
                "Tỉnh Kandal",
                "Campuchia",
                "Y tế",
                "Thỏa thuận hợp tác y tế"),
            new Activity(
                LocalDate.of(2017, 4, 20),
                "Ký biên bản ghi nhớ",
                "Ngoại giao Nhà nước",
                "Tỉnh Champasak",
                "Lào",
                "Du lịch",
                "Ghi nhớ hợp tác phát triển du lịch"),
            new Activity(
                LocalDate.of(2017, 5, 8),
                "Đoàn ra",
                "Đối ngoại nhân dân",
                "Tỉnh Takeo",
                "Campuchia",
                "Văn hóa",
                "Thăm hữu nghị"),
            new Activity(
                LocalDate.of(2017, 6, 16),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "JICA",
                "Nhật Bản",
                "Nông nghiệp",
                "Làm việc về dự án thủy lợi"),
            new Activity(
                LocalDate.of(2017, 7, 22),
                "Làm việc với đối tác",
                "Ngoại giao Nhà nước",
                "KOICA",
                "Hàn Quốc",
                "Phát triển cộng đồng",
                "Khảo sát dự án nước sạch nông thôn"),
            new Activity(
                LocalDate.of(2017, 8, 18),
                "Tham gia hội chợ",
                "Ngoại giao Nhà nước",
                "Campuchia",
                "Campuchia",
                "Thương mại",
                "Hội chợ thương mại biên giới"),
            new Activity(
                LocalDate.of(2017, 9, 14),
                "Đón đoàn vào",
                "Đối ngoại Đảng",
                "Tỉnh Takeo",
                "Campuchia",
                "Chính trị",
                "Trao đổi kinh nghiệm công tác xây dựng Đảng"),
            new Activity(
                LocalDate.of(2017, 10, 9),
                "Hội nghị, hội thảo",
                "Ngoại giao Nhà nước",
                "Tỉnh Takeo; Tỉnh Kandal",
                "Campuchia",
                "An ninh biên giới",
                "Hội đàm an ninh trật tự tuyến biên giới"),
            new Activity(
                LocalDate.of(2017, 11, 24),
                "Giao lưu",
                "Đối ngoại nhân dân",
                "Tỉnh Kandal",
                "Campuchia",
                "Thể thao",
                "Giao lưu thể thao thanh niên"),
            new Activity(
                LocalDate.of(2017, 12, 5),
                "Đón đoàn vào",
                "Ngoại giao Nhà nước",
                "Tổng Lãnh sự quán Hoa Kỳ",
                "Hoa Kỳ",
                "Giáo dục",
                "Làm việc về học bổng và giao lưu sinh viên")));
    w.save(file);
  }

  static void activitySheet(Workbooks w, int year, List<Activity> rows) {
    Sheet s = w.sheet(String.valueOf(year));
    w.style(w.put(s, 1, "DANH SÁCH HOẠT ĐỘNG ĐỐI NGOẠI NĂM " + year), w.title);
    s.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
    w.style(
        w.put(
            s,
            3,
            "STT",
            "Ngày",
            "Hình thức",
            "Kênh đối ngoại",
            "Đối tác",
            "Quốc gia",
            "Lĩnh vực",
            "Nội dung"),
        w.header);
    int r = 4;
    for (int i = 0; i < rows.size(); i++) {
      Activity a = rows.get(i);
      w.put(
          s,
          r++,
          i + 1,
          a.date(),
          a.type(),
          a.channel(),
          a.partner(),
          a.country(),
          a.field(),
          a.content());
    }
    w.put(s, r + 1, "Ghi chú: số liệu do Sở Ngoại vụ tổng hợp từ báo cáo của các sở, ngành.");
    s.setColumnWidth(1, 12 * 256);
    s.setColumnWidth(4, 40 * 256);
    s.setColumnWidth(7, 60 * 256);
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(file, all);
  }

  private SampleData() {}
}
