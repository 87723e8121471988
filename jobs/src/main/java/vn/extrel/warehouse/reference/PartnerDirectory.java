package vn.extrel.warehouse.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import vn.extrel.warehouse.util.Text;

/**
 * Resolves partner names as people type them ("Campuchia", "Cam-pu-chia", "Cambodia"; "Ta Keo",
 * "Tỉnh Takeo"; "Indonexia") to one partner. Countries come from the JDK's CLDR data (ISO 3166
 * codes with English and Vietnamese names); partners.yaml adds variant spellings, foreign provinces
 * and organisations.
 */
public final class PartnerDirectory implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Words that may precede a name without changing it: "Tỉnh Takeo", "Nước Lào", "Province of ...".
   */
  private static final List<String> DESIGNATORS =
      List.of(
          "tinh",
          "thanhpho",
          "nuoc",
          "province",
          "provinceof",
          "the",
          "cacnuoc",
          "vuongquoc",
          "kingdomof",
          "conghoa",
          "republicof");

  /**
   * Names this short once folded ("Ý" is "y") are matched with their accents: a stray "y" or "a" in
   * a partner cell is no country.
   */
  private static final int SHORT = 2;

  private final Map<String, Partner> byId = new LinkedHashMap<>();
  private final Map<String, String> byKey = new LinkedHashMap<>();
  private final Map<String, String> keySource = new LinkedHashMap<>();

  /** Short names as written (lower case, accents kept), to their partner. */
  private final Map<String, String> shortNames = new LinkedHashMap<>();

  PartnerDirectory() {}

  /** Every ISO 3166 country, named in English and Vietnamese as CLDR has them. */
  static List<Partner> isoCountries() {
    Locale vi = Locale.forLanguageTag("vi");
    List<Partner> out = new ArrayList<>();
    for (String cc : Locale.getISOCountries()) {
      Locale l = new Locale("", cc);
      String a3 = l.getISO3Country();
      out.add(
          new Partner(
              a3,
              Partner.COUNTRY,
              a3,
              l.getDisplayCountry(vi),
              l.getDisplayCountry(Locale.ENGLISH),
              List.of(cc)));
    }
    return out;
  }

  /** Adds or refines a partner; returns the key that clashed with another partner, if any. */
  Optional<String> add(Partner p, String origin) {
    resolved = null;
    Partner existing = byId.get(p.id());
    Partner merged = p;
    if (existing != null) {
      List<String> aliases = new ArrayList<>(existing.aliases());
      aliases.addAll(p.aliases());
      merged =
          new Partner(
              p.id(),
              p.kind() != null ? p.kind() : existing.kind(),
              p.country() != null ? p.country() : existing.country(),
              p.nameVi() != null ? p.nameVi() : existing.nameVi(),
              p.nameEn() != null ? p.nameEn() : existing.nameEn(),
              aliases);
    }
    byId.put(merged.id(), merged);
    // Only the names this entry brings are indexed; what an earlier entry indexed stays as it was.
    List<String> names = new ArrayList<>();
    names.add(p.id());
    names.add(p.nameVi());
    names.add(p.nameEn());
    names.addAll(p.aliases());
    for (String n : names) {
      String k = Text.fold(n);
      if (k.isEmpty()) {
        continue;
      }
      String owner = byKey.get(k);
      if (owner != null && !owner.equals(merged.id())) {
        if ("cldr".equals(origin)) {
          continue; // CLDR never takes a name away from another country
        }
        if (!"cldr".equals(keySource.get(k))) {
          return Optional.of(n + " (already names " + owner + ")");
        }
      }
      byKey.put(k, merged.id());
      keySource.put(k, origin);
      if (k.length() <= SHORT) {
        shortNames.putIfAbsent(exact(n), merged.id());
      }
    }
    return Optional.empty();
  }

  /** Names repeat on every row; each is resolved once per process. */
  private transient java.util.concurrent.ConcurrentHashMap<String, Optional<Partner>> resolved;

  public Optional<Partner> resolve(String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    if (resolved == null) {
      resolved = new java.util.concurrent.ConcurrentHashMap<>();
    }
    Optional<Partner> known = resolved.get(written);
    if (known != null) {
      return known;
    }
    Optional<Partner> p = resolveFresh(written);
    if (resolved.size() < 100_000) {
      resolved.put(written, p);
    }
    return p;
  }

  private static String exact(String name) {
    return Text.nfc(name).strip().toLowerCase(Locale.ROOT);
  }

  /** A name with a qualifier in parentheses: "Trung Quốc (Đài Loan)". */
  private static final java.util.regex.Pattern QUALIFIED =
      java.util.regex.Pattern.compile("\\s*(.*?)\\s*\\(([^()]+)\\)\\s*");

  private Optional<Partner> resolveFresh(String written) {
    String key = Text.fold(written);
    if (key.length() <= SHORT) {
      return Optional.ofNullable(shortNames.get(exact(written))).map(byId::get);
    }
    String id = byKey.get(key);
    java.util.regex.Matcher q = QUALIFIED.matcher(written);
    if (id == null && q.matches() && !q.group(1).isBlank()) {
      // The qualifier names the territory when there is one: "Trung Quốc (Đài Loan)" is Taiwan,
      // "Pháp (Polynesia)" French Polynesia ("Polynesia thuộc Pháp"), "Hoa Kỳ (Samoa thuộc Mỹ)"
      // American Samoa; else the name before it: "Hàn Quốc (Đại Hàn)" is Korea.
      String outer = q.group(1);
      String inner = q.group(2);
      id = byKey.get(Text.fold(inner + " thuộc " + outer));
      if (id == null && Text.fold(inner).length() > 3) { // not a code such as "(US)"
        id = byKey.get(Text.fold(inner));
      }
    }
    if (id == null) {
      String noParens = Text.fold(written.replaceAll("\\([^()]*\\)", " "));
      id = byKey.get(noParens);
    }
    if (id == null) {
      for (String d : DESIGNATORS) {
        if (key.startsWith(d) && key.length() > d.length() + 1) {
          id = byKey.get(key.substring(d.length()));
          if (id != null) {
            break;
          }
        }
      }
    }
    return Optional.ofNullable(id).map(byId::get);
  }

  public Optional<Partner> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The closest known names, for an analyst fixing a typo or adding an alias. */
  public List<String> suggest(String written, int max) {
    String key = Text.fold(written);
    LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
    record Scored(String label, int distance) {}
    Map<String, Scored> best = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byKey.entrySet()) {
      int d = lev.apply(key, e.getKey());
      Partner p = byId.get(e.getValue());
      String label = p.id() + " " + (p.nameVi() != null ? p.nameVi() : p.nameEn());
      Scored s = best.get(label);
      if (s == null || d < s.distance()) {
        best.put(label, new Scored(label, d));
      }
    }
    return best.values().stream()
        .filter(s -> s.distance() <= Math.max(3, key.length() / 2))
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::label))
        .limit(max)
        .map(Scored::label)
        .toList();
  }

  public Collection<Partner> all() {
    return byId.values();
  }
}
