package vn.extrel.warehouse.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A spreadsheet file opened for reading: XLSX, legacy XLS or CSV (one sheet). */
public interface WorkbookReader extends Closeable {

  List<SheetInfo> sheets() throws IOException;

  /**
   * Opens a sheet.
   *
   * @param withStructure whether merged ranges are needed (multi-row headers); costs a second pass
   *     over the sheet's XML
   */
  SheetData open(SheetInfo sheet, boolean withStructure) throws IOException;
}
