package vn.extrel.warehouse.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal XLSX package written by hand, for fixtures no spreadsheet program would write: a
 * crafted sheet XML, an oversized cell, an extra part.
 */
final class RawXlsx {
  private RawXlsx() {}

  static String sheet(String rowsXml) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + rowsXml
        + "</sheetData></worksheet>";
  }

  static String inlineRow(int row, String... texts) {
    StringBuilder sb = new StringBuilder("<row r=\"" + row + "\">");
    for (int i = 0; i < texts.length; i++) {
      String ref = (char) ('A' + i) + String.valueOf(row);
      String t = texts[i];
      if (t.matches("-?\\d+(\\.\\d+)?")) {
        sb.append("<c r=\"").append(ref).append("\"><v>").append(t).append("</v></c>");
      } else {
        sb.append("<c r=\"")
            .append(ref)
            .append("\" t=\"inlineStr\"><is><t>")
            .append(t)
            .append("</t></is></c>");
      }
    }
    return sb.append("</row>").toString();
  }

  /** A package with one sheet and a shared-strings part, both as given. */
  static byte[] build(String sheetXml, String sharedStringsXml) throws IOException {
    byte[] plain = build(sheetXml, Map.of());
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (e.getName().equals("[Content_Types].xml")) {
          text =
              text.replace(
                  "</Types>",
                  "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        } else if (e.getName().equals("xl/_rels/workbook.xml.rels")) {
          text =
              text.replace(
                  "</Relationships>",
                  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        }
        parts.put(e.getName(), text.getBytes(StandardCharsets.UTF_8));
      }
    }
    parts.put("xl/sharedStrings.xml", sharedStringsXml.getBytes(StandardCharsets.UTF_8));
    return zip(parts);
  }

  /** A package with one sheet holding {@code sheetXml}, plus any extra parts (name to bytes). */
  static byte[] build(String sheetXml, Map<String, byte[]> extra) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(
        "[Content_Types].xml",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>")
            .getBytes(StandardCharsets.UTF_8));
    parts.put(
        "_rels/.rels",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>")
            .getBytes(StandardCharsets.UTF_8));
    parts.put(
        "xl/workbook.xml",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
            .getBytes(StandardCharsets.UTF_8));
    parts.put(
        "xl/_rels/workbook.xml.rels",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>")
            .getBytes(StandardCharsets.UTF_8));
    parts.put(
        "xl/styles.xml",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellXfs></styleSheet>")
            .getBytes(StandardCharsets.UTF_8));
    parts.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
    parts.putAll(extra);
    return zip(parts);
  }

  private static byte[] zip(Map<String, byte[]> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      for (Map.Entry<String, byte[]> p : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(p.getKey()));
        zip.write(p.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
