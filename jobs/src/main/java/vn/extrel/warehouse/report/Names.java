package vn.extrel.warehouse.report;

import java.util.Locale;
import java.util.Optional;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.reference.CodeList;
import vn.extrel.warehouse.reference.Partner;
import vn.extrel.warehouse.reference.Reference;

/**
 * Names in a report's language: partners and countries from the partner directory, codes (fields,
 * activity types) from report.yaml's {@code words:} or else the code lists, in lower case as prose
 * writes them.
 */
final class Names {
  private final Reference reference;
  private final ReportDefinition report;
  private final ExportLocale locale;

  Names(Reference reference, ReportDefinition report, ExportLocale locale) {
    this.reference = reference;
    this.report = report;
    this.locale = locale;
  }

  Optional<Partner> partner(String id) {
    return reference.partners().byId(id);
  }

  String partner(Partner p) {
    return locale == ExportLocale.VI ? p.nameVi() : p.nameEn();
  }

  String country(String iso) {
    return iso == null ? null : partner(iso).map(this::partner).orElse(iso);
  }

  /** A code's word in prose: report.yaml's, else the code list's name in lower case. */
  String code(String list, String code) {
    String w = report.word(list + "." + code, locale);
    if (w != null) {
      return w;
    }
    Optional<CodeList.Code> c = reference.codeList(list).map(l -> l.codes().get(code));
    if (c.isEmpty()) {
      return code;
    }
    String name = locale == ExportLocale.VI ? c.get().vi() : c.get().en();
    return name.isEmpty()
        ? code
        : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  /** The name of a figure's member: a partner, a code, else gold's member_name. */
  String member(Figure f) {
    String dim = f.key().dimension();
    String member = f.key().member();
    if (dim.equals("partner_country") || dim.equals("partner_id")) {
      return partner(member).map(this::partner).orElse(f.getMemberName());
    }
    if (reference.codeList(dim).isPresent()) {
      return code(dim, member);
    }
    return f.getMemberName() == null ? member : f.getMemberName();
  }
}
