package vn.extrel.warehouse.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.util.Text;

/**
 * Reporting periods and figure status as Vietnamese reports write them: "Năm 2016", "Quý I/2016",
 * "6 tháng đầu năm 2016", "9 tháng", "Tháng 3/2016"; "ước tính" (estimated), "sơ bộ" (preliminary),
 * "chính thức" (final).
 */
public final class Periods {
  private Periods() {}

  public static final String FULL_YEAR = "Y";
  public static final String FINAL = "final";
  public static final String PRELIMINARY = "preliminary";
  public static final String ESTIMATED = "estimated";

  /** A period found in text; any part may be null. */
  public record Found(Integer year, String period, String status) {}

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
  private static final Pattern QUARTER =
      Pattern.compile("\\b(?:quy|quarter|q)\\s*(iv|iii|ii|i|[1-4])\\b");
  private static final Pattern MONTHS =
      Pattern.compile("\\b(\\d{1,2})\\s*thang\\s*(?:dau\\s*nam)?");
  private static final Pattern MONTH = Pattern.compile("\\bthang\\s*(\\d{1,2})\\b");
  private static final Pattern HALF2 = Pattern.compile("\\b6\\s*thang\\s*cuoi\\s*nam\\b");

  public static Found find(String text) {
    if (text == null) {
      return new Found(null, null, null);
    }
    String w = Text.foldWords(text);
    Integer year = null;
    Matcher y = YEAR.matcher(w);
    if (y.find()) {
      year = Integer.parseInt(y.group(1));
    }
    String period = null;
    Matcher q = QUARTER.matcher(w);
    Matcher ms = MONTHS.matcher(w);
    Matcher m = MONTH.matcher(w);
    if (HALF2.matcher(w).find()) {
      period = "H2";
    } else if (q.find()) {
      period = "Q" + quarter(q.group(1));
    } else if (ms.find()) {
      int n = Integer.parseInt(ms.group(1));
      period = n == 6 ? "H1" : n == 12 ? FULL_YEAR : n + "M";
    } else if (m.find()) {
      int n = Integer.parseInt(m.group(1));
      period = n >= 1 && n <= 12 ? String.format("M%02d", n) : null;
    } else if (w.matches(".*\\b(nam|year|ca nam)\\b.*") && year != null) {
      period = FULL_YEAR;
    }
    return new Found(year, period, status(w));
  }

  /** The status a text declares, or null. */
  public static String status(String foldedWords) {
    String w = foldedWords;
    if (w.contains("uoc tinh") || w.contains("uoc thuc hien") || w.contains("estimate")) {
      return ESTIMATED;
    }
    if (w.contains("so bo") || w.contains("preliminary") || w.contains("tam tinh")) {
      return PRELIMINARY;
    }
    if (w.contains("chinh thuc") || w.contains("final")) {
      return FINAL;
    }
    return null;
  }

  private static int quarter(String s) {
    return switch (s) {
      case "i", "1" -> 1;
      case "ii", "2" -> 2;
      case "iii", "3" -> 3;
      default -> 4;
    };
  }
}
