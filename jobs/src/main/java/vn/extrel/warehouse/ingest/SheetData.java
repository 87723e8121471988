package vn.extrel.warehouse.ingest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A sheet being read: its rows as a stream, and what the workbook says about its structure. */
public interface SheetData extends Closeable {

  String name();

  /** 0-based position in the workbook. */
  int index();

  /** Rows in order; streamed, so a million-row sheet never sits in memory at once. */
  Iterator<RawRow> rows();

  /** 0-based indexes of hidden columns. */
  Set<Integer> hiddenColumns();

  /**
   * Merged ranges, each as {firstCol, firstRow, lastCol, lastRow} (0-based columns, 1-based rows).
   */
  List<int[]> merges();
}
