package vn.extrel.warehouse.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.dhatim.fastexcel.Worksheet;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.table.IndicatorsTable;

/**
 * Rows to XLSX: typed numbers with thousands separators in the export's locale, dates as dates, a
 * bold frozen header. Rows of indicators (an {@code indicator} and a {@code year} column) become
 * the workbook an analyst files: a title, a unit line, the table with each figure's sources as
 * footnote marks, the footnotes (report, file, its date and its load), a sheet of the sources of
 * every figure and a sheet of the source cells behind them, so the lineage travels with the file.
 */
final class XlsxExport {

  /** Rows above the table of an indicator workbook: title, unit line, a blank row. */
  static final int TABLE_ROW = 3;

  /** The rows Excel holds below a header. */
  static final int MAX_CELLS = Worksheet.MAX_ROWS - 1;

  /** fastexcel keeps a sheet's rows in memory until flushed. */
  private static final int FLUSH_EVERY = 10_000;

  private final ExportTitles titles;
  private final ExportLocale locale;

  XlsxExport(ExportTitles titles, ExportLocale locale) {
    this.titles = titles;
    this.locale = locale;
  }

  static boolean isIndicatorRows(StructField[] fields) {
    Set<String> names = new LinkedHashSet<>();
    for (StructField f : fields) {
      names.add(f.name());
    }
    return names.contains(IndicatorsTable.INDICATOR) && names.contains(IndicatorsTable.YEAR);
  }

  /** The rows as one table from A1. */
  long table(Dataset<Row> df, Path file, String sheetName) throws IOException {
    try (XlsxBook book = new XlsxBook(file)) {
      XlsxBook.Sheet s = book.sheet(sheetName);
      long n = rows(df, s, 0, null);
      book.finish();
      return n;
    }
  }

