package vn.extrel.warehouse.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Hostile XLSX packages, written at test time. The lying ones are never committed (a 1.5 MB file
 * standing for gigabytes): their sheet's zip entry declares a few kilobytes and inflates to a
 * prefix, a chunk repeated many times and a suffix. The deflate stream is built from pieces each
 * compressed on its own and flushed to a byte boundary, so the repeated chunk is compressed once.
 */
public final class HostileXlsx {
  private HostileXlsx() {}

  /**
   * A workbook whose shared strings declare external entities, one naming {@code file}, one naming
   * {@code url}, and use them in a cell.
   */
  public static byte[] externalEntity(String fileUri, String url) throws IOException {
    String sst =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE sst [<!ENTITY file SYSTEM \""
            + fileUri
            + "\"><!ENTITY web SYSTEM \""
            + url
            + "\">]>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\""
            + " uniqueCount=\"3\"><si><t>Đối tác</t></si><si><t>Vốn đăng ký (triệu USD)</t></si>"
            + "<si><t>&file;&web;</t></si></sst>";
    String sheet =
        RawXlsx.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>1</v></c></row>");
    return RawXlsx.build(sheet, sst);
  }

  /** What a lying sheet says it inflates to. */
  static final long DECLARED = 4096;

  /** A header row and one cell of {@code megabytes} MiB of text. */
  public static void hugeCell(Path file, int megabytes) throws IOException {
    String prefix =
        sheetStart()
            + RawXlsx.inlineRow(1, "Đối tác", "Vốn đăng ký (triệu USD)")
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>";
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    write(file, prefix, chunk, megabytes, "</t></is></c></row></sheetData></worksheet>");
  }

  /** A header row and rows of one partner and one number, {@code megabytes} MiB of them. */
  public static void rowBomb(Path file, int megabytes) throws IOException {
    String prefix = sheetStart() + RawXlsx.inlineRow(1, "Đối tác", "Vốn đăng ký (triệu USD)");
    String row = "<row><c t=\"inlineStr\"><is><t>Nhật Bản</t></is></c><c><v>1</v></c></row>";
    byte[] one = row.getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[(1024 * 1024 / one.length) * one.length];
    for (int i = 0; i < chunk.length; i += one.length) {
      System.arraycopy(one, 0, chunk, i, one.length);
    }
    write(file, prefix, chunk, megabytes, "</sheetData></worksheet>");
  }

  private static String sheetStart() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  }

  private record Entry(String name, byte[] deflated, long crc, long declared) {}

  private static void write(Path file, String prefix, byte[] chunk, int times, String suffix)
      throws IOException {
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream sheet = new ByteArrayOutputStream();
    sheet.write(deflate(head, false));
    byte[] piece = deflate(chunk, false);
    for (int i = 0; i < times; i++) {
      sheet.write(piece);
    }
    sheet.write(deflate(tail, true));
    CRC32 crc = new CRC32();
    crc.update(head);
    for (int i = 0; i < times; i++) {
      crc.update(chunk);
    }
    crc.update(tail);

    // The other parts as RawXlsx writes them, deflated honestly.
    List<Entry> entries = new ArrayList<>();
    byte[] honest = RawXlsx.build(RawXlsx.sheet(""), Map.of());
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(honest))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          entries.add(new Entry(e.getName(), sheet.toByteArray(), crc.getValue(), DECLARED));
        } else {
          byte[] data = in.readAllBytes();
          CRC32 c = new CRC32();
          c.update(data);
          entries.add(new Entry(e.getName(), deflate(data, true), c.getValue(), data.length));
        }
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(zip(entries));
    }
  }

  /** Raw deflate; not the last piece: flushed to a byte boundary, so pieces can follow. */
  private static byte[] deflate(byte[] data, boolean last) {
    Deflater d = new Deflater(9, true);
    d.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    if (last) {
      d.finish();
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
    } else {
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
    }
    d.end();
    return out.toByteArray();
  }

  /** A zip archive whose headers state each entry's declared size, true or not. */
  private static byte[] zip(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int offset = out.size();
      ByteBuffer local = le(30 + name.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8);
      local.putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc());
      local.putInt(e.deflated().length).putInt((int) e.declared());
      local.putShort((short) name.length).putShort((short) 0).put(name);
      out.writeBytes(local.array());
      out.writeBytes(e.deflated());
      ByteBuffer dir = le(46 + name.length);
      dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800);
      dir.putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc());
      dir.putInt(e.deflated().length).putInt((int) e.declared());
      dir.putShort((short) name.length).putShort((short) 0).putShort((short) 0);
      dir.putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(name);
      central.writeBytes(dir.array());
    }
    int start = out.size();
    out.writeBytes(central.toByteArray());
    ByteBuffer end = le(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
    end.putShort((short) entries.size()).putShort((short) entries.size());
    end.putInt(central.size()).putInt(start).putShort((short) 0);
    out.writeBytes(end.array());
    return out.toByteArray();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
