package vn.extrel.warehouse.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A workbook sheet as a reader opened it: its rows as the reader streams them, and its structure.
 *
 * @param info the sheet's name and position
 * @param rowSource gives the rows, in order
 * @param hiddenColumns 0-based indexes of hidden columns
 * @param merges merged ranges, as {@link SheetData#merges()} gives them
 * @param closer what closing the sheet releases
 */
record OpenedSheet(
    SheetInfo info,
    Supplier<Iterator<RawRow>> rowSource,
    Set<Integer> hiddenColumns,
    List<int[]> merges,
    Closeable closer)
    implements SheetData {

  @Override
  public String name() {
    return info.name();
  }

  @Override
  public int index() {
    return info.index();
  }

  @Override
  public Iterator<RawRow> rows() {
    return rowSource.get();
  }

  @Override
  public void close() throws IOException {
    closer.close();
  }
}