  /** The indicator workbook. */
  long report(
      Dataset<Row> df,
      Path file,
      String source,
      IndicatorLineage.Result lineage,
      Map<String, Long> versions)
      throws IOException {
    Map<IndicatorLineage.Figure, Set<Integer>> marks = new LinkedHashMap<>();
    List<IndicatorLineage.SourceFile> notes = new ArrayList<>();
    for (IndicatorLineage.FigureSource s : lineage.sources()) {
      int at = notes.indexOf(s.file());
      if (at < 0) {
        notes.add(s.file());
        at = notes.size() - 1;
      }
      marks.computeIfAbsent(s.figure(), k -> new TreeSet<>()).add(at + 1);
    }
    String lineageSheet = ReportText.LINEAGE_SHEET.in(locale);
    try (XlsxBook book = new XlsxBook(file)) {
      XlsxBook.Sheet s = book.sheet(ReportText.DATA_SHEET.in(locale));
      s.text(0, 0, titles.sourceTitle(source, locale.code()));
      s.style(0, 0).bold().fontSize(14).set();
      s.text(1, 0, unitLine(lineage.indicators()));
      s.style(1, 0).italic().set();
      long n = rows(df, s, TABLE_ROW, marks);
      int r = s.rows() + 1;
      s.text(r++, 0, ReportText.SOURCES_HEADING.in(locale));
      s.style(r - 1, 0).bold().set();
      for (int i = 0; i < notes.size(); i++) {
        IndicatorLineage.SourceFile f = notes.get(i);
        s.text(
            r++,
            0,
            ReportText.FOOTNOTE.in(
                locale,
                i + 1,
                f.description(),
                f.path(),
                f.shownDate() == null
                    ? "?"
                    : locale.date(f.shownDate())
                        + (f.published() == null ? ReportText.FILE_DATE.in(locale) : ""),
                f.loadedAt() == null ? "?" : locale.date(f.loadedAt())));
      }
      s.text(
          r++,
          0,
          ReportText.EXPORTED.in(
              locale,
              locale.date(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                  + " "
                  + java.time.LocalTime.now(java.time.ZoneOffset.UTC)
                      .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                  + " UTC",
              versions.entrySet().stream()
                  .map(e -> e.getKey() + " v" + e.getValue())
                  .collect(Collectors.joining(", ")),
              lineageSheet));
      if (lineage.cellCount() > lineage.cells().size()) {
        s.text(
            r,
            0,
            ReportText.LINEAGE_TRUNCATED.in(
                locale, lineageSheet, lineage.cells().size(), lineage.cellCount()));
      }
      s.ws.finish();
      sourcesSheet(book.sheet(ReportText.SOURCES_SHEET.in(locale)), lineage, notes);
      cellsSheet(book.sheet(lineageSheet), lineage);
      book.finish();
      return n;
    }
  }

  /** "Đơn vị tính: USD", or, for rows in several units, the units and the column that says. */
  private String unitLine(Set<String> indicators) {
    Set<String> units = new TreeSet<>();
    for (IndicatorDefinition d : titles.indicators().indicators()) {
      if (indicators.contains(d.id())) {
        units.add(titles.unit(d.unit(), locale.code()));
      }
    }
    if (units.size() == 1) {
      return ReportText.UNIT_LINE.in(locale, units.iterator().next());
    }
    return ReportText.UNIT_BY_ROW.in(
        locale, titles.title(IndicatorsTable.UNIT, locale.code()), String.join(", ", units));
  }

  /**
   * The header at {@code top}, then the rows; with {@code marks}, a last column of footnote marks.
   */
  private long rows(
      Dataset<Row> df, XlsxBook.Sheet s, int top, Map<IndicatorLineage.Figure, Set<Integer>> marks)
      throws IOException {
    StructField[] fields = df.schema().fields();
    int columns = fields.length + (marks == null ? 0 : 1);
    for (int c = 0; c < columns; c++) {
      String title =
          c < fields.length
              ? titles.title(fields[c].name(), locale.code())
              : ReportText.SOURCE_COLUMN.in(locale);
      s.text(top, c, title);
      s.style(top, c).bold().fillColor("DDEBF7").wrapText(true).set();
      s.ws.width(c, Math.max(10, Math.min(40, title.length() + 4)));
    }
    s.ws.freezePane(0, top + 1);
    String[] formats = new String[fields.length];
    for (int c = 0; c < fields.length; c++) {
      String f = numberFormat(fields[c]);
      formats[c] = f == null ? null : locale.number(f);
    }
    int ind = List.of(df.columns()).indexOf(IndicatorsTable.INDICATOR);
    int year = List.of(df.columns()).indexOf(IndicatorsTable.YEAR);
    int unit = marks == null ? -1 : List.of(df.columns()).indexOf(IndicatorsTable.UNIT);
    long n = 0;
    int r = top + 1;
    for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); r++) {
      Row row = it.next();
      for (int c = 0; c < fields.length; c++) {
        if (!row.isNullAt(c)) {
          Object v = c == unit ? titles.unit(row.getString(c), locale.code()) : row.get(c);
          cell(s, r, c, v, formats[c]);
        }
      }
      if (marks != null && !row.isNullAt(ind) && !row.isNullAt(year)) {
        Set<Integer> m =
            marks.get(new IndicatorLineage.Figure(row.getString(ind), row.getInt(year)));
        if (m != null) {
          s.text(
              r,
              fields.length,
              m.stream().map(i -> "[" + i + "]").collect(Collectors.joining(" ")));
        }
      }
      n++;
      if (n % FLUSH_EVERY == 0) {
        s.ws.flush();
      }
    }
    return n;
  }

  private void cell(XlsxBook.Sheet s, int r, int c, Object v, String format) {
    if (v instanceof Number num) {
      s.number(r, c, num, fit(format, num));
    } else if (v instanceof Boolean b) {
      s.bool(r, c, b);
    } else if (v instanceof java.sql.Date d) {
      s.date(r, c, d.toLocalDate(), locale.dateFormat());
    } else if (v instanceof LocalDate d) {
      s.date(r, c, d, locale.dateFormat());
    } else if (v instanceof java.sql.Timestamp t) {
      s.text(r, c, t.toInstant().toString());
    } else if (v instanceof Instant t) {
      s.text(r, c, t.toString());
    } else {
      s.text(r, c, TextExport.text(v));
    }
  }

  private void sourcesSheet(
      XlsxBook.Sheet s, IndicatorLineage.Result lineage, List<IndicatorLineage.SourceFile> notes)
      throws IOException {
    header(
        s,
        ReportText.INDICATOR,
        ReportText.INDICATOR_NAME,
        ReportText.YEAR,
        ReportText.NOTE,
        ReportText.PUBLISHER,
        ReportText.FILE,
        ReportText.SHEET,
        ReportText.PUBLISHED,
        ReportText.LOADED,
        ReportText.REVISION,
        ReportText.SOURCE_CELLS,
        ReportText.SHA256);
    int r = 1;
    for (IndicatorLineage.FigureSource f : lineage.sources()) {
      IndicatorLineage.SourceFile file = f.file();
      s.text(r, 0, f.figure().indicator());
      s.text(r, 1, titles.indicatorName(f.figure().indicator(), locale.code()));
      s.number(r, 2, f.figure().year(), null);
      s.text(r, 3, "[" + (notes.indexOf(file) + 1) + "]");
      s.text(r, 4, file.description());
      s.text(r, 5, file.path());
      s.text(r, 6, f.sheets());
      s.date(r, 7, file.shownDate(), locale.dateFormat());
      s.dateTime(r, 8, file.loadedAt(), locale.dateFormat() + " hh:mm");
      s.number(r, 9, file.revision(), null);
      s.number(r, 10, f.cells(), locale.number("#,##0"));
      s.text(r, 11, file.sha256());
      r++;
    }
    s.ws.finish();
  }

  private void cellsSheet(XlsxBook.Sheet s, IndicatorLineage.Result lineage) throws IOException {
    header(
        s,
        ReportText.INDICATOR,
        ReportText.YEAR,
        ReportText.FILE,
        ReportText.SHEET,
        ReportText.CELL,
        ReportText.RAW_TEXT,
        ReportText.VALUE_READ,
        ReportText.UNIT,
        ReportText.RULE,
        ReportText.WHAT);
    String amount = locale.number("#,##0.######");
    int r = 1;
    for (IndicatorLineage.Cell c : lineage.cells()) {
      s.text(r, 0, c.figure().indicator());
      s.number(r, 1, c.figure().year(), null);
      s.text(r, 2, c.path());
      s.text(r, 3, c.sheet());
      s.text(r, 4, c.cell());
      s.text(r, 5, c.rawText());
      s.number(r, 6, c.value(), fit(amount, c.value()));
      s.text(r, 7, titles.unit(c.unit(), locale.code()));
      s.text(r, 8, c.rule());
      s.text(r, 9, c.what());
      if (r++ % FLUSH_EVERY == 0) {
        s.ws.flush();
      }
    }
    s.ws.finish();
  }

  private void header(XlsxBook.Sheet s, ReportText... columns) {
    for (int c = 0; c < columns.length; c++) {
      String title = columns[c].in(locale);
      s.text(0, c, title);
      s.style(0, c).bold().fillColor("DDEBF7").set();
      s.ws.width(c, Math.max(10, Math.min(40, title.length() + 4)));
    }
    s.ws.freezePane(0, 1);
  }

  /**
   * Optional decimals ({@code #,##0.##}) shown only where a number has them: Excel would show a
   * whole 17,250,000 as "17,250,000." with a dangling separator.
   */
  static String fit(String format, Number n) {
    int at = format == null ? -1 : format.indexOf(".#");
    if (at < 0 || n == null) {
      return format;
    }
    boolean whole =
        n instanceof BigDecimal d
            ? d.signum() == 0 || d.stripTrailingZeros().scale() <= 0
            : n.doubleValue() == Math.rint(n.doubleValue());
    return whole ? format.substring(0, at) : format;
  }

  /** Whole numbers with thousands separators; ratios and percentages with their decimals. */
  static String numberFormat(StructField f) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.IntegerType) && f.name().equals(IndicatorsTable.YEAR)) {
      return null;
    }
    if (t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.LongType)
        || t.equals(DataTypes.ShortType)) {
      return "#,##0";
    }
    if (t instanceof DecimalType d) {
      if (f.name().endsWith("_pct")) {
        return "#,##0.0";
      }
      if (f.name().contains("ratio")) {
        return "0.00";
      }
      return d.scale() == 0 ? "#,##0" : "#,##0.##";
    }
    if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
      if (f.name().endsWith("_pct")) {
        return "#,##0.0";
      }
      return f.name().contains("ratio") ? "0.00" : "#,##0.##";
    }
    return null;
  }
}
