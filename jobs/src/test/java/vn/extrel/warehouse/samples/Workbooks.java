package vn.extrel.warehouse.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small helpers to write workbooks the way offices make them (title, unit line, styled header,
 * formulas with their saved results), for the sample data and the test fixtures.
 */
public final class Workbooks {

  private final Workbook wb = new XSSFWorkbook();
  final CellStyle title;
  final CellStyle header;
  final CellStyle number;
  final CellStyle decimal;
  final CellStyle date;
  final CellStyle bold;

  public Workbooks() {
    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 13);
    title = wb.createCellStyle();
    title.setFont(big);
    title.setAlignment(HorizontalAlignment.CENTER);
    Font b = wb.createFont();
    b.setBold(true);
    header = wb.createCellStyle();
    header.setFont(b);
    header.setWrapText(true);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    number = wb.createCellStyle();
    number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
    decimal = wb.createCellStyle();
    decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
    bold = wb.createCellStyle();
    bold.setFont(b);
  }

  public Workbook workbook() {
    return wb;
  }

  public Sheet sheet(String name) {
    return wb.createSheet(name);
  }

  public static Row row(Sheet s, int oneBased) {
    Row r = s.getRow(oneBased - 1);
    return r != null ? r : s.createRow(oneBased - 1);
  }

  /** Writes values into a row from column A: String, Number, LocalDate, or "=FORMULA". */
  public Row put(Sheet s, int oneBasedRow, Object... values) {
    Row r = row(s, oneBasedRow);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      Cell c = r.createCell(i);
      if (v instanceof String str && str.startsWith("=")) {
        c.setCellFormula(str.substring(1));
        c.setCellStyle(decimal);
      } else if (v instanceof String str) {
        c.setCellValue(str);
      } else if (v instanceof Integer n) {
        c.setCellValue(n);
        c.setCellStyle(number);
      } else if (v instanceof Number n) {
        c.setCellValue(n.doubleValue());
        c.setCellStyle(decimal);
      } else if (v instanceof LocalDate d) {
        c.setCellValue(d);
        c.setCellStyle(date);
      } else {
        throw new IllegalArgumentException("cannot write " + v.getClass());
      }
    }
    return r;
  }

  public void style(Row r, CellStyle style) {
    r.forEach(c -> c.setCellStyle(style));
  }

  /** Saves with every formula's result computed and stored, as Excel does. */
  public void save(Path file) throws IOException {
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }

  /**
   * Saves without computing formulas: their cells keep no result (as some generators write them).
   */
  public void saveWithoutResults(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }
}
