package vn.extrel.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import vn.extrel.warehouse.util.CellRef;
import vn.extrel.warehouse.util.Text;

/**
 * XLSX through fastexcel-reader's streaming parser (rows are never all in memory), plus one light
 * StAX pass over a sheet's XML for what fastexcel does not expose: hidden columns and merged
 * ranges.
 */
final class XlsxWorkbookReader implements WorkbookReader {

  /** Refuse archives whose parts would inflate past this (a zip bomb), before any XML is parsed. */
  static final long MAX_PART_BYTES = 2L * 1024 * 1024 * 1024;

  static final double MAX_RATIO = 200;

  private final String displayName;
  private final File file;
  private final ReadableWorkbook workbook;
  private final Map<String, String> sheetParts;

  XlsxWorkbookReader(File file, String displayName) throws IOException {
    this.file = file;
    this.displayName = displayName;
    this.sheetParts = inspectPackage(file, displayName);
    this.workbook = new ReadableWorkbook(file, new ReadingOptions(true, false));
  }

  @Override
  public List<SheetInfo> sheets() {
    List<SheetInfo> out = new ArrayList<>();
    workbook
        .getSheets()
        .forEach(
            s ->
                out.add(
                    new SheetInfo(
                        Text.nfc(s.getName()),
                        s.getIndex(),
                        s.getVisibility() != SheetVisibility.VISIBLE)));
    return out;
  }

  @Override
  public SheetData open(SheetInfo info, boolean withStructure) throws IOException {
    Sheet sheet =
        workbook
            .getSheet(info.index())
            .orElseThrow(() -> new IOException("sheet " + info.index() + " not found"));
    String part = sheetParts.get(sheet.getId());
    Structure structure =
        part == null ? new Structure(Set.of(), List.of()) : readStructure(part, withStructure);
    Stream<Row> stream = sheet.openStream();
    Iterator<Row> it = stream.iterator();
    boolean date1904 = workbook.isDate1904();
    return new OpenedSheet(
        info,
        () -> rows(it, date1904, info.name()),
        structure.hiddenColumns(),
        structure.merges(),
        stream::close);
  }

  private Iterator<RawRow> rows(Iterator<Row> it, boolean date1904, String sheetName) {
    return new Iterator<>() {
      /** The number of the row before, as this reader gave it. */
      private int last;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public RawRow next() {
        Row row = it.next();
        // fastexcel numbers a row without an r= attribute from 0, and a repeated r= gives two
        // rows one number: every row gets the next number when its own is not past the last.
        int number = Math.max(row.getRowNum(), last + 1);
        last = number;
        return convert(row, number, date1904, sheetName);
      }
    };
  }

  /** Excel's own limits: a longer cell or a column past XFD means a damaged or crafted file. */
  static final int MAX_CELL_CHARS = 32_767;

  static final int MAX_COLUMNS = 16_384;

