package vn.extrel.warehouse.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Prints query results as an aligned table, CSV or JSON lines, with numbers written plainly (no
 * 1.7E7).
 */
public final class ResultPrinter {

  /** Output formats of {@code sql} and the load summary. */
  public enum Format {
    TABLE,
    CSV,
    JSON,
    MARKDOWN
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  private static final int MAX_WIDTH = 60;

  private ResultPrinter() {}

  public static void print(StructType schema, Iterator<Row> rows, Format format, PrintWriter out) {
    switch (format) {
      case CSV -> csv(schema, rows, out);
      case JSON -> json(schema, rows, out);
      case MARKDOWN -> table(schema, rows, out, true);
      default -> table(schema, rows, out, false);
    }
    out.flush();
  }

  /** A value as text: decimals without trailing zeros, doubles without exponent, null as empty. */
  public static String text(Object v, boolean forDisplay) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return plain(d);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.toString();
      }
      BigDecimal b = BigDecimal.valueOf(d);
      return plain(forDisplay ? b.setScale(4, RoundingMode.HALF_UP) : b);
    }
    if (v instanceof Float f) {
      return text(f.doubleValue(), forDisplay);
    }
    if (v instanceof Seq<?> s) {
      List<String> parts = new ArrayList<>();
      s.foreach(x -> parts.add(text(x, forDisplay)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.foreach(t -> parts.add(text(t._1(), forDisplay) + ": " + text(t._2(), forDisplay)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof Row r) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        parts.add(text(r.get(i), forDisplay));
      }
      return "(" + String.join(", ", parts) + ")";
    }
    return v.toString();
  }

  static String plain(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  private static void table(
      StructType schema, Iterator<Row> rows, PrintWriter out, boolean markdown) {
    StructField[] fields = schema.fields();
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[fields.length];
    boolean[] numeric = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      width[i] = fields[i].name().length();
      String t = fields[i].dataType().typeName().toLowerCase(Locale.ROOT);
      numeric[i] =
          t.startsWith("decimal")
              || t.equals("double")
              || t.equals("integer")
              || t.equals("long")
              || t.equals("float")
              || t.equals("short");
    }
    while (rows.hasNext()) {
      Row r = rows.next();
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String s = r.isNullAt(i) ? (markdown ? "" : "NULL") : text(r.get(i), true);
        s = s.replace('\n', ' ');
        if (s.length() > MAX_WIDTH) {
          s = s.substring(0, MAX_WIDTH - 1) + "…";
        }
        line[i] = s;
        width[i] = Math.max(width[i], s.length());
      }
      cells.add(line);
    }
    String sep = markdown ? " | " : "  ";
    StringBuilder header = new StringBuilder(markdown ? "| " : "");
    StringBuilder rule = new StringBuilder(markdown ? "|" : "");
    for (int i = 0; i < fields.length; i++) {
      header
          .append(pad(fields[i].name(), width[i], false))
          .append(i < fields.length - 1 ? sep : "");
      rule.append(
          markdown
              ? "-".repeat(width[i] + 1) + (numeric[i] ? ":|" : "-|")
              : "-".repeat(width[i]) + (i < fields.length - 1 ? sep : ""));
    }
    out.println(markdown ? header + " |" : header.toString().stripTrailing());
    out.println(rule);
    for (String[] line : cells) {
      StringBuilder sb = new StringBuilder(markdown ? "| " : "");
      for (int i = 0; i < line.length; i++) {
        sb.append(pad(line[i], width[i], numeric[i])).append(i < line.length - 1 ? sep : "");
      }
      out.println(markdown ? sb + " |" : sb.toString().stripTrailing());
    }
    if (!markdown) {
      out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    }
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static void csv(StructType schema, Iterator<Row> rows, PrintWriter out) {
    StructField[] fields = schema.fields();
    List<String> names = new ArrayList<>();
    for (StructField f : fields) {
      names.add(quote(f.name()));
    }
    out.println(String.join(",", names));
    while (rows.hasNext()) {
      Row r = rows.next();
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        vals.add(r.isNullAt(i) ? "" : quote(text(r.get(i), false)));
      }
      out.println(String.join(",", vals));
    }
  }

  static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static void json(StructType schema, Iterator<Row> rows, PrintWriter out) {
    StructField[] fields = schema.fields();
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        var node = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i++) {
          Object v = r.isNullAt(i) ? null : r.get(i);
          String name = fields[i].name();
          if (v == null) {
            node.putNull(name);
          } else if (v instanceof BigDecimal d) {
            node.put(name, new BigDecimal(plain(d)));
          } else if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            node.put(name, d);
          } else if (v instanceof Integer n) {
            node.put(name, n);
          } else if (v instanceof Long n) {
            node.put(name, n);
          } else if (v instanceof Boolean b) {
            node.put(name, b);
          } else {
            node.put(name, text(v, false));
          }
        }
        out.println(JSON.writeValueAsString(node));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
