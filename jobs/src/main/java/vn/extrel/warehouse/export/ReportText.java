package vn.extrel.warehouse.export;

/** The fixed wording of an indicator workbook, in Vietnamese and English. */
enum ReportText {
  UNIT_LINE("Đơn vị tính: %s", "Unit: %s"),
  UNIT_BY_ROW("Đơn vị tính: theo cột “%s” (%s)", "Units: see the “%s” column (%s)"),
  SOURCE_COLUMN("Nguồn", "Source"),
  SOURCES_HEADING("Nguồn số liệu:", "Sources:"),
  FOOTNOTE(
      "[%d] %s, tệp %s (ngày công bố theo tệp: %s; nạp vào kho: %s)",
      "[%d] %s, file %s (published, by the file's date: %s; loaded: %s)"),
  EXPORTED(
      "Xuất từ kho dữ liệu lúc %s; %s. Ô nguồn của từng số liệu: trang “%s”.",
      "Exported from the warehouse at %s; %s. The source cells of every figure: sheet “%s”."),
  LINEAGE_TRUNCATED(
      "Trang “%s” chỉ liệt kê %,d trong %,d ô nguồn (giới hạn số dòng của Excel);"
          + " xem đủ bằng: bin/warehouse explain",
      "Sheet “%s” lists %,d of %,d source cells (Excel's row limit); all of them: bin/warehouse"
          + " explain"),
  DATA_SHEET("Số liệu", "Figures"),
  SOURCES_SHEET("Nguồn số liệu", "Sources"),
  LINEAGE_SHEET("Ô nguồn", "Source cells"),

  // Columns of the sources and source-cells sheets.
  INDICATOR("Mã chỉ tiêu", "Indicator id"),
  INDICATOR_NAME("Chỉ tiêu", "Indicator"),
  YEAR("Năm", "Year"),
  NOTE("Chú thích", "Note"),
  PUBLISHER("Nguồn (báo cáo)", "Source (report)"),
  FILE("Tệp", "File"),
  SHEET("Trang tính", "Sheet"),
  CELL("Ô", "Cell"),
  RAW_TEXT("Nội dung gốc", "Text as written"),
  VALUE_READ("Giá trị đọc được", "Value read"),
  UNIT("Đơn vị", "Unit"),
  RULE("Quy tắc đọc", "Parsing rule"),
  WHAT("Thành phần", "Item"),
  PUBLISHED("Ngày công bố (ngày của tệp)", "Published (file date)"),
  LOADED("Nạp vào kho", "Loaded"),
  REVISION("Lần gửi", "Revision"),
  SHA256("SHA-256", "SHA-256"),
  SOURCE_CELLS("Số ô nguồn", "Source cells");

  private final String vi;
  private final String en;

  ReportText(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  String in(ExportLocale locale, Object... args) {
    String text = locale == ExportLocale.VI ? vi : en;
    return args.length == 0
        ? text
        : String.format(java.util.Locale.forLanguageTag(locale.code()), text, args);
  }
}
