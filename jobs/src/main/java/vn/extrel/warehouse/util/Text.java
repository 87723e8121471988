package vn.extrel.warehouse.util;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as it comes out of Vietnamese spreadsheets: several Unicode forms, stray spaces, accents.
 */
public final class Text {
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

  private Text() {}

  /** Unicode NFC, the one form every stored string takes (Windows tools often write NFD). */
  public static String nfc(String s) {
    if (s == null) {
      return null;
    }
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * Collapses runs of any whitespace (including no-break spaces and line breaks) to one space,
   * trimmed.
   */
  public static String squish(String s) {
    if (s == null) {
      return null;
    }
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  public static boolean isBlank(String s) {
    return s == null || squish(s).isEmpty();
  }

  /**
   * A key for matching names typed by different people: case, accents, đ, spacing, hyphens and
   * punctuation are ignored, so "Cam-pu-chia", "Campuchia" and "CAMPUCHIA" fold to the same key, as
   * do "Vốn ĐK" and "von dk".
   */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    String lower = s.toLowerCase(Locale.ROOT).replace('đ', 'd').replace('Đ', 'd');
    String stripped =
        COMBINING.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(stripped).replaceAll("");
  }

  /** Like {@link #fold} but keeps single spaces between words, for matching prefixes and words. */
  public static String foldWords(String s) {
    if (s == null) {
      return "";
    }
    String lower = s.toLowerCase(Locale.ROOT).replace('đ', 'd').replace('Đ', 'd');
    String stripped =
        COMBINING.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(stripped).replaceAll(" ").trim();
  }

  /** Shortens a value for an error message. */
  public static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
