package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.util.Text;

/**
 * Matches header texts to a layout's aliases, ignoring case, accents, spacing, Unicode form and a
 * unit in parentheses: "Vốn đăng ký (triệu USD)", "VON DANG KY" and "Vốn đăng ký" all match the
 * alias "Vốn đăng ký".
 */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  public static final String SEPARATOR = " / ";

  private static final Pattern PARENS = Pattern.compile("\\([^()]*\\)");

  /**
   * A year header, with what may stand before the year: a status ("Ước tính năm 2019", "Sơ bộ
   * 2020") and a period ("6 tháng đầu năm 2021", "Quý I/2021", "Tháng 12 năm 2019"). A plan ("Kế
   * hoạch năm 2021") is not a figure of the year and does not match.
   */
  private static final Pattern YEAR =
      Pattern.compile(
          "^(?:uoctinh|uocthuchien|uoc|sobo|chinhthuc|thuchien)?"
              + "(?:6thangdau|6thangcuoi|9thangdau|quy(?:iv|iii|ii|i|[1-4])|thang(?:1[0-2]|0?[1-9]))?"
              + "(?:nam|year|fy)?((?:19|20)\\d{2})$");

  private static final Pattern RATIO = Pattern.compile("%|\\bso voi\\b|\\bso sanh\\b|\\bchi so\\b");

  /** True for a header of a ratio or a comparison ("Năm 2019 so với năm trước (%)"). */
  public static boolean isRatio(String path) {
    return path != null && RATIO.matcher(path.contains("%") ? "%" : Text.foldWords(path)).find();
  }

  /**
   * The year beside the measure's words in one header text: "Lao động 2016", "2017 Số lao động".
   */
  private static final Pattern TRAILING_YEAR =
      Pattern.compile("^(.*?[a-z]) (?:(?:nam|year|fy) )?((?:19|20)\\d{2})$");

  private static final Pattern LEADING_YEAR =
      Pattern.compile("^(?:(?:nam|year|fy) )?((?:19|20)\\d{2}) (.*[a-z].*)$");

  /** Folds a header text for comparison, dropping parenthesised parts such as units. */
  static String key(String text) {
    return Text.fold(PARENS.matcher(text).replaceAll(" "));
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split(Pattern.quote(SEPARATOR))) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  /** True when the header path, or any one of its segments, is one of the aliases. */
  public static boolean matches(String path, List<String> aliases) {
    if (path == null || path.isEmpty() || aliases.isEmpty()) {
      return false;
    }
    String whole = key(path);
    List<String> segs = segments(path);
    for (String alias : aliases) {
      String a = key(alias);
      if (a.isEmpty()) {
        continue;
      }
      if (a.equals(whole)) {
        return true;
      }
      for (String s : segs) {
        if (a.equals(key(s))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The year a header names, for year-column families: "2016", "Năm 2016"; null otherwise. */
  public static String year(String segment) {
    Matcher m = YEAR.matcher(key(segment));
    return m.matches() ? m.group(1) : null;
  }

  /**
   * For a year-column family: the year, when the path has exactly one year segment and the other
   * segments match the aliases (or there are none and no aliases are given).
   */
  public static String yearColumn(String path, List<String> aliases) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    String found = null;
    List<String> rest = new ArrayList<>();
    for (String s : segments(path)) {
      String y = year(s);
      if (y != null && found == null) {
        found = y;
      } else if (!key(s).isEmpty()) {
        rest.add(s);
      }
    }
    if (found == null) {
      // One segment with the year in it: "Lao động 2016", "2016 Lao động", "Vốn năm 2016".
      List<String> segs = segments(path);
      for (int i = 0; i < segs.size() && found == null; i++) {
        String words = Text.foldWords(PARENS.matcher(segs.get(i)).replaceAll(" ")).strip();
        Matcher m = TRAILING_YEAR.matcher(words);
        Matcher l = LEADING_YEAR.matcher(words);
        String text = m.matches() ? m.group(1) : l.matches() ? l.group(2) : null;
        if (text != null) {
          found = m.matches() ? m.group(2) : l.group(1);
          rest = new ArrayList<>(segs);
          rest.set(i, text);
        }
      }
    }
    if (found == null) {
      return null;
    }
    if (aliases.isEmpty()) {
      return rest.isEmpty() ? found : null;
    }
    return !rest.isEmpty() && matches(String.join(SEPARATOR, rest), aliases) ? found : null;
  }

  /**
   * Joins the non-empty texts of a column's header rows, dropping a repeat from a vertical merge.
   */
  static String path(List<String> texts) {
    List<String> parts = new ArrayList<>();
    for (String t : texts) {
      String s = Text.squish(t);
      if (s == null || s.isEmpty()) {
        continue;
      }
      if (!parts.isEmpty() && parts.get(parts.size() - 1).equals(s)) {
        continue;
      }
      parts.add(s);
    }
    return String.join(SEPARATOR, parts);
  }
}