  private RawRow convert(Row row, int number, boolean date1904, String sheetName) {
    if (row.getCellCount() > MAX_COLUMNS) {
      throw IngestErrors.tooLarge(
          displayName + " [sheet '" + sheetName + "'] row " + number,
          "the number of columns",
          MAX_COLUMNS);
    }
    List<RawCell> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      Cell c = row.getCell(i);
      if (c == null) {
        continue;
      }
      RawCell rc = convert(c, date1904, sheetName, number);
      if (rc != null && rc.text().length() > MAX_CELL_CHARS) {
        // Refused only if a layout maps it (SourceFileReader): a note no column reads is kept
        // short.
        rc = RawCell.oversized(rc.column(), rc.text(), MAX_CELL_CHARS);
      }
      if (rc != null) {
        cells.add(rc);
      }
    }
    return new RawRow(number, cells, row.isHidden());
  }

  private RawCell convert(Cell c, boolean date1904, String sheetName, int rowNum) {
    int col = c.getColumnIndex();
    boolean formula = c.getFormula() != null;
    switch (c.getType()) {
      case EMPTY:
        return null;
      case STRING:
        String s = c.asString();
        return s == null || s.isEmpty() ? null : new RawCell(col, 's', Text.nfc(s), formula);
      case NUMBER:
        return number(col, c.getRawValue(), c, date1904, formula);
      case BOOLEAN:
        return new RawCell(col, 'b', String.valueOf(c.asBoolean()), formula);
      case ERROR:
        return new RawCell(col, 'e', String.valueOf(c.getRawValue()), formula);
      case FORMULA:
        String cached = c.getRawValue();
        if (cached == null || cached.isEmpty()) {
          // Refused only if a layout maps it (SourceFileReader): a scratch column may hold these.
          return RawCell.formulaWithoutValue(col, c.getFormula());
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal) {
          return number(col, cached, c, date1904, true);
        }
        return new RawCell(col, 's', Text.nfc(cached), true);
      default:
        String raw = c.getRawValue();
        return raw == null || raw.isEmpty() ? null : new RawCell(col, 's', Text.nfc(raw), formula);
    }
  }

  /** Number formats repeat on every row; whether one shows a date is decided once. */
  private final Map<String, Boolean> dateFormats = new HashMap<>();

  private boolean isDate(Integer id, String format) {
    if (id == null && format == null) {
      return false;
    }
    return dateFormats.computeIfAbsent(
        id + "\u0000" + format, k -> ExcelDates.isDateFormat(id, format));
  }

  private RawCell number(int col, String raw, Cell c, boolean date1904, boolean formula) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (isDate(c.getDataFormatId(), c.getDataFormatString())) {
      try {
        LocalDateTime dt = ExcelDates.fromSerial(Double.parseDouble(raw), date1904);
        String iso =
            dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString() : dt.toString();
        return new RawCell(col, 'd', iso, formula);
      } catch (IllegalArgumentException e) {
        // Not a date Excel can show (3000000, -5, 60): the text, which a date column refuses.
        return new RawCell(col, 's', raw, formula);
      }
    }
    return new RawCell(col, 'n', raw, formula);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }

  // ---- package inspection: part names, zip-bomb guard, hidden columns, merged ranges ----

  private record Structure(Set<Integer> hiddenColumns, List<int[]> merges) {}

  static XMLInputFactory secureXml() {
    XMLInputFactory f = XMLInputFactory.newInstance();
    // No DTDs, no external entities: an XLSX is a zip of XML anyone can craft.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return f;
  }

  /**
   * Maps each sheet's relationship id to its XML part, refusing archives that would inflate
   * absurdly.
   */
  private static Map<String, String> inspectPackage(File file, String displayName)
      throws IOException {
    Map<String, String> relTargets = new HashMap<>();
    try (ZipFile zip = new ZipFile(file)) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        long size = e.getSize();
        long packed = e.getCompressedSize();
        if (size > MAX_PART_BYTES
            || (packed > 0 && size > 100L * 1024 * 1024 && size / (double) packed > MAX_RATIO)) {
          throw IngestErrors.zipBomb(displayName, e.getName(), size, packed);
        }
      }
      // The declared sizes can lie: what really inflates is counted before anything is parsed.
      XlsxPackageGuard.check(file, displayName);
      ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
      if (rels == null) {
        return relTargets;
      }
      try (InputStream in = zip.getInputStream(rels)) {
        XMLStreamReader r = secureXml().createXMLStreamReader(in);
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT
              && "Relationship".equals(r.getLocalName())) {
            String id = r.getAttributeValue(null, "Id");
            String target = r.getAttributeValue(null, "Target");
            if (id != null && target != null) {
              relTargets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
            }
          }
        }
      } catch (XMLStreamException ex) {
        throw new IOException("broken workbook relationships: " + ex.getMessage(), ex);
      }
    }
    return relTargets;
  }

  private Structure readStructure(String part, boolean withMerges) throws IOException {
    Set<Integer> hidden = new HashSet<>();
    List<int[]> merges = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file)) {
      ZipEntry e = zip.getEntry(part);
      if (e == null) {
        return new Structure(hidden, merges);
      }
      try (InputStream in = zip.getInputStream(e)) {
        XMLStreamReader r = secureXml().createXMLStreamReader(in);
        while (r.hasNext()) {
          int ev = r.next();
          if (ev != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = r.getLocalName();
          if ("col".equals(name)) {
            String h = r.getAttributeValue(null, "hidden");
            if ("1".equals(h) || "true".equals(h)) {
              int min = Integer.parseInt(r.getAttributeValue(null, "min"));
              int max = Math.min(Integer.parseInt(r.getAttributeValue(null, "max")), min + 1000);
              for (int i = min; i <= max; i++) {
                hidden.add(i - 1);
              }
            }
          } else if ("sheetData".equals(name) && !withMerges) {
            break; // <cols> comes before the data; merges come after it and are not needed
          } else if ("mergeCell".equals(name)) {
            String ref = r.getAttributeValue(null, "ref");
            int colon = ref == null ? -1 : ref.indexOf(':');
            if (colon > 0) {
              int[] a = CellRef.parse(ref.substring(0, colon));
              int[] b = CellRef.parse(ref.substring(colon + 1));
              if (a != null && b != null) {
                merges.add(new int[] {a[0], a[1], b[0], b[1]});
              }
            }
          }
        }
      } catch (XMLStreamException ex) {
        throw new IOException("broken sheet XML in " + part + ": " + ex.getMessage(), ex);
      }
    }
    return new Structure(hidden, merges);
  }
}
