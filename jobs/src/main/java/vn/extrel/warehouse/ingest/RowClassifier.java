package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.Text;

/**
 * Tells data rows from the rows around them: totals, subtotals, sections, notes and signatures. The
 * words of Vietnamese government reports are built in; a layout adds its own.
 */
final class RowClassifier {

  /** Whole labels that are totals ("Cộng" alone is a total; "Cộng hòa Séc" is a country). */
  private static final Set<String> TOTAL_EXACT =
      Set.of(
          "cong",
          "tong",
          "tongso",
          "tongcong",
          "tongtrigia",
          "total",
          "grandtotal",
          "catinh",
          "canuoc",
          "toantinh",
          "tongkimngach",
          "tongsoduan");

  private static final List<String> TOTAL_PREFIX =
      List.of("tongso", "tongcong", "tongtrigia", "grandtotal");

  private static final List<String> SUBTOTAL_PREFIX =
      List.of("trongdo", "trongtongso", "baogom", "ofwhich");

  private static final List<String> SECTION_PREFIX =
      List.of("phantheo", "chiara", "trongdo", "trongtongso");

  private static final List<String> NOTE_PREFIX =
      List.of(
          "ghichu",
          "nguon",
          "chuthich",
          "luuy",
          "note",
          "notes",
          "source",
          "nguoilapbieu",
          "thutruong",
          "ketoantruong",
          "giamdoc",
          "kyten",
          "tmuybannhandan",
          "tmubnd");

  private static final Pattern ROMAN = Pattern.compile("^(?i)[IVXLC]+\\s*[.)/:\\-]\\s*\\S.*");
  private static final Pattern STAR_NOTE =
      Pattern.compile("^\\s*(\\(\\*+\\)|\\*+|\\(\\d\\))\\s*.*");
  private static final Pattern DATE_LINE =
      Pattern.compile(".*\\bngay\\b.*\\bthang\\b.*\\bnam\\b.*");

  private final List<String> totals = new ArrayList<>();
  private final List<String> sections = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> ignore = new ArrayList<>();
  private final List<Pattern> sectionPatterns = new ArrayList<>();
  private final boolean defaults;

  private static final int CACHE_SIZE = 20_000;
  private final Map<String, RowClass> withValues = new java.util.HashMap<>();
  private final Map<String, RowClass> withoutValues = new java.util.HashMap<>();

  RowClassifier(Layout layout) {
    Layout.RowRules rules = layout.rows();
    this.defaults = rules.defaults();
    rules.total().forEach(t -> totals.add(Text.fold(t)));
    rules.section().forEach(s -> sections.add(Text.fold(s)));
    rules.note().forEach(n -> notes.add(Text.fold(n)));
    rules.ignore().forEach(n -> ignore.add(Text.fold(n)));
    for (Layout.SectionSpec s : layout.sections()) {
      sectionPatterns.add(
          Pattern.compile(s.match(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
  }

  /**
   * @param label the row's naming text (may be null)
   * @param hasValues whether any measure column holds something
   * @param textCells how many non-empty cells the row has
   */
  RowClass classify(String label, boolean hasValues, int textCells) {
    if (label == null || label.isBlank()) {
      return RowClass.DATA;
    }
    // Labels repeat (the same partners, year after year): folding accents costs more than a lookup.
    Map<String, RowClass> cache = hasValues ? withValues : withoutValues;
    RowClass known = cache.get(label);
    if (known != null) {
      return known;
    }
    RowClass cls = classifyFresh(label, hasValues);
    if (cache.size() < CACHE_SIZE) {
      cache.put(label, cls);
    }
    return cls;
  }

  private RowClass classifyFresh(String label, boolean hasValues) {
    String f = Text.fold(label);
    String words = Text.foldWords(label);
    // A note carries no figures: "Nguồn vốn ODA" with amounts is data, "Nguồn: Sở KH&ĐT" is a note.
    if (!hasValues
        && (startsWithAny(f, notes)
            || (defaults
                && (startsWithAny(f, NOTE_PREFIX)
                    || STAR_NOTE.matcher(label).matches()
                    || DATE_LINE.matcher(words).matches())))) {
      return RowClass.NOTE;
    }
    if (startsWithAny(f, totals)
        || (defaults && (TOTAL_EXACT.contains(f) || startsWithAny(f, TOTAL_PREFIX)))) {
      return RowClass.TOTAL;
    }
    if (hasValues && defaults && startsWithAny(f, SUBTOTAL_PREFIX)) {
      return RowClass.SUBTOTAL;
    }
    if (!hasValues) {
      for (Pattern p : sectionPatterns) {
        if (p.matcher(Text.squish(label)).find()) {
          return RowClass.SECTION;
        }
      }
      if (startsWithAny(f, sections)
          || (defaults && (startsWithAny(f, SECTION_PREFIX) || ROMAN.matcher(label).matches()))) {
        return RowClass.SECTION;
      }
    }
    return RowClass.DATA;
  }

  /** Whether the layout's rows.ignore names the row (by a prefix of its label). */
  boolean ignored(String label) {
    return label != null && !ignore.isEmpty() && startsWithAny(Text.fold(label), ignore);
  }

  private static boolean startsWithAny(String folded, List<String> prefixes) {
    for (String p : prefixes) {
      if (!p.isEmpty() && folded.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
