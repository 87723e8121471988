package vn.extrel.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;
import vn.extrel.warehouse.util.Text;

/**
 * Legacy Excel 97-2003 (.xls) through POI HSSF. Such files hold at most 65,536 rows, so POI's
 * in-memory model is bounded here, unlike for XLSX.
 */
final class XlsWorkbookReader implements WorkbookReader {

  private final String displayName;
  private final POIFSFileSystem fs;
  private final HSSFWorkbook workbook;

  XlsWorkbookReader(File file, String displayName) throws IOException {
    this.displayName = displayName;
    this.fs = new POIFSFileSystem(file, true);
    if (fs.getRoot().hasEntry("EncryptionInfo")) {
      fs.close();
      throw IngestErrors.encrypted(displayName);
    }
    if (!fs.getRoot().hasEntry("Workbook")
        && !fs.getRoot().hasEntry("WORKBOOK")
        && !fs.getRoot().hasEntry("Book")) {
      fs.close();
      throw IngestErrors.notASpreadsheet(
          displayName, "an OLE2 document without a workbook, e.g. a Word file");
    }
    try {
      this.workbook = new HSSFWorkbook(fs.getRoot(), true);
    } catch (org.apache.poi.EncryptedDocumentException e) {
      fs.close();
      throw IngestErrors.encrypted(displayName);
    }
  }

  @Override
  public List<SheetInfo> sheets() {
    List<SheetInfo> out = new ArrayList<>();
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      out.add(
          new SheetInfo(
              Text.nfc(workbook.getSheetName(i)),
              i,
              workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
    }
    return out;
  }

  @Override
  public SheetData open(SheetInfo info, boolean withStructure) {
    Sheet sheet = workbook.getSheetAt(info.index());
    Set<Integer> hidden = hiddenColumns(sheet);
    List<int[]> merges = merges(sheet);
    Iterator<Row> it = sheet.rowIterator();
    return new OpenedSheet(info, () -> rows(it, info.name()), hidden, merges, () -> {});
  }

  private static Set<Integer> hiddenColumns(Sheet sheet) {
    Set<Integer> hidden = new HashSet<>();
    int lastCol = 0;
    for (Row r : sheet) {
      lastCol = Math.max(lastCol, r.getLastCellNum());
    }
    for (int c = 0; c < lastCol; c++) {
      if (sheet.isColumnHidden(c)) {
        hidden.add(c);
      }
    }
    return hidden;
  }

  private static List<int[]> merges(Sheet sheet) {
    List<int[]> merges = new ArrayList<>();
    for (CellRangeAddress a : sheet.getMergedRegions()) {
      merges.add(
          new int[] {
            a.getFirstColumn(), a.getFirstRow() + 1, a.getLastColumn(), a.getLastRow() + 1
          });
    }
    return merges;
  }

  private Iterator<RawRow> rows(Iterator<Row> it, String sheetName) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public RawRow next() {
        Row r = it.next();
        List<RawCell> cells = new ArrayList<>();
        for (Cell c : r) {
          RawCell rc = convert(c, sheetName);
          if (rc != null) {
            cells.add(rc);
          }
        }
        return new RawRow(r.getRowNum() + 1, cells, r.getZeroHeight());
      }
    };
  }

  private RawCell convert(Cell c, String sheetName) {
    boolean formula = c.getCellType() == CellType.FORMULA;
    CellType type = formula ? c.getCachedFormulaResultType() : c.getCellType();
    int col = c.getColumnIndex();
    switch (type) {
      case STRING:
        String s = c.getRichStringCellValue().getString();
        return s == null || s.isEmpty() ? null : new RawCell(col, 's', Text.nfc(s), formula);
      case NUMERIC:
        if (DateUtil.isCellDateFormatted(c)) {
          double serial = c.getNumericCellValue();
          try {
            // refuses serials that are no date
            ExcelDates.fromSerial(
                serial, workbook.getInternalWorkbook().isUsing1904DateWindowing());
          } catch (IllegalArgumentException e) {
            return new RawCell(col, 's', NumberToTextConverter.toText(serial), formula);
          }
          LocalDateTime dt = c.getLocalDateTimeCellValue();
          String iso =
              dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString() : dt.toString();
          return new RawCell(col, 'd', iso, formula);
        }
        return new RawCell(
            col, 'n', NumberToTextConverter.toText(c.getNumericCellValue()), formula);
      case BOOLEAN:
        return new RawCell(col, 'b', String.valueOf(c.getBooleanCellValue()), formula);
      case ERROR:
        return new RawCell(col, 'e', "#ERROR", formula);
      case BLANK:
        return null;
      default:
        if (formula) {
          // Refused only if a layout maps it (SourceFileReader): a scratch column may hold these.
          return RawCell.formulaWithoutValue(col, c.getCellFormula());
        }
        return null;
    }
  }

  @Override
  public void close() throws IOException {
    workbook.close();
    fs.close();
  }
}
