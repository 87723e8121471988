package vn.extrel.warehouse.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** Excel's date conventions: which number formats show dates, and serial numbers to dates. */
public final class ExcelDates {
  private ExcelDates() {}

  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

  /** Built-in format ids that display dates (ECMA-376 18.8.30). */
  private static boolean builtinDate(int id) {
    return (id >= 14 && id <= 22)
        || (id >= 27 && id <= 36)
        || (id >= 45 && id <= 47)
        || (id >= 50 && id <= 58);
  }

  /** True when a cell with this number format shows a date rather than a number. */
  public static boolean isDateFormat(Integer id, String format) {
    if (id != null && builtinDate(id)) {
      return true;
    }
    if (format == null || format.isEmpty() || format.equalsIgnoreCase("General")) {
      return false;
    }
    // Ignore quoted literals, escaped characters and [colour]/[locale] sections, then look for date
    // letters.
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    boolean bracket = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++;
      } else if (c == '[') {
        bracket = true;
      } else if (c == ']') {
        bracket = false;
      } else if (!bracket) {
        sb.append(Character.toLowerCase(c));
      }
    }
    String f = sb.toString();
    int semi = f.indexOf(';');
    if (semi >= 0) {
      f = f.substring(0, semi);
    }
    return f.matches(".*[dy].*") || (f.contains("m") && (f.contains("d") || f.contains("y")));
  }

  /** The last day Excel can show: 9999-12-31 (in the 1900 system). */
  static final double MAX_SERIAL = 2_958_465;

  /**
   * An Excel serial day number (1900 system unless {@code date1904}) to a date-time. Serials Excel
   * cannot show as a date are refused, not turned into odd years: below 1 (0 shows as
   * "1900-01-00"), past 9999-12-31, and 60 in the 1900 system, which Excel shows as 1900-02-29, a
   * day that never was (Lotus's leap-year mistake, kept for compatibility: serials 1 to 59 count
   * from 1899-12-31, those from 61 from 1899-12-30).
   *
   * @throws IllegalArgumentException for a serial that is no date
   */
  public static LocalDateTime fromSerial(double serial, boolean date1904) {
    if (Double.isNaN(serial) || serial < (date1904 ? 0 : 1) || serial >= MAX_SERIAL + 1) {
      throw new IllegalArgumentException(serial + " is not a date Excel can show");
    }
    if (!date1904 && serial >= 60 && serial < 61) {
      throw new IllegalArgumentException("serial 60 is 1900-02-29, a day that never was");
    }
    LocalDate epoch = date1904 ? EPOCH_1904 : serial < 60 ? EPOCH_1900.plusDays(1) : EPOCH_1900;
    long days = (long) Math.floor(serial);
    long nanos = Math.round((serial - days) * 86_400_000_000_000d);
    return epoch.plusDays(days).atStartOfDay().plus(nanos, ChronoUnit.NANOS);
  }
}
