package vn.extrel.warehouse.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * A report filled in and ready to write: its sections' paragraphs and charts, and the figures they
 * cite in citation order (number {@code i + 1} is {@code figures.get(i)}).
 */
record Rendered(
    String title,
    ExportLocale locale,
    int year,
    List<Section> sections,
    List<Figure> figures,
    Map<String, Long> versions,
    LocalDateTime generatedAt) {

  record Section(
      String id, String title, List<Prose.Paragraph> paragraphs, List<ReportCharts.Drawn> charts) {}

  /** The fixed words of the documents. */
  String sourcesHeading() {
    return locale == ExportLocale.VI ? "Nguồn số liệu" : "Sources of the figures";
  }

  List<String> sourceColumns() {
    return locale == ExportLocale.VI
        ? List.of("Số", "Chỉ tiêu", "Năm " + year, "Năm " + (year - 1), "Ghi chú", "Ô nguồn")
        : List.of(
            "No.",
            "Indicator",
            String.valueOf(year),
            String.valueOf(year - 1),
            "Note",
            "Source cells");
  }

  String generatedLine() {
    String versions =
        String.join(
            ", ",
            this.versions.entrySet().stream().map(e -> e.getKey() + " v" + e.getValue()).toList());
    return locale == ExportLocale.VI
        ? "Tạo từ kho dữ liệu lúc "
            + locale.date(generatedAt)
            + " "
            + generatedAt.toLocalTime().withNano(0)
            + " (UTC); các bảng đọc ở phiên bản: "
            + versions
            + "."
        : "Generated from the warehouse on "
            + locale.date(generatedAt)
            + " at "
            + generatedAt.toLocalTime().withNano(0)
            + " UTC; tables read at versions: "
            + versions
            + ".";
  }
}
