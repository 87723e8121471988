package vn.extrel.warehouse.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Gives a fastexcel workbook the two things it lacks. fastexcel streams a sheet and writes its
 * {@code <dimension ref="A1"/>} before the rows (its open issue #452; 0.20.2, the newest release,
 * still does), so readers that trust the dimension, openpyxl in read-only mode and the pandas-style
 * pipelines built on it, see one row. And its styles carry no named cell style, which openpyxl
 * reports as "Workbook contains no default style". This copies the file's entries once, putting the
 * real range into each sheet's dimension and Excel's built-in "Normal" style into the styles. A
 * writer that stops writing the expected elements fails here, not in a reader's hands.
 */
final class XlsxFinisher {
  private XlsxFinisher() {}

  private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
  private static final byte[] DIMENSION =
      "<dimension ref=\"A1\"/>".getBytes(StandardCharsets.UTF_8);

  /** The dimension comes before the rows; fastexcel writes well under this many bytes before it. */
  private static final int HEAD = 4096;

  static final String NORMAL_STYLE =
      "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

  /**
   * @param dimensions the range of each sheet, in the order the sheets were created
   */
  static void apply(Path file, List<String> dimensions) throws IOException {
    Path finished = file.resolveSibling(file.getFileName() + ".finished");
    try (ZipFile in = new ZipFile(file.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(finished))) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          Matcher sheet = SHEET.matcher(entry.getName());
          if (sheet.matches()) {
            String ref = dimensions.get(Integer.parseInt(sheet.group(1)) - 1);
            copyWithDimension(data, out, ref, entry.getName());
          } else if (entry.getName().equals("xl/styles.xml")) {
            out.write(withNormalStyle(new String(data.readAllBytes(), StandardCharsets.UTF_8)));
          } else {
            data.transferTo(out);
          }
        }
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(finished);
      throw e;
    }
    Files.move(finished, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyWithDimension(InputStream in, OutputStream out, String ref, String name)
      throws IOException {
    byte[] head = in.readNBytes(HEAD);
    int at = indexOf(head, DIMENSION);
    if (at < 0) {
      throw new IllegalStateException(
          name
              + " has no <dimension ref=\"A1\"/> where fastexcel writes it; check XlsxFinisher"
              + " against the fastexcel version in use");
    }
    out.write(head, 0, at);
    out.write(("<dimension ref=\"" + ref + "\"/>").getBytes(StandardCharsets.UTF_8));
    out.write(head, at + DIMENSION.length, head.length - at - DIMENSION.length);
    in.transferTo(out);
  }

  static byte[] withNormalStyle(String styles) {
    if (!styles.contains("<cellStyles")) {
      int at = styles.indexOf("</cellXfs>");
      if (at < 0) {
        throw new IllegalStateException("xl/styles.xml has no <cellXfs>; check XlsxFinisher");
      }
      at += "</cellXfs>".length();
      // The schema's order: cellXfs, then cellStyles, then dxfs.
      styles = styles.substring(0, at) + NORMAL_STYLE + styles.substring(at);
    }
    return styles.getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int k = 0; k < pattern.length; k++) {
        if (data[i + k] != pattern[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
