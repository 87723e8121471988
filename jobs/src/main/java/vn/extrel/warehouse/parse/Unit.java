package vn.extrel.warehouse.parse;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.util.Text;

/**
 * A unit as written in a header or a "Đơn vị tính" line, reduced to a base unit and a multiplier:
 * "triệu USD" is USD × 1,000,000, "nghìn tấn" is tonne × 1,000.
 */
public record Unit(String base, BigDecimal multiplier, String written) implements Serializable {

  public static final String USD = "USD";
  public static final String VND = "VND";
  public static final String PERCENT = "percent";
  public static final String PERSON = "person";
  public static final String PROJECT = "project";
  public static final String COUNT = "count";
  public static final String TONNE = "tonne";

  private static final Map<String, BigDecimal> SCALES = new LinkedHashMap<>();
  private static final Map<String, String> BASES = new LinkedHashMap<>();
  private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern UNIT_LINE =
      Pattern.compile(
          "(?iu)^\\s*(?:đơn\\s*vị\\s*(?:tính)?|đvt|don\\s*vi\\s*(?:tinh)?|unit)\\s*[:：.]?\\s*(.+)$");

  static {
    // Scale words, longest first within the folded key.
    SCALES.put("nghin", BigDecimal.valueOf(1_000L));
    SCALES.put("ngan", BigDecimal.valueOf(1_000L));
    SCALES.put("thousand", BigDecimal.valueOf(1_000L));
    SCALES.put("1000", BigDecimal.valueOf(1_000L));
    SCALES.put("trieu", BigDecimal.valueOf(1_000_000L));
    SCALES.put("tr", BigDecimal.valueOf(1_000_000L));
    SCALES.put("million", BigDecimal.valueOf(1_000_000L));
    SCALES.put("mil", BigDecimal.valueOf(1_000_000L));
    SCALES.put("m", BigDecimal.valueOf(1_000_000L));
    SCALES.put("ty", BigDecimal.valueOf(1_000_000_000L));
    SCALES.put("billion", BigDecimal.valueOf(1_000_000_000L));
    SCALES.put("bn", BigDecimal.valueOf(1_000_000_000L));

    BASES.put("usd", USD);
    BASES.put("us", USD);
    BASES.put("dolami", USD);
    BASES.put("dola", USD);
    BASES.put("dollar", USD);
    BASES.put("dollars", USD);
    BASES.put("dong", VND);
    BASES.put("vnd", VND);
    BASES.put("nguoi", PERSON);
    BASES.put("laodong", PERSON);
    BASES.put("persons", PERSON);
    BASES.put("person", PERSON);
    BASES.put("people", PERSON);
    BASES.put("duan", PROJECT);
    BASES.put("projects", PROJECT);
    BASES.put("project", PROJECT);
    BASES.put("luot", COUNT);
    BASES.put("hoatdong", COUNT);
    BASES.put("tan", TONNE);
    BASES.put("tonnes", TONNE);
    BASES.put("tons", TONNE);
  }

  /** The same unit, however it is written ("triệu USD" and "Triệu USD", "USD" and "đô la"). */
  public boolean sameAs(Unit other) {
    return other != null && base.equals(other.base) && multiplier.compareTo(other.multiplier) == 0;
  }

  /** Reads a unit; null when the text names no unit this warehouse knows. */
  public static Unit parse(String written) {
    if (written == null) {
      return null;
    }
    String t = Text.squish(written);
    if (t.equals("%")) {
      return new Unit(PERCENT, BigDecimal.ONE, t);
    }
    String key = Text.fold(t.replace("$", "usd"));
    if (key.isEmpty()) {
      return null;
    }
    if (BASES.containsKey(key)) {
      return new Unit(BASES.get(key), BigDecimal.ONE, t);
    }
    for (Map.Entry<String, BigDecimal> scale : SCALES.entrySet()) {
      if (key.startsWith(scale.getKey())) {
        String rest = key.substring(scale.getKey().length());
        if (BASES.containsKey(rest)) {
          return new Unit(BASES.get(rest), scale.getValue(), t);
        }
      }
    }
    return null;
  }

  /**
   * The unit named in a header's parentheses, "Vốn đăng ký (triệu USD)"; null when there is none.
   */
  public static Unit fromHeader(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = PARENTHESES.matcher(header);
    Unit found = null;
    while (m.find()) {
      Unit u = parse(m.group(1));
      if (u != null) {
        found = u;
      }
    }
    return found;
  }

  /** The unit of a "Đơn vị tính: Triệu USD" line; null when the text is no such line. */
  public static Unit fromUnitLine(String line) {
    if (line == null) {
      return null;
    }
    Matcher m = UNIT_LINE.matcher(Text.squish(line));
    return m.matches() ? parse(m.group(1)) : null;
  }

  /**
   * Every unit a "Đơn vị tính" line names: one ("triệu USD") or several for several columns ("Nghìn
   * tấn; Triệu USD"); empty when the text is no such line.
   */
  public static java.util.List<Unit> fromUnitLineAll(String line) {
    java.util.List<Unit> out = new java.util.ArrayList<>();
    if (line == null) {
      return out;
    }
    String units = unitsOf(line);
    if (units == null) {
      return out;
    }
    Unit whole = parse(units);
    if (whole != null) {
      out.add(whole);
      return out;
    }
    for (String part : units.split("[;,/]")) {
      Unit u = parse(part);
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }

  /** True for a line that declares a unit, even one this warehouse does not know. */
  public static boolean isUnitLine(String line) {
    return unitsOf(line) != null;
  }

  /**
   * The units a unit line names: after "Đơn vị tính:" (whatever follows), or a line of units alone
   * as the statistics office writes it above a table ("Nghìn tấn; Triệu USD"); null otherwise.
   */
  private static String unitsOf(String line) {
    if (line == null) {
      return null;
    }
    String t = Text.squish(line);
    Matcher m = UNIT_LINE.matcher(t);
    if (m.matches()) {
      return m.group(1);
    }
    if (t.length() > 60 || !t.contains(";")) {
      return null;
    }
    for (String part : t.split(";")) {
      if (parse(part) == null) {
        return null;
      }
    }
    return t;
  }
}
