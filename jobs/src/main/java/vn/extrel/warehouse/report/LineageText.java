package vn.extrel.warehouse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * A cited figure's lineage in words, as {@code explain} gives it: the value, the year before, the
 * status, the publication used where the series was restated, and the files, sheets and A1 cells of
 * both years. The HTML page shows it on hover and in its table of sources; the Word document puts
 * it in a footnote and in its table of sources.
 */
final class LineageText {
  private final ExportLocale locale;
  private final Words words;
  private final Names names;
  private final Map<String, Map<String, String>> units;

  LineageText(ExportLocale locale, Names names, Map<String, Map<String, String>> units) {
    this.locale = locale;
    this.words = Words.of(locale);
    this.names = names;
    this.units = units;
  }

  private boolean vi() {
    return locale == ExportLocale.VI;
  }

  /** The indicator's name, and the member's for a breakdown. */
  String label(Figure f) {
    String name = vi() ? f.definition().nameVi() : f.definition().nameEn();
    return "total".equals(f.key().dimension()) ? name : name + " – " + names.member(f);
  }

  /** A year's value in full, with its unit: "17.250.000 USD". */
  String value(Figure f, int year) {
    boolean now = year == f.key().year();
    if (now ? !f.isExists() : !f.hasBase()) {
      return vi() ? "không có số liệu" : "no figure";
    }
    Map<String, String> u = units.get(f.getUnit());
    String unit = u == null ? f.getUnit() : u.getOrDefault(locale.code(), f.getUnit());
    return words.number(now ? f.getValue() : f.getPrev(), 2) + " " + unit;
  }

  /** The status in words, or null for a final figure. */
  String status(Figure f, int year) {
    return words.status(year == f.key().year() ? f.getStatus() : f.previousStatus());
  }

  /** The publication used, where several publications gave the figure different values. */
  String publication(Figure f) {
    if (!f.isRestated() || f.current() == null) {
      return null;
    }
    List<String> others = new ArrayList<>();
    for (Figure.Vintage v : f.vintages()) {
      if (!v.current()) {
        others.add(
            words.number(v.value(), 2)
                + " ("
                + v.publication()
                + (v.published() == null ? "" : ", " + locale.date(v.published()))
                + ")");
      }
    }
    String used =
        f.current().publication()
            + (f.current().published() == null ? "" : ", " + locale.date(f.current().published()));
    return vi()
        ? "Chuỗi số liệu đã được điều chỉnh: dùng số liệu của báo cáo "
            + used
            + (others.isEmpty() ? "" : "; các báo cáo khác ghi " + String.join("; ", others))
        : "A restated series: the figure is the one published in "
            + used
            + (others.isEmpty() ? "" : "; other publications gave " + String.join("; ", others));
  }

  /** The source cells of a year, one line per file and sheet. */
  List<String> cells(Figure f, int year) {
    FigureLineage l = f.lineage();
    List<String> out = new ArrayList<>();
    l.filesOf(year)
        .forEach(
            (path, sheets) ->
                sheets.forEach(
                    (sheet, cells) ->
                        out.add(
                            path
                                + (sheet.isEmpty()
                                    ? ""
                                    : (vi() ? ", trang “" : ", sheet “") + sheet + "”")
                                + (vi() ? ", ô " : ", cells ")
                                + String.join(
                                    ", ", cells.stream().map(LineageText::range).toList()))));
    long listed = l.cellsOf(year).size();
    long all = l.countOf(year);
    if (all > listed) {
      out.add(
          vi()
              ? "và " + (all - listed) + " ô khác (bin/warehouse explain liệt kê đủ)"
              : "and " + (all - listed) + " more (bin/warehouse explain lists them all)");
    }
    return out;
  }

  /** The lineage in one paragraph: a footnote, a tooltip. */
  String summary(Figure f) {
    int y = f.key().year();
    StringBuilder b = new StringBuilder();
    b.append(label(f)).append(vi() ? ", năm " : ", ").append(y).append(": ").append(value(f, y));
    String s = status(f, y);
    if (s != null) {
      b.append(" (").append(s).append(")");
    }
    b.append(vi() ? "; năm " : "; ").append(y - 1).append(": ").append(value(f, y - 1));
    String s0 = f.hasBase() ? status(f, y - 1) : null;
    if (s0 != null) {
      b.append(" (").append(s0).append(")");
    }
    if (f.comparison().hasRatio()) {
      b.append(vi() ? "; gấp " : "; ratio ")
          .append(words.number(f.ratio(), 2))
          .append(vi() ? " lần" : "");
    }
    b.append(". ");
    String pub = publication(f);
    if (pub != null) {
      b.append(pub).append(". ");
    }
    for (int year : List.of(y, y - 1)) {
      List<String> cells = cells(f, year);
      if (!cells.isEmpty()) {
        b.append(vi() ? "Nguồn năm " : "Sources of ")
            .append(year)
            .append(": ")
            .append(String.join("; ", cells))
            .append(". ");
      }
    }
    return b.toString().strip();
  }

  /** An activity row's cells ("A5,B5,F5") as the range they span ("A5:F5"); a cell as it is. */
  static String range(String cells) {
    if (cells == null) {
      return "";
    }
    String[] parts = cells.split(",");
    return parts.length <= 2 ? cells.replace(",", ", ") : parts[0] + ":" + parts[parts.length - 1];
  }
}
