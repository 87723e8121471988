package vn.extrel.warehouse.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook's parameters, papermill's way: the cell tagged {@code parameters} holds defaults as
 * {@code name = value} lines (numbers, quoted strings, True/False); {@code -p name=value} overrides
 * them. SQL cells use them as named markers: {@code WHERE year = :year}.
 */
public final class Parameters {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+?)\\s*(#.*)?$");

  private final Map<String, Object> values = new LinkedHashMap<>();

  /** The defaults of the parameters cell's source. */
  public static Parameters parse(String source, String where) {
    Parameters p = new Parameters();
    int lineNo = 0;
    for (String line : source.split("\n")) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line);
      if (!m.matches()) {
        throw NotebookErrors.notAnAssignment(where, lineNo, t);
      }
      p.values.put(m.group(1), literal(m.group(2).strip()));
    }
    return p;
  }

  /** A Python-style literal, or from -p, plain text: numbers stay numbers. */
  static Object literal(String text) {
    if ((text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2)
        || (text.startsWith("'") && text.endsWith("'") && text.length() >= 2)) {
      return text.substring(1, text.length() - 1);
    }
    if (text.equals("True") || text.equals("true")) {
      return Boolean.TRUE;
    }
    if (text.equals("False") || text.equals("false")) {
      return Boolean.FALSE;
    }
    if (text.matches("[+-]?\\d+")) {
      long v = Long.parseLong(text);
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }
    if (text.matches("[+-]?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Double.parseDouble(text);
    }
    return text;
  }

  /** Applies {@code name=value} overrides; a name the notebook does not declare is an error. */
  public Map<String, Object> override(Map<String, String> overrides, String where) {
    Map<String, Object> changed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (!values.containsKey(e.getKey())) {
        throw NotebookErrors.unknownParameter(where, e.getKey(), values.keySet());
      }
      Object v = literal(e.getValue());
      values.put(e.getKey(), v);
      changed.put(e.getKey(), v);
    }
    return changed;
  }

  public Map<String, Object> values() {
    return values;
  }

  /** The parameters a statement names as {@code :name}. */
  public Map<String, Object> usedBy(String sql) {
    Map<String, Object> used = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (Pattern.compile("(?<![:\\w]):" + Pattern.quote(k) + "\\b").matcher(sql).find()) {
            used.put(k, v);
          }
        });
    return used;
  }

  /** Python source for papermill's injected-parameters cell. */
  public static String python(Map<String, Object> values) {
    StringBuilder b = new StringBuilder("# Parameters\n");
    values.forEach(
        (k, v) -> {
          String text;
          if (v instanceof String s) {
            text = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
          } else if (v instanceof Boolean bool) {
            text = bool ? "True" : "False";
          } else {
            text = String.valueOf(v);
          }
          b.append(k).append(" = ").append(text).append('\n');
        });
    return b.toString();
  }
}
