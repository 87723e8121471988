package vn.extrel.warehouse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splitting a SQL script into statements, and telling reads from writes. */
public final class SqlStatements {
  private SqlStatements() {}

  private static final Set<String> READS =
      Set.of(
          "SELECT",
          "WITH",
          "SHOW",
          "DESCRIBE",
          "DESC",
          "EXPLAIN",
          "VALUES",
          "TABLE",
          "FROM",
          "LIST",
          "(");

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

  public static String firstWords(String sql) {
    String[] w = sql.trim().split("\\s+");
    return w.length == 1 ? w[0] : w[0] + " " + w[1];
  }

  /**
   * True for statements that only read. WITH and FROM can front an INSERT in Spark SQL, so those
   * are checked for write keywords too.
   */
  public static boolean isReadOnly(String sql) {
    String upper = sql.trim().toUpperCase(Locale.ROOT);
    String first = upper.split("[\\s(]+", 2)[0];
    if (upper.startsWith("(")) {
      first = "(";
    }
    if (!READS.contains(first)) {
      return false;
    }
    if (first.equals("WITH") || first.equals("FROM") || first.equals("(")) {
      String flat = " " + upper.replaceAll("'[^']*'", "''").replaceAll("\\s+", " ") + " ";
      for (String w : List.of(" INSERT ", " MERGE ", " UPDATE ", " DELETE ", " OVERWRITE ")) {
        if (flat.contains(w)) {
          return false;
        }
      }
    }
    return true;
  }
}
