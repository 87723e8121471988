package vn.extrel.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.Text;

/**
 * Reads one source file under its layout into bronze records: picks the reader by the file's
 * content, the sheets by the layout, and streams every row of every chosen sheet through a {@link
 * TableExtractor}.
 */
public final class SourceFileReader {
  private SourceFileReader() {}

  /** What the first bytes say the file is. */
  enum Kind {
    XLSX,
    XLS,
    CSV
  }

  static Kind sniff(File file, String displayName, Layout.Format format) throws IOException {
    String declared = format.type().toLowerCase(Locale.ROOT);
    byte[] head;
    try (InputStream in = Files.newInputStream(file.toPath())) {
      head = in.readNBytes(8);
    }
    boolean zip =
        head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean ole2 =
        head.length >= 8
            && (head[0] & 0xFF) == 0xD0
            && (head[1] & 0xFF) == 0xCF
            && (head[2] & 0xFF) == 0x11
            && (head[3] & 0xFF) == 0xE0;
    String name = displayName.toLowerCase(Locale.ROOT);
    if (zip) {
      return Kind.XLSX;
    }
    if (ole2) {
      return Kind.XLS; // also an encrypted XLSX, which XlsWorkbookReader recognises
    }
    if ("xlsx".equals(declared) || name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      throw head.length == 0
          ? IngestErrors.notASpreadsheet(displayName, "the file is empty")
          : IngestErrors.notASpreadsheet(
              displayName, "an .xlsx name but not a zip package; truncated or renamed?");
    }
    if ("xls".equals(declared) || name.endsWith(".xls")) {
      throw IngestErrors.notASpreadsheet(displayName, "an .xls name but not an Excel 97-2003 file");
    }
    if (head.length == 0) {
      throw IngestErrors.notASpreadsheet(displayName, "the file is empty");
    }
    return Kind.CSV;
  }

  static WorkbookReader open(File file, String displayName, Layout.Format format) {
    try {
      return switch (sniff(file, displayName, format)) {
        case XLSX -> new XlsxWorkbookReader(file, displayName);
        case XLS -> new XlsWorkbookReader(file, displayName);
        case CSV -> new CsvWorkbookReader(file, displayName, format);
      };
    } catch (IngestErrors.FileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw IngestErrors.unreadable(displayName, e);
    }
  }

