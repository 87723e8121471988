package vn.extrel.warehouse.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Reads every XML part of an XLSX package once before the workbook reader does, counting what
 * really comes out of it: the sizes a zip declares can be forged (a part declaring 4 KB that
 * inflates to 1.6 GB), so limits are held on the bytes inflated and the bytes read, as they come.
 * It reads the package with the zip library fastexcel reads it with (commons-compress), so both see
 * the same bytes. Refused, each as one failed file:
 *
 * <ul>
 *   <li>a part that inflates past {@link #MAX_PART_BYTES}, or past 100 MB at more than {@link
 *       #MAX_RATIO} times the bytes it was inflated from (an honest sheet compresses 5 to 20
 *       times); all parts together past {@link #MAX_TOTAL_BYTES};
 *   <li>the shared strings past {@link #MAX_SHARED_STRINGS_BYTES}: the reader keeps them in memory;
 *   <li>a text or a tag longer than {@link #MAX_RUN_BYTES}, which the reader would hold in memory
 *       whole (a cell holds at most 32,767 characters; a longer text that no layout maps, such as a
 *       long note below a table, is kept short and does not fail the file, see SourceFileReader);
 *   <li>a sheet of more than {@link #MAX_ROWS} rows (Excel's own limit);
 *   <li>a document type declaration ({@code <!DOCTYPE}, {@code <!ENTITY}): no spreadsheet program
 *       writes one, and it is how XML external entities and entity bombs come in. No entity is ever
 *       resolved: the part is refused before anything parses it.
 * </ul>
 *
 * The cost is one more inflation of the XML, a fraction of parsing it.
 */
final class XlsxPackageGuard {
  private XlsxPackageGuard() {}

  static final long MAX_PART_BYTES = 2L * 1024 * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
  static final double MAX_RATIO = 200;
  static final long RATIO_FROM_BYTES = 100L * 1024 * 1024;
  static final long MAX_SHARED_STRINGS_BYTES = 512L * 1024 * 1024;
  static final int MAX_RUN_BYTES = 64 * 1024 * 1024;
  static final long MAX_ROWS = 1_048_576;

  static void check(File file, String displayName) throws IOException {
    long total = 0;
    try (ZipFile zip = ZipFile.builder().setFile(file).get()) {
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (e.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
          continue; // images and the like: never parsed
        }
        if (!zip.canReadEntryData(e)) {
          continue; // fastexcel cannot read it either, and says so
        }
        try (InputStream in = zip.getInputStream(e)) {
          total += new Scan(displayName, e.getName(), in, MAX_TOTAL_BYTES - total).run();
        }
      }
    }
  }

  /** One part, byte by byte: sizes, runs between markup, rows, declarations. */
  private static final class Scan {
    private final String file;
    private final String part;
    private final InputStream in;
    private final boolean sheet;
    private final long limit;
    private final byte[] head = new byte[4];
    private int headLength = -1;
    private int run;
    private long rows;

    Scan(String file, String part, InputStream in, long budget) {
      this.file = file;
      this.part = part;
      this.in = in;
      String lower = part.toLowerCase(Locale.ROOT);
      this.sheet = lower.startsWith("xl/worksheets/");
      this.limit =
          Math.min(
              budget,
              lower.endsWith("sharedstrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_PART_BYTES);
    }

    /** Returns the bytes the part inflated to. */
    long run() throws IOException {
      byte[] buf = new byte[64 * 1024];
      long inflated = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        inflated += n;
        if (inflated > limit) {
          throw IngestErrors.inflatesTooFar(file, part, inflated, limit, compressed());
        }
        long packed = compressed();
        if (inflated > RATIO_FROM_BYTES && packed > 0 && inflated / (double) packed > MAX_RATIO) {
          throw IngestErrors.zipBomb(file, part, inflated, packed);
        }
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '<') {
            run = 0;
            headLength = 0;
            continue;
          }
          if (b == '>') {
            run = 0;
            if (headLength >= 0) {
              tag();
            }
            continue;
          }
          if (++run > MAX_RUN_BYTES) {
            throw IngestErrors.runTooLong(file, part, MAX_RUN_BYTES);
          }
          if (headLength >= 0) {
            head[headLength++] = b;
            if (headLength == head.length) {
              tag();
            }
          }
        }
      }
      return inflated;
    }

    private long compressed() {
      return in instanceof InputStreamStatistics s ? s.getCompressedCount() : -1;
    }

    /** The first bytes of a tag: a declaration is refused, a sheet's rows are counted. */
    private void tag() {
      int n = headLength;
      headLength = -1;
      if (n >= 4
          && head[0] == '!'
          && (startsWith("DOC") || startsWith("ENT") || startsWith("ELE") || startsWith("ATT"))) {
        throw IngestErrors.xmlDeclaration(file, part);
      }
      if (sheet
          && n >= 3
          && head[0] == 'r'
          && head[1] == 'o'
          && head[2] == 'w'
          && (n == 3 || head[3] == ' ' || head[3] == '\t' || head[3] == '\n' || head[3] == '\r')
          && ++rows > MAX_ROWS) {
        throw IngestErrors.tooLarge(
            IngestErrors.where(file, null) + " part " + part, "the number of rows", MAX_ROWS);
      }
    }

    private boolean startsWith(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (Character.toUpperCase(head[i + 1]) != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
