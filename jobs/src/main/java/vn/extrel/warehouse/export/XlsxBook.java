package vn.extrel.warehouse.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX file written row by row with fastexcel, then finished with what fastexcel leaves out:
 * each sheet's true dimension and a default cell style ({@link XlsxFinisher}). Each sheet keeps the
 * extent of the cells written to it, so the dimension is exactly the cells' range.
 */
final class XlsxBook implements AutoCloseable {

  /** One sheet, and the range its cells cover. */
  static final class Sheet {
    final Worksheet ws;
    private int rows;
    private int cols;

    private Sheet(Worksheet ws) {
      this.ws = ws;
    }

    void text(int r, int c, String text) {
      if (text != null) {
        ws.value(r, c, Cells.inert(text));
        touch(r, c);
      }
    }

    void number(int r, int c, Number n, String format) {
      if (n != null) {
        ws.value(r, c, n);
        if (format != null) {
          ws.style(r, c).format(format).set();
        }
        touch(r, c);
      }
    }

    void date(int r, int c, LocalDate d, String format) {
      if (d != null) {
        ws.value(r, c, d);
        ws.style(r, c).format(format).set();
        touch(r, c);
      }
    }

    void dateTime(int r, int c, java.time.LocalDateTime t, String format) {
      if (t != null) {
        ws.value(r, c, t);
        ws.style(r, c).format(format).set();
        touch(r, c);
      }
    }

    void bool(int r, int c, Boolean b) {
      if (b != null) {
        ws.value(r, c, b);
        touch(r, c);
      }
    }

    StyleSetter style(int r, int c) {
      return ws.style(r, c);
    }

    /** The next free row. */
    int rows() {
      return rows;
    }

    private void touch(int r, int c) {
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }

    /** {@code A1:Q328}, or {@code A1} for an empty sheet. */
    String dimension() {
      return rows == 0 ? "A1" : "A1:" + column(cols - 1) + rows;
    }
  }

  private final Path file;
  private final OutputStream out;
  private final Workbook wb;
  private final List<Sheet> sheets = new ArrayList<>();

  XlsxBook(Path file) throws IOException {
    this.file = file;
    this.out = Files.newOutputStream(file);
    this.wb = new Workbook(out, "extrel-warehouse", "1.0");
  }

  Sheet sheet(String name) {
    Sheet s = new Sheet(wb.newWorksheet(sheetName(name)));
    sheets.add(s);
    return s;
  }

  /** Writes the workbook out and finishes the file. */
  void finish() throws IOException {
    wb.finish();
    out.close();
    List<String> dimensions = new ArrayList<>();
    for (Sheet s : sheets) {
      dimensions.add(s.dimension());
    }
    XlsxFinisher.apply(file, dimensions);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** A sheet name Excel accepts: no []:*?/\ and at most 31 characters. */
  static String sheetName(String name) {
    String s = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }

  /** The letters of a zero-based column: 0 is A, 16 is Q, 26 is AA. */
  static String column(int c) {
    StringBuilder sb = new StringBuilder();
    for (int n = c + 1; n > 0; n = (n - 1) / 26) {
      sb.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return sb.toString();
  }
}
