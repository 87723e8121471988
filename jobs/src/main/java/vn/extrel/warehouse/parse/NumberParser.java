package vn.extrel.warehouse.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Reads numbers the way the person who typed them meant them, under a declared locale, and never
 * guesses.
 *
 * <p>Spark's CSV reader, under its default locale, reads "6.785" as 6.785 and "4,4" as 44. Here, in
 * {@code vi}, "6.785" is 6785 in a count column and "4,4" is 4.4; a lone dot group such as "6.785"
 * in a decimal column could be either, so it is refused with {@link Reasons#AMBIGUOUS_NUMBER}
 * unless the column says how to read it. Accounting forms are understood: "(28.99)" is negative, a
 * lone dash is zero.
 */
public final class NumberParser {

  /** What to do with "6.785" in a vi decimal column. */
  public enum Ambiguity {
    QUARANTINE,
    THOUSANDS
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DASH_ZERO = Pattern.compile("[-‐‑‒–—−]+");
  private static final Pattern EXPONENT = Pattern.compile("\\d+(\\.\\d+)?[eE][-+]?\\d+");
  private static final Pattern EXCEL_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private NumberParser() {}

  /**
   * Parses the canonical text of a number cell (what a spreadsheet stores: "2464.3229809999998",
   * "1.5E-3").
   */
  public static ParsedNumber parseStored(String raw) {
    if (raw == null || raw.isBlank()) {
      return ParsedNumber.empty();
    }
    String s = raw.trim();
    if (!EXCEL_NUMBER.matcher(s).matches()) {
      return ParsedNumber.error(Reasons.NOT_A_NUMBER, "'" + s + "' is not a number");
    }
    // A spreadsheet keeps a number as a binary double: "263451.21406799997" is the 263451.214068
    // typed in the cell. Excel holds and shows 15 significant digits; so does the warehouse.
    BigDecimal v = new BigDecimal(s);
    if (v.precision() > EXCEL_DIGITS.getPrecision()) {
      v = v.round(EXCEL_DIGITS).stripTrailingZeros();
      if (v.scale() < 0) {
        v = v.setScale(0);
      }
    }
    return ParsedNumber.ok(v, "number-cell");
  }

  private static final java.math.MathContext EXCEL_DIGITS = new java.math.MathContext(15);

  /** Parses a number typed as text, under the column's locale. */
  public static ParsedNumber parseText(
      String raw, NumberLocale locale, boolean integer, Ambiguity ambiguity) {
    if (raw == null) {
      return ParsedNumber.empty();
    }
    String s = raw.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ').trim();
    if (s.isEmpty()) {
      return ParsedNumber.empty();
    }
    String rule = locale.code();
    if (DASH_ZERO.matcher(s).matches()) {
      return ParsedNumber.ok(BigDecimal.ZERO, "accounting-dash-zero");
    }
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).trim();
      rule = rule + "+accounting-parentheses";
    }
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).trim();
      rule = rule + "+percent-sign";
    }
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '−' || s.charAt(0) == '+')) {
      negative = negative ^ (s.charAt(0) != '+');
      s = s.substring(1).trim();
    }
    if (locale.spaceGrouped.matcher(s).matches()) {
      s = s.replace(" ", "");
      rule = rule + "+space-groups";
    }
    ParsedNumber body = parseUnsigned(s, raw, locale, integer, ambiguity, rule);
    if (body.failed() || body.value() == null) {
      return body;
    }
    BigDecimal v = negative ? body.value().negate() : body.value();
    return ParsedNumber.ok(v, body.rule());
  }

  private static ParsedNumber parseUnsigned(
      String s,
      String raw,
      NumberLocale locale,
      boolean integer,
      Ambiguity ambiguity,
      String rule) {
    char g = locale.grouping();
    char d = locale.decimal();
    if (DIGITS.matcher(s).matches()) {
      return ParsedNumber.ok(new BigDecimal(s), rule);
    }
    boolean loneGroup = locale.loneGroup.matcher(s).matches();
    if (loneGroup && !integer && locale == NumberLocale.VI && ambiguity == Ambiguity.QUARANTINE) {
      String digits = s.replace(String.valueOf(g), "");
      return ParsedNumber.error(
          Reasons.AMBIGUOUS_NUMBER,
          "'"
              + raw.trim()
              + "' is ambiguous in a decimal column: "
              + digits
              + " if '.' groups thousands (vi), or "
              + s
              + " if it marks decimals; type it as "
              + digits
              + " or "
              + s.replace('.', ',')
              + ", or set 'ambiguous: thousands' on the column");
    }
    if (locale.grouped.matcher(s).matches()) {
      String canonical = s.replace(String.valueOf(g), "").replace(d, '.');
      return ParsedNumber.ok(new BigDecimal(canonical), rule + "+grouped");
    }
    if (locale.decimalOnly.matcher(s).matches()) {
      return ParsedNumber.ok(new BigDecimal(s.replace(d, '.')), rule + "+decimal");
    }
    if (locale == NumberLocale.EN && EXPONENT.matcher(s).matches()) {
      return ParsedNumber.ok(new BigDecimal(s), rule + "+exponent");
    }
    String hint =
        locale == NumberLocale.VI
            ? "in vi, '.' groups thousands and ',' marks decimals (6.785 = 6785, 4,4 = 4.4)"
            : "in en, ',' groups thousands and '.' marks decimals (1,342.30)";
    String other = locale == NumberLocale.VI ? "en" : "vi";
    String alt =
        parseUnsignedQuiet(s, locale == NumberLocale.VI ? NumberLocale.EN : NumberLocale.VI)
            ? "; it reads as a number in '"
                + other
                + "': if the whole column is written that way, set"
                + " locale: "
                + other
                + " on the column or the layout"
            : "";
    return ParsedNumber.error(
        Reasons.NOT_A_NUMBER,
        "'"
            + Textish.clip(raw.trim())
            + "' is not a number in locale "
            + locale.code()
            + " ("
            + hint
            + ")"
            + alt);
  }

  private static boolean parseUnsignedQuiet(String s, NumberLocale locale) {
    return locale.grouped.matcher(s).matches() || locale.decimalOnly.matcher(s).matches();
  }

  /**
   * Checks a parsed value for an integer column; Excel stores counts as doubles ("52.0",
   * "2309.9999999").
   */
  public static ParsedNumber requireInteger(ParsedNumber n, String raw) {
    if (n.failed() || n.value() == null) {
      return n;
    }
    BigDecimal v = n.value();
    BigDecimal rounded = v.setScale(0, RoundingMode.HALF_UP);
    if (v.subtract(rounded).abs().compareTo(new BigDecimal("0.000001")) > 0) {
      return ParsedNumber.error(
          Reasons.NOT_AN_INTEGER,
          "'" + Textish.clip(raw) + "' is not a whole number, but the column counts things");
    }
    return ParsedNumber.ok(rounded, n.rule());
  }

  /** Tiny local helper, so this class has no dependency beyond the JDK. */
  private static final class Textish {
    static String clip(String s) {
      return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
  }
}
