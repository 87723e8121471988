package vn.extrel.warehouse.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import vn.extrel.warehouse.util.Text;

/** The one sheet of a CSV file: its records as rows, parsed as they are read. */
final class CsvSheet implements SheetData {

  private static final int MAX_FIELD_CHARS = CsvWorkbookReader.MAX_FIELD_CHARS;
  private static final int MAX_COLUMNS = CsvWorkbookReader.MAX_COLUMNS;

  private final CsvParser parser;
  private final char delimiter;
  private final int skip;
  private final String displayName;

  /** Records read so far, skipped ones included: the number of the last row given. */
  private int number = 0;

  CsvSheet(CsvParser parser, char delimiter, int skip, String displayName) {
    this.parser = parser;
    this.delimiter = delimiter;
    this.skip = skip;
    this.displayName = displayName;
  }

  @Override
  public String name() {
    return null;
  }

  @Override
  public int index() {
    return 0;
  }

  @Override
  public Iterator<RawRow> rows() {
    return new Records();
  }

  /** The file's records, one parsed ahead to know where the file ends. */
  private final class Records implements Iterator<RawRow> {
    private String[] pending;
    private boolean ended;

    @Override
    public boolean hasNext() {
      if (pending != null) {
        return true;
      }
      if (ended) {
        return false;
      }
      try {
        while (number < skip && parser.parseNext() != null) {
          number++;
        }
        pending = parser.parseNext();
      } catch (TextParsingException e) {
        throw failure(e);
      }
      ended = pending == null;
      return !ended;
    }

    /**
     * A quote left open runs to the end of the file as one value: the last record then holds a
     * value with a line break followed by what looks like more records. (The parser, like Spark's,
     * takes it without complaint.)
     */
    private void checkClosed(String[] rec) {
      for (int i = 0; i < rec.length; i++) {
        String v = rec[i];
        int nl = v == null ? -1 : v.indexOf('\n');
        if (nl >= 0 && v.indexOf(delimiter, nl) >= 0) {
          throw IngestErrors.unreadableCsv(
              displayName,
              number,
              new IllegalStateException(
                  "a double quote opened in field "
                      + (i + 1)
                      + " is never closed, so the rest of the file reads as one cell"));
        }
      }
    }

    @Override
    public RawRow next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      String[] rec = pending;
      pending = null;
      number++;
      if (!hasNext()) {
        checkClosed(rec);
      }
      List<RawCell> cells = new ArrayList<>(rec.length);
      for (int i = 0; i < rec.length; i++) {
        String v = rec[i];
        if (v != null && !v.isEmpty()) {
          if (v.indexOf('\0') >= 0) {
            throw IngestErrors.nulBytesAt(displayName, number, i);
          }
          cells.add(new RawCell(i, 's', Text.nfc(v), false));
        }
      }
      return new RawRow(number, cells, false);
    }

    private RuntimeException failure(TextParsingException e) {
      int record = number + 1;
      String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      // univocity says "exceeds the maximum number of characters ... setMaxCharsPerColumn"
      if (message.contains("maxcharspercolumn")
          || message.contains("maximum number of characters")) {
        return IngestErrors.cellTooLarge(
            displayName,
            null,
            vn.extrel.warehouse.util.CellRef.of(Math.max(0, e.getColumnIndex()), record),
            MAX_FIELD_CHARS);
      }
      if (e.getMessage() != null && e.getMessage().contains("maxColumns")) {
        return IngestErrors.unreadableCsv(
            displayName,
            record,
            new IllegalStateException("more than " + MAX_COLUMNS + " fields on one record"));
      }
      Throwable cause = e.getCause() instanceof java.io.IOException io ? io : e;
      return IngestErrors.unreadableCsv(displayName, record, cause);
    }
  }

  @Override
  public Set<Integer> hiddenColumns() {
    return Set.of();
  }

  @Override
  public List<int[]> merges() {
    return List.of();
  }

  @Override
  public void close() throws IOException {
    parser.stopParsing();
  }
}
