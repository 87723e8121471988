package vn.extrel.warehouse.export;

import java.util.Locale;

/**
 * The language of an export: its titles, and in XLSX how numbers and dates are shown.
 *
 * <p>An XLSX format code is locale-free: {@code #,##0.0} means "group thousands, one decimal" and
 * the reader puts in its own separators. Excel takes them from the computer's regional settings (so
 * a Vietnamese Windows shows 6.785,5 and an English one 6,785.5) and ignores a language tag for
 * separators; LibreOffice takes them from the format's language. The Vietnamese export therefore
 * tags its number formats {@code [$-42A]} (Vietnamese): LibreOffice shows 6.785,5 whatever its own
 * locale, and Excel shows Vietnamese separators wherever Windows is set to Vietnamese. The English
 * export leaves the choice to the reader. Dates are shown day first in Vietnamese.
 */
public enum ExportLocale {
  VI("vi", "[$-42A]", "dd/mm/yyyy", "dd/MM/yyyy"),
  EN("en", "", "yyyy-mm-dd", "yyyy-MM-dd");

  private final String code;
  private final String numberTag;
  private final String dateFormat;
  private final java.time.format.DateTimeFormatter dates;

  ExportLocale(String code, String numberTag, String dateFormat, String datePattern) {
    this.code = code;
    this.numberTag = numberTag;
    this.dateFormat = dateFormat;
    this.dates = java.time.format.DateTimeFormatter.ofPattern(datePattern);
  }

  /** {@code vi} or {@code en}, the key of the titles in {@code config/exports.yaml}. */
  public String code() {
    return code;
  }

  /** A number format code ({@code #,##0}) as this locale shows it. */
  public String number(String format) {
    return numberTag + format;
  }

  /** The XLSX format code of a date cell. */
  public String dateFormat() {
    return dateFormat;
  }

  /** A date written into text (a footnote), as the date cells show it. */
  public String date(java.time.temporal.TemporalAccessor date) {
    return dates.format(date);
  }

  public static ExportLocale of(String code) {
    for (ExportLocale l : values()) {
      if (l.code.equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    throw ExportErrors.unknownLocale(code);
  }
}
