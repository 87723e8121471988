package vn.extrel.warehouse.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQL cell: a code cell whose first line is the {@code %%sql} magic, optionally asking for a
 * chart of its result:
 *
 * <pre>
 * %%sql --chart bar --x year --y value --label yoy_ratio --title "FDI disbursed (USD)"
 * SELECT year, value, yoy_ratio FROM gold.fdi_yoy WHERE indicator = 'fdi_disbursed_usd'
 * </pre>
 *
 * {@code --y} may name several columns (comma-separated), one series each; {@code --label} names a
 * ratio column shown under each x value as "×4.4".
 */
public record SqlCell(String sql, ChartSpec chart) {

  public record ChartSpec(String type, String x, List<String> y, String label, String title) {}

  static final String MAGIC = "%%sql";

  public static boolean isSql(String source) {
    return source.stripLeading().startsWith(MAGIC);
  }

  public static SqlCell parse(String source, String where) {
    String text = source.stripLeading();
    int nl = text.indexOf('\n');
    String magic = nl < 0 ? text : text.substring(0, nl);
    String sql = nl < 0 ? "" : text.substring(nl + 1).strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    if (sql.isEmpty()) {
      throw NotebookErrors.noStatement(where);
    }
    List<String> words = words(magic.substring(MAGIC.length()), where);
    String type = null;
    String x = null;
    String label = null;
    String title = null;
    List<String> y = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String value = i + 1 < words.size() ? words.get(i + 1) : null;
      if (value == null || value.startsWith("--")) {
        throw NotebookErrors.optionNeedsValue(where, w);
      }
      switch (w) {
        case "--chart" -> type = value.toLowerCase(Locale.ROOT);
        case "--x" -> x = value;
        case "--y" -> y.addAll(List.of(value.split(",")));
        case "--label" -> label = value;
        case "--title" -> title = value;
        default -> throw NotebookErrors.unknownOption(where, w);
      }
      i++;
    }
    ChartSpec chart = null;
    if (type != null) {
      if (!type.equals("bar") && !type.equals("line")) {
        throw NotebookErrors.unknownChart(where, type);
      }
      if (x == null || y.isEmpty()) {
        throw NotebookErrors.chartWithoutColumns(where);
      }
      chart = new ChartSpec(type, x, List.copyOf(y), label, title);
    }
    return new SqlCell(sql, chart);
  }

  /** Splits on spaces, keeping "quoted text" together. */
  static List<String> words(String line, String where) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        if (cur == null) {
          cur = new StringBuilder();
        }
      } else if (Character.isWhitespace(c)) {
        if (cur != null) {
          out.add(cur.toString());
          cur = null;
        }
      } else {
        if (cur == null) {
          cur = new StringBuilder();
        }
        cur.append(c);
      }
    }
    if (quote != 0) {
      throw NotebookErrors.unclosedQuote(where);
    }
    if (cur != null) {
      out.add(cur.toString());
    }
    return out;
  }
}
