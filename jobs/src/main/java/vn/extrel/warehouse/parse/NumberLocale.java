package vn.extrel.warehouse.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How numbers typed as text are written: which character groups thousands and which marks decimals.
 */
public enum NumberLocale {
  /** Vietnamese: "6.785" is six thousand seven hundred eighty-five, "4,4" is four point four. */
  VI('.', ','),
  /** English: "1,342.30". */
  EN(',', '.');

  private final char grouping;
  private final char decimal;

  /** "6.785": one group, which in a decimal column could be either reading. */
  final Pattern loneGroup;

  /** "1.234.567,89" */
  final Pattern grouped;

  /** "4,4", ",5" */
  final Pattern decimalOnly;

  /** "6 785,5": spaces grouping thousands */
  final Pattern spaceGrouped;

  NumberLocale(char grouping, char decimal) {
    this.grouping = grouping;
    this.decimal = decimal;
    String g = Pattern.quote(String.valueOf(grouping));
    String d = Pattern.quote(String.valueOf(decimal));
    this.loneGroup = Pattern.compile("\\d{1,3}" + g + "\\d{3}");
    this.grouped = Pattern.compile("\\d{1,3}(" + g + "\\d{3})+(" + d + "\\d+)?");
    this.decimalOnly = Pattern.compile("\\d*" + d + "\\d+");
    this.spaceGrouped = Pattern.compile("\\d{1,3}( \\d{3})+(" + d + "\\d+)?");
  }

  public char grouping() {
    return grouping;
  }

  public char decimal() {
    return decimal;
  }

  /** Parses "vi" or "en" (any case); null for anything else. */
  public static NumberLocale of(String code) {
    if (code == null) {
      return null;
    }
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "vi", "vi-vn", "vi_vn" -> VI;
      case "en", "en-us", "en_us", "en-gb" -> EN;
      default -> null;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
