package vn.extrel.warehouse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import vn.extrel.warehouse.export.ExportLocale;

/**
 * How a report's language writes numbers, comparisons and lists. Vietnamese: "17,25 triệu USD",
 * "6.785 lao động", "04 biên bản", "tăng khoảng 4,4 lần so năm 2015", "A, B và C". English: "USD
 * 17.25 million", "6,785 workers", "about 4.4 times the 2015 figure", "A, B and C".
 */
abstract sealed class Words permits Words.Vietnamese, Words.English {

  /** How a rounded amount is introduced. */
  enum Rounding {
    /** As it is, at most two decimals of its scale: "17,25 triệu USD". */
    EXACT,
    /** Whole units of its scale, rounded down, "trên" when something was cut: "trên 17 triệu". */
    OVER,
    /** Whole units of its scale, rounded, "khoảng" when not exact: "khoảng 17 triệu". */
    ABOUT
  }

  static Words of(ExportLocale locale) {
    return locale == ExportLocale.VI ? new Vietnamese() : new English();
  }

  abstract ExportLocale locale();

  private final DecimalFormatSymbols symbols;

  Words(char grouping, char decimal) {
    symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    symbols.setMinusSign('-');
  }

  /** A number with grouped thousands and at most {@code decimals} decimals, zeros dropped. */
  final String number(BigDecimal v, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals));
    f.setDecimalFormatSymbols(symbols);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  final String number(double v, int decimals) {
    return number(BigDecimal.valueOf(v), decimals);
  }

  /** A currency amount at its scale (thousand, million, billion). */
  final String money(BigDecimal v, String unit, Rounding rounding) {
    BigDecimal abs = v.abs();
    int scale =
        abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0
            ? 9
            : abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0
                ? 6
                : abs.compareTo(BigDecimal.valueOf(1_000L)) >= 0 ? 3 : 0;
    BigDecimal scaled = v.movePointLeft(scale);
    String word = "";
    String digits;
    switch (rounding) {
      case OVER -> {
        BigDecimal whole = scaled.setScale(0, RoundingMode.FLOOR);
        word = whole.compareTo(scaled) < 0 ? over() : "";
        digits = number(whole, 0);
      }
      case ABOUT -> {
        BigDecimal whole = scaled.setScale(0, RoundingMode.HALF_UP);
        word = whole.compareTo(scaled) != 0 ? about() : "";
        digits = number(whole, 0);
      }
      default -> digits = number(scaled, 2);
    }
    return (word.isEmpty() ? "" : word + " ") + currency(digits, scale, unit);
  }

  /** A count with its noun: "6.785 lao động"; two digits where the language writes them so. */
  final String count(BigDecimal v, String noun, boolean twoDigits) {
    String digits = number(v, 2);
    if (twoDigits && padsCounts() && v.signum() >= 0 && v.compareTo(BigDecimal.TEN) < 0) {
      digits = "0" + digits;
    }
    return noun == null || noun.isBlank() ? digits : digits + " " + noun.strip();
  }

  /** A ratio to the year before: "khoảng 4,4 lần". */
  final String multiple(double ratio) {
    double tenths = ratio * 10;
    boolean exact = Math.abs(tenths - Math.rint(tenths)) < 1e-9;
    return (exact ? "" : about() + " ") + times(number(ratio, 1));
  }

  /** The change in % to the year before, without its sign: "26,5%". */
  final String percent(double ratio) {
    return number(Math.abs(ratio - 1) * 100, 1) + "%";
  }

  /** Up, down or the same, from the ratio as it is printed. */
  final String trend(double ratio) {
    double pct = Math.rint((ratio - 1) * 1000) / 10;
    return pct > 0 ? up() : pct < 0 ? down() : same();
  }

  /** The whole comparison with the year before, or the words that say why there is none. */
  final String change(Figure f) {
    int year = f.key().year();
    Comparison c = f.comparison();
    return switch (c) {
      case NO_FIGURE -> noFigure(year);
      case NO_BASE -> noBase(year - 1);
      case ZERO_BASE -> zeroBase(year - 1);
      case UNIT_CHANGE ->
          unitChange(
              year - 1,
              String.join(", ", f.lineage().units(year - 1)),
              year,
              String.join(", ", f.lineage().units(year)));
      case COMPARABLE, MIXED_STATUS -> {
        double r = f.ratio();
        String phrase;
        if (r >= 2) {
          phrase = multipleOf(multiple(r), year - 1);
        } else {
          String t = trend(r);
          phrase = t.equals(same()) ? sameAs(year - 1) : changed(t, percent(r), year - 1);
        }
        yield c == Comparison.MIXED_STATUS
            ? phrase
                + " ("
                + mixed(year, status(f.getStatus()), year - 1, status(f.previousStatus()))
                + ")"
            : phrase;
      }
    };
  }

  /** The guard's words when a ratio cannot be printed, else null. */
  final String guard(Figure f) {
    return f.comparison().hasRatio() ? null : change(f);
  }

  /** "A, B và C". */
  final String join(List<String> items) {
    List<String> xs = items.stream().filter(s -> s != null && !s.isBlank()).toList();
    if (xs.size() <= 1) {
      return xs.isEmpty() ? "" : xs.get(0);
    }
    return String.join(", ", xs.subList(0, xs.size() - 1))
        + " "
        + and()
        + " "
        + xs.get(xs.size() - 1);
  }

  // ---- the language's own words ----------------------------------------------------------------

  abstract String over();

  abstract String about();

  abstract boolean padsCounts();

  abstract String currency(String digits, int scale, String unit);

  abstract String times(String ratio);

  abstract String up();

  abstract String down();

  abstract String same();

  abstract String and();

  abstract String noFigure(int year);

  abstract String noBase(int year);

  abstract String zeroBase(int year);

  abstract String unitChange(int before, String unitsBefore, int year, String units);

  abstract String multipleOf(String multiple, int base);

  abstract String changed(String trend, String percent, int base);

  abstract String sameAs(int base);

  abstract String mixed(int year, String status, int base, String baseStatus);

  /** A figure's status as the text names it: "số liệu sơ bộ"; null for a final figure. */
  abstract String status(String status);

  /** A group of foreign provinces of one country: "tỉnh Ta Keo, Kandal (Campuchia)". */
  abstract String provinces(List<String> names, String country);

  /** An organisation or mission: its name, and its country where the name does not say it. */
  abstract String organisation(String name, String country);

  static final class Vietnamese extends Words {
    Vietnamese() {
      super('.', ',');
    }

    @Override
    ExportLocale locale() {
      return ExportLocale.VI;
    }

    @Override
    String over() {
      return "trên";
    }

    @Override
    String about() {
      return "khoảng";
    }

    @Override
    boolean padsCounts() {
      // Administrative Vietnamese writes counts under ten with two digits: "04 biên bản".
      return true;
    }

    @Override
    String currency(String digits, int scale, String unit) {
      String scaleWord =
          switch (scale) {
            case 9 -> " tỷ";
            case 6 -> " triệu";
            case 3 -> " nghìn";
            default -> "";
          };
      return digits + scaleWord + " " + ("VND".equals(unit) ? "đồng" : unit);
    }

    @Override
    String times(String ratio) {
      return ratio + " lần";
    }

    @Override
    String up() {
      return "tăng";
    }

    @Override
    String down() {
      return "giảm";
    }

    @Override
    String same() {
      return "không đổi";
    }

    @Override
    String and() {
      return "và";
    }

    @Override
    String noFigure(int year) {
      return "chưa có số liệu năm " + year;
    }

    @Override
    String noBase(int year) {
      return "chưa có số liệu năm " + year + " để so sánh";
    }

    @Override
    String zeroBase(int year) {
      return "trong khi năm " + year + " chưa có (bằng 0)";
    }

    @Override
    String unitChange(int before, String unitsBefore, int year, String units) {
      return "không so sánh được với năm "
          + before
          + " vì khác đơn vị tính (năm "
          + before
          + ": "
          + unitsBefore
          + "; năm "
          + year
          + ": "
          + units
          + ")";
    }

    @Override
    String multipleOf(String multiple, int base) {
      return "tăng " + multiple + " so năm " + base;
    }

    @Override
    String changed(String trend, String percent, int base) {
      return trend + " " + percent + " so năm " + base;
    }

    @Override
    String sameAs(int base) {
      return "tương đương năm " + base;
    }

    @Override
    String mixed(int year, String status, int base, String baseStatus) {
      return "số liệu năm "
          + year
          + " là "
          + (status == null ? "số liệu chính thức" : status)
          + ", năm "
          + base
          + " là "
          + (baseStatus == null ? "số liệu chính thức" : baseStatus);
    }

    @Override
    String status(String status) {
      return switch (status == null ? Figure.FINAL : status) {
        case "preliminary" -> "số liệu sơ bộ";
        case "estimated" -> "số liệu ước tính";
        default -> null;
      };
    }

    @Override
    String provinces(List<String> names, String country) {
      return "tỉnh " + String.join(", ", names) + (country == null ? "" : " (" + country + ")");
    }

    @Override
    String organisation(String name, String country) {
      return name;
    }
  }

  static final class English extends Words {
    English() {
      super(',', '.');
    }

    @Override
    ExportLocale locale() {
      return ExportLocale.EN;
    }

    @Override
    String over() {
      return "over";
    }

    @Override
    String about() {
      return "about";
    }

    @Override
    boolean padsCounts() {
      return false;
    }

    @Override
    String currency(String digits, int scale, String unit) {
      String scaleWord =
          switch (scale) {
            case 9 -> " billion";
            case 6 -> " million";
            case 3 -> " thousand";
            default -> "";
          };
      return unit + " " + digits + scaleWord;
    }

    @Override
    String times(String ratio) {
      return ratio + " times";
    }

    @Override
    String up() {
      return "up";
    }

    @Override
    String down() {
      return "down";
    }

    @Override
    String same() {
      return "unchanged";
    }

    @Override
    String and() {
      return "and";
    }

    @Override
    String noFigure(int year) {
      return "no " + year + " figure yet";
    }

    @Override
    String noBase(int year) {
      return "with no " + year + " figure to compare with";
    }

    @Override
    String zeroBase(int year) {
      return "against none (zero) in " + year;
    }

    @Override
    String unitChange(int before, String unitsBefore, int year, String units) {
      return "not comparable with "
          + before
          + ", whose source cells are in another unit ("
          + before
          + ": "
          + unitsBefore
          + "; "
          + year
          + ": "
          + units
          + ")";
    }

    @Override
    String multipleOf(String multiple, int base) {
      return multiple + " the " + base + " figure";
    }

    @Override
    String changed(String trend, String percent, int base) {
      return trend + " " + percent + " on " + base;
    }

    @Override
    String sameAs(int base) {
      return "the same as in " + base;
    }

    @Override
    String mixed(int year, String status, int base, String baseStatus) {
      return "the "
          + year
          + " figure is "
          + (status == null ? "final" : status)
          + ", "
          + base
          + "'s "
          + (baseStatus == null ? "final" : baseStatus);
    }

    @Override
    String status(String status) {
      return switch (status == null ? Figure.FINAL : status) {
        case "preliminary" -> "preliminary";
        case "estimated" -> "estimated";
        default -> null;
      };
    }

    @Override
    String provinces(List<String> names, String country) {
      String list = join(names);
      return (names.size() == 1 ? list + " province" : "the provinces of " + list)
          + (country == null ? "" : " (" + country + ")");
    }

    @Override
    String organisation(String name, String country) {
      return name;
    }
  }
}
