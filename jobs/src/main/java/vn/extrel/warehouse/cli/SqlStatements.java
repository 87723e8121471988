package vn.extrel.warehouse.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a SQL script into statements. Which of them may run is decided by Spark's parser and
 * analyser (see {@link vn.extrel.warehouse.spark.ReadOnlyGuard}), never by their words.
 */
public final class SqlStatements {
  private SqlStatements() {}

  /** Splits on semicolons outside quotes and comments. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        cur.append(c);
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        cur.append('\n');
      } else if (c == ';') {
        add(out, cur);
      } else {
        cur.append(c);
      }
    }
    add(out, cur);
    return out;
  }

  /**
   * True when the text ends a statement: its last character outside quotes and comments is a
   * semicolon, and no quote is left open.
   */
  static boolean isComplete(String text) {
    char quote = 0;
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && i + 1 < text.length()) {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        last = c;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        last = c;
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return quote == 0 && last == ';';
  }

  private static void add(List<String> out, StringBuilder cur) {
    String s = cur.toString().trim();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }
}