  /** The sheets the layout asks for, in workbook order. */
  static List<SheetInfo> select(List<SheetInfo> sheets, Layout.Sheets spec, String displayName) {
    List<SheetInfo> out = new ArrayList<>();
    Pattern regex =
        spec.regex() == null
            ? null
            : Pattern.compile(spec.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    for (SheetInfo s : sheets) {
      boolean visible = !s.hidden() || spec.hiddenIncluded();
      if (spec.name() != null) {
        if (s.name() != null && Text.fold(s.name()).equals(Text.fold(spec.name()))) {
          out.add(s);
        }
      } else if (spec.index() != null) {
        if (s.index() == spec.index()) {
          out.add(s);
        }
      } else if (regex != null) {
        if (visible && s.name() != null && regex.matcher(Text.squish(s.name())).find()) {
          out.add(s);
        }
      } else if (spec.every()) {
        if (visible) {
          out.add(s);
        }
      } else if (visible && out.isEmpty()) {
        out.add(s); // default: the first visible sheet
      }
    }
    if (out.isEmpty()) {
      String wanted =
          spec.name() != null
              ? "name '" + spec.name() + "'"
              : spec.index() != null
                  ? "index " + spec.index()
                  : spec.regex() != null ? "regex '" + spec.regex() + "'" : "(any visible sheet)";
      List<String> names = new ArrayList<>();
      sheets.forEach(s -> names.add(s.name() + (s.hidden() ? " (hidden)" : "")));
      throw IngestErrors.noSheet(displayName, wanted, names);
    }
    return out;
  }

  /**
   * Streams the bronze records of a file. The returned iterator must be drained or closed; IO
   * failures surface as {@link IngestErrors.FileException}.
   */
  public static CloseableIterator read(
      File file, String displayName, Layout layout, FactTable target) {
    return read(file, displayName, List.of(layout));
  }

  /**
   * The same under several layouts that share the workbook, each reading the sheets it names; a
   * sheet two of them claim fails the file with both names.
   */
  public static CloseableIterator read(File file, String displayName, List<Layout> layouts) {
    WorkbookReader reader = open(file, displayName, layouts.get(0).format());
    java.util.TreeMap<Integer, Map.Entry<SheetInfo, Layout>> sheets = new java.util.TreeMap<>();
    try {
      List<SheetInfo> all = reader.sheets();
      IngestErrors.FileException none = null;
      for (Layout l : layouts) {
        List<SheetInfo> chosen;
        try {
          chosen = select(all, l.sheets(), displayName);
        } catch (IngestErrors.FileException e) {
          if (layouts.size() == 1) {
            throw e;
          }
          // Layouts that share workbooks claim the sheets they name; a workbook without one
          // layout's sheet is read by the others.
          none = none == null ? e : none;
          continue;
        }
        for (SheetInfo s : chosen) {
          Map.Entry<SheetInfo, Layout> other = sheets.put(s.index(), Map.entry(s, l));
          if (other != null) {
            throw IngestErrors.sheetClaimedTwice(
                displayName, s.name(), other.getValue().id(), l.id());
          }
        }
      }
      if (sheets.isEmpty() && none != null) {
        throw none;
      }
    } catch (IOException e) {
      closeQuietly(reader);
      throw IngestErrors.unreadable(displayName, e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
    String fileName = new File(displayName).getName();
    return new CloseableIterator(reader, new ArrayList<>(sheets.values()), displayName, fileName);
  }

  private static void closeQuietly(WorkbookReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // closing after a failure; the failure is what the user needs to see
    }
  }

  /** Records of all chosen sheets, one after another. */
  public static final class CloseableIterator implements Iterator<BronzeRecord>, AutoCloseable {
    private final WorkbookReader reader;
    private final Iterator<Map.Entry<SheetInfo, Layout>> sheets;
    private final String displayName;
    private final String fileName;
    private SheetData current;
    private Layout layout;
    private Iterator<BronzeRecord> records = Collections.emptyIterator();

    CloseableIterator(
        WorkbookReader reader,
        List<Map.Entry<SheetInfo, Layout>> sheets,
        String displayName,
        String fileName) {
      this.reader = reader;
      this.sheets = sheets.iterator();
      this.displayName = displayName;
      this.fileName = fileName;
    }

    /** The layout of the sheet the last record came from. */
    public Layout layout() {
      return layout;
    }

    @Override
    public boolean hasNext() {
      try {
        while (!records.hasNext()) {
          if (current != null) {
            current.close();
            current = null;
          }
          if (!sheets.hasNext()) {
            return false;
          }
          Map.Entry<SheetInfo, Layout> next = sheets.next();
          layout = next.getValue();
          current = reader.open(next.getKey(), layout.table().headerRows() > 1);
          mapped.clear();
          records =
              new TableExtractor(
                  current, layout, FactTables.ALL.get(layout.target()), displayName, fileName);
        }
        return true;
      } catch (IngestErrors.FileException e) {
        throw e;
      } catch (IOException | UncheckedIOException e) {
        throw IngestErrors.unreadable(displayName, e);
      } catch (RuntimeException e) {
        if (e.getClass().getName().startsWith("org.dhatim")
            || e.getCause() instanceof IOException) {
          throw IngestErrors.unreadable(displayName, e);
        }
        throw e;
      }
    }

    /** The source columns a layout column reads, per table of the current sheet. */
    private final java.util.Map<Integer, java.util.Set<Integer>> mapped = new java.util.HashMap<>();

    @Override
    public BronzeRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      BronzeRecord r = records.next();
      if (r.columns() != null) {
        java.util.Set<Integer> read = new java.util.HashSet<>();
        r.columns().stream().filter(c -> c.column() != null).forEach(c -> read.add(c.index()));
        mapped.put(r.tableIndex(), read);
      }
      return readable(r);
    }

    /**
     * A cell no layout can read (a formula without a saved result, a text longer than a cell holds)
     * fails the file where a data row's mapped column holds it; anywhere else (a hidden scratch
     * column, a note below the table) it does not matter: the formula is left out, the text kept
     * short.
     */
    private BronzeRecord readable(BronzeRecord r) {
      if (r.cells().stream().noneMatch(RawCell::unreadable)) {
        return r;
      }
      java.util.Set<Integer> read =
          r.rowClass() == RowClass.DATA
              ? mapped.getOrDefault(r.tableIndex(), java.util.Set.of())
              : java.util.Set.of();
      List<RawCell> cells = new ArrayList<>(r.cells().size());
      for (RawCell c : r.cells()) {
        if (!c.unreadable()) {
          cells.add(c);
          continue;
        }
        String cell = vn.extrel.warehouse.util.CellRef.of(c.column(), r.row());
        if (read.contains(c.column())) {
          throw c.kind() == RawCell.FORMULA_WITHOUT_VALUE
              ? IngestErrors.formulaWithoutValue(displayName, r.sheet(), cell, c.text())
              : IngestErrors.cellTooLarge(
                  displayName, r.sheet(), cell, XlsxWorkbookReader.MAX_CELL_CHARS);
        }
        if (c.kind() == RawCell.OVERSIZED) {
          cells.add(new RawCell(c.column(), 's', c.text(), false));
        }
      }
      return new BronzeRecord(
          r.sheet(),
          r.sheetIndex(),
          r.row(),
          r.rowClass(),
          r.label(),
          r.tableIndex(),
          r.context(),
          r.section(),
          cells,
          r.columns());
    }

    @Override
    public void close() {
      try {
        if (current != null) {
          current.close();
        }
        reader.close();
      } catch (IOException ignored) {
        // nothing more to read; a close failure changes no result
      }
    }
  }
}
