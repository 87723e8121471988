package vn.extrel.warehouse.samples;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The fixtures of reports as they are really published (part of the fixture library, written by
 * {@link Fixtures}): yearly reports that repeat the year before and restate it, a sheet of three
 * breakdowns of one total, a key-indicator sheet, two tables of one workbook for two layouts, and
 * the header quirks that used to mislead the reader. One quirk each.
 */
final class PublicationFixtures {
  private PublicationFixtures() {}

  /** registered capital (triệu USD) of Japan and Korea by year, as each yearly report gives it. */
  static final double[][][] SERIES = {
    // report year, {previous year: JPN, KOR}, {its own year: JPN, KOR}
    {{2020}, {11_000, 8_000}, {12_000, 8_000}},
    {{2021}, {12_000, 8_000}, {12_500, 8_500}},
    {{2022}, {12_500, 8_500}, {13_396, 9_000}},
    // The 2023 report restates 2022: Japan 13,400 where the 2022 report said 13,396.
    {{2023}, {13_400, 9_000}, {14_000, 9_184}},
  };

  /** Writes these fixtures alone: {@code exec:java} with this class, as {@link Fixtures} says. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures/quirks"));
  }

  static void write(Path dir) throws IOException {
    for (double[][] r : SERIES) {
      yearlyReport(dir.resolve("yearly-reports/bao-cao-fdi-nam-" + (int) r[0][0] + ".xlsx"), r);
    }
    threeBreakdowns(dir.resolve("three-breakdowns-fdi.xlsx"));
    keyIndicators(dir.resolve("key-indicators-fdi.xlsx"));
    twoSheets(dir.resolve("two-sheets-one-workbook.xlsx"));
    unitConflict(dir.resolve("unit-conflict-fdi.xlsx"));
    strayNumberInHeader(dir.resolve("stray-number-in-header-fdi.xlsx"));
    headerRowAndStacked(dir.resolve("header-row-and-stacked-fdi.xlsx"));
    extraRegionTable(dir.resolve("extra-region-table-fdi.xlsx"));
    subtitleLine(dir.resolve("subtitle-line-fdi.xlsx"));
  }

  /**
   * A national year-end report: "previous year | this year | ratio" columns, a typed total row, and
   * the date it was signed.
   */
  static void yearlyReport(Path file, double[][] r) throws IOException {
    int year = (int) r[0][0];
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "BÁO CÁO ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI NĂM " + year);
    w.put(s, 2, "Hà Nội, ngày 20 tháng 12 năm " + year);
    w.put(s, 3, null, null, null, "Đơn vị tính: triệu USD");
    w.style(w.put(s, 4, "Đối tác", "Năm " + (year - 1), "Năm " + year, "So sánh (%)"), w.header);
    w.put(s, 5, "Nhật Bản", r[1][0], r[2][0], 100 * r[2][0] / r[1][0]);
    w.put(s, 6, "Hàn Quốc", r[1][1], r[2][1], 100 * r[2][1] / r[1][1]);
    double before = r[1][0] + r[1][1];
    double now = r[2][0] + r[2][1];
    w.put(s, 7, "Tổng cộng", before, now, 100 * now / before);
    w.save(file);
  }

  /** One total, 2,523 new projects, broken down three times: by sector, partner and province. */
  static void threeBreakdowns(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("05DTNN");
    w.put(s, 1, "ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI ĐƯỢC CẤP PHÉP NĂM 2020");
    w.put(s, 2, "Đơn vị tính: triệu USD");
    w.style(w.put(s, 4, "Ngành kinh tế", "Số dự án", "Vốn đăng ký"), w.header);
    w.put(s, 5, "Công nghiệp chế biến, chế tạo", 1_500, 9_000.5);
    w.put(s, 6, "Bất động sản", 1_023, 5_000.0);
    w.put(s, 7, "Tổng số", 2_523, 14_000.5);
    w.style(w.put(s, 9, "Đối tác", "Số dự án", "Vốn đăng ký"), w.header);
    w.put(s, 10, "Nhật Bản", 1_200, 7_000.0);
    w.put(s, 11, "Hàn Quốc", 1_323, 7_000.5);
    w.put(s, 12, "Tổng số", 2_523, 14_000.5);
    w.style(w.put(s, 14, "Tỉnh, thành phố", "Số dự án", "Vốn đăng ký"), w.header);
    w.put(s, 15, "Bình Dương", 2_000, 10_000.0);
    w.put(s, 16, "An Giang", 523, 4_000.5);
    w.put(s, 17, "Tổng số", 2_523, 14_000.5);
    w.save(file);
  }

  /** Indicators as rows, years and a half-year as columns, a unit column. */
  static void keyIndicators(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("Chỉ tiêu");
    w.put(s, 1, "MỘT SỐ CHỈ TIÊU CHỦ YẾU VỀ ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI");
    w.style(
        w.put(s, 3, "Chỉ tiêu", "Đơn vị tính", "Năm 2019", "Năm 2020", "6 tháng đầu năm 2021"),
        w.header);
    w.put(s, 4, "Vốn đăng ký", "Triệu USD", 38_951.5, 28_532.7, 15_270.2);
    w.put(s, 5, "Vốn thực hiện", "Triệu USD", 20_380.0, 19_980.0, 9_240.0);
    w.put(s, 6, "Số dự án cấp mới", "Dự án", 4_028, 2_523, 757);
    w.put(s, 7, "Lao động", "Nghìn người", 3_800, 4_100, 4_200);
    w.save(file);
  }

  /** FDI on one sheet, exports on another: two layouts, one workbook. */
  static void twoSheets(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet fdi = w.sheet("FDI");
    w.put(fdi, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.style(w.put(fdi, 3, "Đối tác", "Vốn đăng ký (triệu USD)"), w.header);
    w.put(fdi, 4, "Nhật Bản", 12.5);
    Sheet trade = w.sheet("Xuất khẩu");
    w.put(trade, 1, "KIM NGẠCH XUẤT KHẨU NĂM 2020");
    w.style(w.put(trade, 3, "Thị trường", "Trị giá (nghìn USD)"), w.header);
    w.put(trade, 4, "Campuchia", 80_500);
    w.put(trade, 5, "Trung Quốc", 60_250);
    w.save(file);
  }

  /** "(triệu USD)" in the header where the layout says nghìn USD. */
  static void unitConflict(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.style(w.put(s, 3, "Đối tác", "Vốn đăng ký (Triệu USD)"), w.header);
    w.put(s, 4, "Nhật Bản", 12.5);
    w.save(file);
  }

  /** A header row with a stray number beside it, over the second of two stacked tables. */
  static void strayNumberInHeader(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.style(w.put(s, 3, "Đối tác", "Vốn đăng ký (triệu USD)"), w.header);
    w.put(s, 4, "Nhật Bản", 12.5);
    w.put(s, 5, "Hàn Quốc", 8.2);
    // A page number typed in column F of the second table's header row.
    w.style(
        w.put(s, 7, "Tỉnh, thành phố", "Vốn đăng ký (triệu USD)", null, null, null, 2), w.header);
    w.put(s, 8, "An Giang", 15.0);
    w.put(s, 9, "Kiên Giang", 5.7);
    w.save(file);
  }

  /** A fixed header row, and a second table (by sector) stacked below the first. */
  static void headerRowAndStacked(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.put(s, 3, "Đối tác", "Vốn đăng ký (triệu USD)");
    w.put(s, 4, "Nhật Bản", 12.5);
    w.put(s, 6, "Ngành kinh tế", "Vốn đăng ký (triệu USD)");
    w.put(s, 7, "Công nghiệp chế biến, chế tạo", 10.0);
    w.put(s, 8, "Bất động sản", 2.5);
    w.save(file);
  }

  /** A table by region after the table by partner, which the layout does not map. */
  static void extraRegionTable(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.style(w.put(s, 3, "Đối tác", "Số dự án", "Vốn đăng ký (triệu USD)"), w.header);
    w.put(s, 4, "Nhật Bản", 3, 12.5);
    w.put(s, 5, "Hàn Quốc", 2, 8.2);
    w.put(s, 6, "Tổng cộng", 5, 20.7);
    w.style(w.put(s, 8, "Vùng", "Số dự án", "Vốn đăng ký (triệu USD)"), w.header);
    w.put(s, 9, "Đồng bằng sông Cửu Long", 4, 18.0);
    w.put(s, 10, "Đông Nam Bộ", 1, 2.7);
    w.save(file);
  }

  /** "Tính từ 01/01/2020 đến 20/12/2020" right under the header, and a row of stray zeros. */
  static void subtitleLine(Path file) throws IOException {
    Workbooks w = new Workbooks();
    Sheet s = w.sheet("FDI");
    w.put(s, 1, "VỐN ĐẦU TƯ NƯỚC NGOÀI NĂM 2020");
    w.style(w.put(s, 3, "Đối tác", "Vốn đăng ký (triệu USD)"), w.header);
    w.put(s, 4, "Tính từ 01/01/2020 đến 20/12/2020");
    w.put(s, 5, "Nhật Bản", 12.5);
    w.put(s, 6, "Hàn Quốc", 8.2);
    w.put(s, 7, null, null, null, null, 0, 0);
    w.save(file);
  }
}
