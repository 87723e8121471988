package vn.extrel.warehouse.parse;

import java.util.Locale;

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

  NumberLocale(char grouping, char decimal) {
    this.grouping = grouping;
    this.decimal = decimal;
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
