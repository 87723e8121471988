package vn.extrel.warehouse.ingest;

import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.table.RowClass;

/**
 * One row read from a sheet, classified.
 *
 * @param rowClass data, or a class of row that is not (title, header, total, note, ...)
 * @param label the text that names the row (first text cell), for totals and sections (bronze keeps
 *     it for rows other than data rows)
 * @param tableIndex which table of the sheet (several can be stacked), 0-based; -1 before the first
 *     header
 * @param context what the rows above say about this one: title, unit line, year, period, status; on
 *     header rows and rows before the first table (a table's other rows have their header's)
 * @param section the label of the section row above, for rows in a section of a table
 * @param cells the row's non-empty cells, in column order
 * @param columns on header rows, how the table's columns were read (the same list for every row of
 *     the table); null on other rows
 */
public record BronzeRecord(
    String sheet,
    int sheetIndex,
    int row,
    RowClass rowClass,
    String label,
    int tableIndex,
    Map<String, String> context,
    String section,
    List<RawCell> cells,
    List<TableColumn> columns) {}
