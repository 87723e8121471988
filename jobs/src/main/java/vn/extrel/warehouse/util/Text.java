package vn.extrel.warehouse.util;

import java.text.Normalizer;

/**
 * Text as it comes out of Vietnamese spreadsheets: several Unicode forms, stray spaces, accents.
 */
public final class Text {

  private Text() {}

  /** Unicode NFC, the one form every stored string takes (Windows tools often write NFD). */
  public static String nfc(String s) {
    if (s == null) {
      return null;
    }
    if (plainNfc(s)) {
      return s;
    }
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * Whether the text has only characters that are in NFC whatever surrounds them: below U+0300
   * (Latin, before the combining marks) or precomposed Vietnamese letters (Latin Extended
   * Additional, U+1E00-U+1EFF). Every pair of them was checked against java.text.Normalizer. Most
   * cells are like this; the full check is for the rest.
   */
  static boolean plainNfc(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F'
        || c == '\uFEFF';
  }

  /**
   * Collapses runs of any whitespace (including no-break spaces and line breaks) to one space,
   * trimmed. Runs on every cell read, so it returns the string itself when there is nothing to
   * change.
   */
  public static String squish(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    boolean clean = n == 0 || (!isSpace(s.charAt(0)) && !isSpace(s.charAt(n - 1)));
    for (int i = 0; clean && i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) {
        clean = false;
      }
    }
    if (clean) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A key for matching names typed by different people: case, accents, đ, spacing, hyphens and
   * punctuation are ignored, so "Cam-pu-chia", "Campuchia" and "CAMPUCHIA" fold to the same key, as
   * do "Vốn ĐK" and "von dk". Runs for many cells, so it walks the characters instead of using
   * regular expressions.
   */
  public static String fold(String s) {
    return fold(s, false);
  }

  /** Like {@link #fold} but keeps single spaces between words, for matching prefixes and words. */
  public static String foldWords(String s) {
    return fold(s, true);
  }

  private static String fold(String s, boolean words) {
    if (s == null) {
      return "";
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    boolean gap = false;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      if (c == 'đ' || c == 'Đ') {
        c = 'd';
      }
      if (Character.isLetterOrDigit(c)) {
        if (gap && words && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
        gap = false;
      } else {
        gap = true;
      }
    }
    return sb.toString();
  }

  /**
   * Text as it can be printed on one terminal line and read: line breaks, other control characters
   * and the invisible or reordering ones (zero-width spaces and joiners, bidirectional overrides
   * and isolates, the byte-order mark) written as {@code \\n} or {@code \\u200B}. A sheet named
   * with a right-to-left override would otherwise reorder the rest of the line, and a file name
   * with a line break would split a summary line in two.
   */
  public static String printable(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escaped = escape(c);
      if (escaped != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (escaped != null) {
          sb.append(escaped);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean invisible =
        Character.isISOControl(c)
            || (c >= '\u200B' && c <= '\u200F') // zero-width space, joiners, LRM/RLM
            || (c >= '\u202A' && c <= '\u202E') // bidirectional embeddings and overrides
            || (c >= '\u2066' && c <= '\u2069') // bidirectional isolates
            || c == '\u2060'
            || c == '\u061C'
            || c == '\uFEFF';
    return invisible ? String.format("\\u%04X", (int) c) : null;
  }

  /** Shortens a value for an error message. */
  public static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
