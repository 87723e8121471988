package vn.extrel.warehouse.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A section's text as its template wrote it: paragraphs (separated by a blank line; the lines of a
 * paragraph are joined by spaces, so templates can wrap), each a list of runs of plain text and
 * cited figures. The helpers mark each figure they print with the number of its citation, in
 * characters of Unicode's private-use area that no source text contains; the HTML and DOCX writers
 * turn the marks into links and footnotes.
 */
final class Prose {
  private Prose() {}

  private static final char OPEN = '\uE000';
  private static final char MID = '\uE001';
  private static final char CLOSE = '\uE002';

  /** A run of a paragraph. */
  sealed interface Run permits Text, Cited {
    String text();
  }

  /** Plain text. */
  record Text(String text) implements Run {}

  /** A figure as printed, with its citation (its number in the report's sources). */
  record Cited(int citation, String text) implements Run {}

  /** One paragraph. */
  record Paragraph(List<Run> runs) {
    String plain() {
      StringBuilder b = new StringBuilder();
      runs.forEach(r -> b.append(r.text()));
      return b.toString();
    }
  }

  /** The printed text of a figure, marked with its citation. */
  static String mark(int citation, String text) {
    return OPEN + Integer.toString(citation) + MID + text + CLOSE;
  }

  /** Paragraphs of a rendered template. */
  static List<Paragraph> parse(String rendered) {
    List<Paragraph> out = new ArrayList<>();
    for (String block : rendered.replace("\r\n", "\n").split("\n[ \t]*\n")) {
      String text = block.replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        out.add(new Paragraph(runs(text)));
      }
    }
    return out;
  }

  private static List<Run> runs(String text) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf(OPEN, i);
      if (open < 0) {
        runs.add(new Text(text.substring(i)));
        break;
      }
      if (open > i) {
        runs.add(new Text(text.substring(i, open)));
      }
      int mid = text.indexOf(MID, open);
      int close = text.indexOf(CLOSE, mid);
      runs.add(
          new Cited(
              Integer.parseInt(text.substring(open + 1, mid)), text.substring(mid + 1, close)));
      i = close + 1;
    }
    return runs;
  }
}
