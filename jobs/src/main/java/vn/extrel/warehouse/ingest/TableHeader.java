package vn.extrel.warehouse.ingest;

import java.util.List;
import java.util.Map;

/**
 * A table's header as found, before the units of its columns are settled.
 *
 * @param row the number of its first row
 * @param paths the flattened header path above each column that has one, in column order
 * @param columns the source columns the layout maps, in column order
 * @param texts each header row's text, to know the header when a page break repeats it
 * @param firstCells each header row's first cell, which decides most rows without their text
 */
record TableHeader(
    int row,
    Map<Integer, String> paths,
    Map<Integer, MappedColumn> columns,
    List<String> texts,
    List<String> firstCells) {}
