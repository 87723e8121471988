package vn.extrel.warehouse.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.util.Text;

/** Publication dates as reports write them: in a file name, a title or a signature line. */
public final class Publications {
  private Publications() {}

  private static final Pattern ISO =
      Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_.]([01]?\\d)[-_.]([0-3]?\\d)(?!\\d)");
  private static final Pattern DMY =
      Pattern.compile("(?<!\\d)([0-3]?\\d)[-/._]([01]?\\d)[-/._]((?:19|20)\\d{2})(?!\\d)");
  private static final Pattern WORDS =
      Pattern.compile(
          "\\bngay\\s*(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*nam\\s*((?:19|20)\\d{2})\\b");

  /** The first date written in the text, as yyyy-MM-dd; null when there is none. */
  public static String dateIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ISO.matcher(text);
    if (m.find()) {
      String d = iso(m.group(1), m.group(2), m.group(3));
      if (d != null) {
        return d;
      }
    }
    m = DMY.matcher(text);
    if (m.find()) {
      String d = iso(m.group(3), m.group(2), m.group(1));
      if (d != null) {
        return d;
      }
    }
    m = WORDS.matcher(Text.foldWords(text));
    if (m.find()) {
      return iso(m.group(3), m.group(2), m.group(1));
    }
    return null;
  }

  /** A date a layout's pattern captured ("27/12/2019", "2019-12-27"), as yyyy-MM-dd, or null. */
  public static String date(String captured) {
    return dateIn(captured);
  }

  private static String iso(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
