package vn.extrel.warehouse.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * The reference data analysts maintain: partners (config/reference/partners.yaml) and code lists
 * (config/reference/codes.yaml). Small, so it travels to executors whole.
 */
public final class Reference implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartnerDirectory partners;
  private final Map<String, CodeList> codeLists;

  private Reference(PartnerDirectory partners, Map<String, CodeList> codeLists) {
    this.partners = partners;
    this.codeLists = codeLists;
  }

  public PartnerDirectory partners() {
    return partners;
  }

  public Optional<CodeList> codeList(String name) {
    return Optional.ofNullable(codeLists.get(name));
  }

  public Map<String, CodeList> codeLists() {
    return codeLists;
  }

  /** Shape of one entry of partners.yaml. */
  record PartnerEntry(
      String id, String kind, String country, String nameVi, String nameEn, List<String> aliases) {}

  /** Shape of one code of codes.yaml. */
  record CodeEntry(String code, String vi, String en, List<String> aliases) {}

  public static Reference load(Path dir, String displayDir) {
    PartnerDirectory partners = new PartnerDirectory();
    for (Partner p : PartnerDirectory.isoCountries()) {
      partners.add(p, "cldr");
    }
    Path pf = dir.resolve("partners.yaml");
    if (Files.exists(pf)) {
      YamlDocument doc = YamlDocument.read(pf, displayDir + "/partners.yaml");
      JsonNode list = doc.root().path("partners");
      if (!list.isArray()) {
        throw doc.error(
            "partners",
            "expected a list under 'partners:'",
            "write 'partners:' then '- id: ...' entries");
      }
      for (int i = 0; i < list.size(); i++) {
        String at = "partners." + i;
        PartnerEntry e = doc.bind(list.get(i), at, PartnerEntry.class);
        if (e.id() == null || e.id().isBlank()) {
          throw doc.error(
              at,
              "a partner without an id",
              "give it an id: ISO alpha-3 for a country, ISO 3166-2 for a province");
        }
        boolean known = partners.byId(e.id()).isPresent();
        if (!known && e.kind() == null) {
          throw doc.error(
              at,
              "new partner '" + e.id() + "' has no kind",
              "add kind: country, province, organisation or mission");
        }
        if (!known
            && e.country() == null
            && !"country".equals(e.kind())
            && !"region".equals(e.kind())) {
          throw doc.error(
              at,
              "partner '" + e.id() + "' has no country",
              "add country: the ISO alpha-3 code of its country, e.g. KHM");
        }
        if (e.country() != null && partners.byId(e.country()).isEmpty()) {
          throw doc.error(
              at + ".country",
              "unknown country '" + e.country() + "'",
              "use an ISO 3166 alpha-3 code such as KHM, LAO, JPN");
        }
        String country =
            e.country() != null ? e.country() : "country".equals(e.kind()) ? e.id() : null;
        Optional<String> clash =
            partners.add(
                new Partner(e.id(), e.kind(), country, e.nameVi(), e.nameEn(), e.aliases()),
                "yaml");
        if (clash.isPresent()) {
          throw doc.error(
              at,
              "the name " + clash.get(),
              "remove the duplicate alias from one of the two partners");
        }
      }
    }
    Map<String, CodeList> lists = new LinkedHashMap<>();
    Path cf = dir.resolve("codes.yaml");
    if (Files.exists(cf)) {
      YamlDocument doc = YamlDocument.read(cf, displayDir + "/codes.yaml");
      var fields = doc.root().fields();
      while (fields.hasNext()) {
        var f = fields.next();
        CodeList cl = new CodeList(f.getKey());
        if (!f.getValue().isArray()) {
          throw doc.error(
              f.getKey(),
              "code list '" + f.getKey() + "' is not a list",
              "write '- code: ...' entries under it");
        }
        for (int i = 0; i < f.getValue().size(); i++) {
          String at = f.getKey() + "." + i;
          CodeEntry e = doc.bind(f.getValue().get(i), at, CodeEntry.class);
          if (e.code() == null || !e.code().matches("[a-z][a-z0-9_]*")) {
            throw doc.error(
                at,
                "code '" + e.code() + "' is not snake_case",
                "use lower-case letters, digits and _");
          }
          Optional<String> clash = cl.add(new CodeList.Code(e.code(), e.vi(), e.en(), e.aliases()));
          if (clash.isPresent()) {
            throw doc.error(at, "the form " + clash.get(), "remove it from one of the two codes");
          }
        }
        lists.put(f.getKey(), cl);
      }
    }
    return new Reference(partners, lists);
  }
}
