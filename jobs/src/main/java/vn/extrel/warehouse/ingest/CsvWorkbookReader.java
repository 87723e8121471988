package vn.extrel.warehouse.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import vn.extrel.warehouse.layout.Layout;

/**
 * CSV as offices export it: UTF-8 with or without BOM, UTF-16, or Windows-1258 from old Vietnamese
 * Windows; comma, semicolon or tab separated; LF or CRLF. All text is normalised to NFC. The file
 * is one sheet.
 */
final class CsvWorkbookReader implements WorkbookReader {

  static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

  /** A field longer than this is not a report's cell. */
  static final int MAX_FIELD_CHARS = 1 << 20;

  /** More fields than a spreadsheet has columns is not a report's row. */
  static final int MAX_COLUMNS = 16_384;

  /** How far into the file the encoding and separator are sniffed. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private final File file;
  private final String displayName;
  private final Layout.Format format;
  private final Charset charset;
  private final int bomLength;

  CsvWorkbookReader(File file, String displayName, Layout.Format format) throws IOException {
    this.file = file;
    this.displayName = displayName;
    this.format = format;
    byte[] head = readHead(file);
    int[] bom = new int[1];
    this.charset =
        "auto".equalsIgnoreCase(format.encoding())
            ? detect(file, head, bom)
            : named(format.encoding());
    this.bomLength = "auto".equalsIgnoreCase(format.encoding()) ? bom[0] : 0;
  }

  private Charset named(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      throw IngestErrors.unknownEncoding(displayName, name);
    }
  }

  private static byte[] readHead(File file) throws IOException {
    try (InputStream in = Files.newInputStream(file.toPath())) {
      return in.readNBytes(SNIFF_BYTES);
    }
  }

  /** BOM first; then UTF-16 by its zero bytes; then strict UTF-8; otherwise Windows-1258. */
  private Charset detect(File file, byte[] head, int[] bomOut) throws IOException {
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      bomOut[0] = 3;
      checkNoNul(head, 3);
      return StandardCharsets.UTF_8;
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      bomOut[0] = 2;
      return StandardCharsets.UTF_16LE;
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      bomOut[0] = 2;
      return StandardCharsets.UTF_16BE;
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          zeroEven++;
        } else {
          zeroOdd++;
        }
      }
    }
    int pairs = head.length / 2;
    if (pairs > 0 && zeroOdd > pairs * 0.3 && zeroEven == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (pairs > 0 && zeroEven > pairs * 0.3 && zeroOdd == 0) {
      return StandardCharsets.UTF_16BE;
    }
    checkNoNul(head, 0);
    return isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1258;
  }

  private void checkNoNul(byte[] head, int from) {
    for (int i = from; i < head.length; i++) {
      if (head[i] == 0) {
        throw IngestErrors.nulBytes(displayName, i);
      }
    }
  }

  private static boolean isUtf8(File file) throws IOException {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
      byte[] buf = new byte[1 << 16];
      ByteBuffer carry = ByteBuffer.allocate(0);
      int n;
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 17);
      while ((n = in.read(buf)) > 0) {
        ByteBuffer bb = ByteBuffer.allocate(carry.remaining() + n);
        bb.put(carry).put(buf, 0, n).flip();
        out.clear();
        var result = dec.decode(bb, out, false);
        if (result.isError()) {
          return false;
        }
        carry = bb.slice();
      }
      out.clear();
      return !dec.decode(carry, out, true).isError();
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  char delimiter(String sample) {
    String d = format.delimiter();
    if (d != null && !"auto".equalsIgnoreCase(d)) {
      return "\\t".equals(d) || "tab".equalsIgnoreCase(d) ? '\t' : d.charAt(0);
    }
    char best = ',';
    int bestScore = -1;
    for (char c : new char[] {',', ';', '\t', '|'}) {
      int score = countOutsideQuotes(sample, c);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private static int countOutsideQuotes(String s, char c) {
    boolean q = false;
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        q = !q;
      } else if (!q && ch == c) {
        n++;
      }
    }
    return n;
  }

  @Override
  public List<SheetInfo> sheets() {
    return List.of(new SheetInfo(null, 0, false));
  }

  @Override
  public SheetData open(SheetInfo sheet, boolean withStructure) throws IOException {
    InputStream raw = Files.newInputStream(file.toPath());
    raw.skipNBytes(bomLength);
    Reader reader = new InputStreamReader(new BufferedInputStream(raw, 1 << 16), charset);
    CsvParserSettings csv = settings(delimiter(sample()));
    char delimiter = csv.getFormat().getDelimiter();
    CsvParser parser = new CsvParser(csv);
    parser.beginParsing(new LfLineEndings(reader));
    return new CsvSheet(parser, delimiter, format.skipLines(), displayName);
  }

  /** The start of the file, up to its last whole line, to sniff the separator from. */
  private String sample() throws IOException {
    try (InputStream in = Files.newInputStream(file.toPath())) {
      in.skipNBytes(bomLength);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      String sample = new String(head, charset);
      int cut = Math.max(sample.lastIndexOf('\n'), 0);
      return cut > 0 ? sample.substring(0, cut) : sample;
    }
  }

  private static CsvParserSettings settings(char delimiter) {
    CsvParserSettings csv = new CsvParserSettings();
    csv.getFormat().setDelimiter(delimiter);
    csv.getFormat().setQuote('"');
    csv.getFormat().setQuoteEscape('"');
    // Records end at LF; the reader turns CRLF and a lone CR into LF first (one file can mix all
    // three: pasted together from several exports), which univocity cannot do alone.
    csv.getFormat().setLineSeparator("\n");
    csv.setNormalizeLineEndingsWithinQuotes(false);
    csv.setIgnoreLeadingWhitespaces(false);
    csv.setIgnoreTrailingWhitespaces(false);
    csv.setIgnoreLeadingWhitespacesInQuotes(false);
    csv.setIgnoreTrailingWhitespacesInQuotes(false);
    csv.setSkipEmptyLines(false);
    csv.setCommentProcessingEnabled(false); // a cell may begin with '#'
    csv.setMaxCharsPerColumn(MAX_FIELD_CHARS + 1);
    csv.setMaxColumns(MAX_COLUMNS);
    csv.setUnescapedQuoteHandling(UnescapedQuoteHandling.RAISE_ERROR);
    csv.setReadInputOnSeparateThread(false);
    csv.setErrorContentLength(80);
    return csv;
  }

  /** CRLF and lone CR as LF. */
  static final class LfLineEndings extends java.io.FilterReader {
    private boolean afterCr;

    LfLineEndings(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      while (true) {
        int n = in.read(buf, off, len);
        if (n <= 0) {
          return n;
        }
        int w = off;
        for (int i = off; i < off + n; i++) {
          char c = buf[i];
          if (c == '\n' && afterCr) {
            afterCr = false;
            continue; // the LF of a CRLF: its CR was written as LF already
          }
          afterCr = c == '\r';
          buf[w++] = afterCr ? '\n' : c;
        }
        if (w > off) {
          return w - off;
        }
      }
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0];
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = 0;
      while (skipped < n && read() >= 0) {
        skipped++;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  Charset charset() {
    return charset;
  }

  @Override
  public void close() {}
}
