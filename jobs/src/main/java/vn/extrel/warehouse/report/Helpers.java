package vn.extrel.warehouse.report;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.reference.Partner;
import vn.extrel.warehouse.reference.Reference;

/**
 * The names a section template gets: the year, the province, {@code figure(...)} and the helpers
 * that write figures the way the language does. Every helper that prints a number marks it with its
 * citation, so the number carries its source cells into the HTML page and the Word document.
 */
final class Helpers {

  private final Figures figures;
  private final Words words;
  private final Citations citations;
  private final Names names;

  Helpers(
      Figures figures,
      ExportLocale locale,
      Citations citations,
      ReportDefinition report,
      Reference reference) {
    this.figures = figures;
    this.words = Words.of(locale);
    this.citations = citations;
    this.names = new Names(reference, report, locale);
  }

  /** A helper: its arguments as Java values, its result as text (or a figure). */
  @FunctionalInterface
  private interface Body {
    Object apply(List<Object> args) throws TemplateModelException;
  }

  /** The template's names. */
  Map<String, Object> model(String province) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", figures.year());
    m.put("prev_year", figures.year() - 1);
    m.put("province", province);
    m.put("locale", words.locale().code());
    put(m, "figure", 1, 3, a -> figure(a));
    put(m, "members", 2, 2, a -> figures.members(definition(a, 0, "members"), text(a, 1)));
    put(m, "money", 1, 1, a -> money(figure(a, 0, "money"), Words.Rounding.EXACT));
    put(m, "over", 1, 1, a -> money(figure(a, 0, "over"), Words.Rounding.OVER));
    put(m, "about", 1, 1, a -> money(figure(a, 0, "about"), Words.Rounding.ABOUT));
    put(m, "count", 1, 2, a -> count(figure(a, 0, "count"), a.size() > 1 ? text(a, 1) : "", false));
    put(
        m,
        "count2",
        1,
        2,
        a -> count(figure(a, 0, "count2"), a.size() > 1 ? text(a, 1) : "", true));
    put(m, "number", 1, 1, a -> number(figure(a, 0, "number")));
    put(m, "change", 1, 1, a -> change(figure(a, 0, "change")));
    put(m, "ratio", 1, 1, a -> ratio(figure(a, 0, "ratio"), true));
    put(m, "percent", 1, 1, a -> ratio(figure(a, 0, "percent"), false));
    put(m, "trend", 1, 1, a -> trend(figure(a, 0, "trend")));
    put(m, "share", 1, 1, a -> share(figure(a, 0, "share")));
    put(m, "partners", 1, 9, a -> partners(figures(a, "partners")));
    put(m, "fields", 1, 9, a -> fields(figures(a, "fields")));
    put(m, "member", 1, 1, a -> memberName(figure(a, 0, "member")));
    put(m, "name", 1, 1, a -> name(figure(a, 0, "name").definition()));
    put(m, "join", 1, 1, a -> join(a.get(0)));
    return m;
  }

  private static void put(Map<String, Object> m, String name, int min, int max, Body body) {
    m.put(
        name,
        (TemplateMethodModelEx)
            arguments -> {
              if (arguments.size() < min || arguments.size() > max) {
                throw new HelperException(
                    name
                        + "() takes "
                        + (min == max ? min : min + " to " + max)
                        + " argument(s), not "
                        + arguments.size(),
                    "call it as " + ReportErrors.GUIDE + " shows");
              }
              List<Object> args = new ArrayList<>();
              for (Object o : arguments) {
                args.add(DeepUnwrap.unwrap((TemplateModel) o));
              }
              return body.apply(args);
            });
  }

  // ---- arguments -------------------------------------------------------------------------------

  private Figure figure(List<Object> a) throws TemplateModelException {
    IndicatorDefinition d = definition(a, 0, "figure");
    if (a.size() == 2) {
      throw new HelperException(
          "figure() takes an indicator, or an indicator, a breakdown and a member",
          "e.g. figure(\"activity_count\", \"activity_type\", \"agreement\")");
    }
    String dimension = a.size() > 1 ? text(a, 1) : "total";
    String member = a.size() > 1 ? text(a, 2) : "*";
    if (!"total".equals(dimension)) {
      List<String> known =
          d.breakdownColumns().stream()
              .filter(b -> !b.isEmpty())
              .map(IndicatorDefinition::dimensionLabel)
              .toList();
      if (!known.contains(dimension)) {
        throw new HelperException(
            d.id() + " has no breakdown '" + dimension + "'",
            "use one of " + known + " (config/indicators.yaml lists them)");
      }
    }
    return figures.figure(d, dimension, member);
  }

  private IndicatorDefinition definition(List<Object> a, int i, String helper)
      throws TemplateModelException {
    String id = text(a, i);
    IndicatorDefinition d = figures.definition(id);
    if (d == null) {
      throw new HelperException(
          "unknown indicator '" + id + "' in " + helper + "()",
          "use one of " + figures.indicators() + " (config/indicators.yaml)");
    }
    return d;
  }

  private static String text(List<Object> a, int i) throws TemplateModelException {
    Object o = a.get(i);
    if (!(o instanceof String s)) {
      throw new HelperException(
          "argument " + (i + 1) + " should be a text in quotes, not " + describe(o),
          "write it in double quotes, e.g. \"fdi_disbursed_usd\"");
    }
    return s;
  }

  private static Figure figure(List<Object> a, int i, String helper) throws TemplateModelException {
    Object o = a.get(i);
    if (!(o instanceof Figure f)) {
      throw new HelperException(
          helper + "() needs a figure, not " + describe(o),
          "pass figure(\"...\"), e.g. " + helper + "(figure(\"fdi_disbursed_usd\"))");
    }
    return f;
  }

  private static List<Figure> figures(List<Object> a, String helper) throws TemplateModelException {
    List<Figure> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(figure(a, i, helper));
    }
    return out;
  }

  private static String describe(Object o) {
    return o == null
        ? "nothing"
        : o instanceof String s ? "the text \"" + s + "\"" : o.getClass().getSimpleName();
  }

  // ---- the helpers -----------------------------------------------------------------------------

  /** A figure's value as printed, marked, with its status where it is not final. */
  private String cite(Figure f, String text) {
    String status = words.status(f.getStatus());
    return mark(f, status == null ? text : text + " (" + status + ")");
  }

  /** A comparison as printed, marked (its wording says what the statuses are). */
  private String mark(Figure f, String text) {
    return Prose.mark(citations.cite(f), text);
  }

  private String money(Figure f, Words.Rounding rounding) throws TemplateModelException {
    String unit = f.getUnit();
    if (!Unit.USD.equals(unit) && !Unit.VND.equals(unit)) {
      throw new HelperException(
          "money() writes amounts of money; " + f.getIndicator() + " is in " + unit,
          "use count(figure(\"" + f.getIndicator() + "\"), \"...\") or number(...)");
    }
    if (!f.isExists()) {
      return words.noFigure(f.getYear());
    }
    return cite(f, words.money(f.getValue(), unit, rounding));
  }

  private String count(Figure f, String noun, boolean twoDigits) throws TemplateModelException {
    if (Unit.USD.equals(f.getUnit()) || Unit.VND.equals(f.getUnit())) {
      throw new HelperException(
          "count() writes counts; " + f.getIndicator() + " is in " + f.getUnit(),
          "use money(figure(\"" + f.getIndicator() + "\")), over(...) or about(...)");
    }
    if (!f.isExists() && !f.hasBase()) {
      return words.noFigure(f.getYear());
    }
    // A member absent from a year that has figures did not happen: "00 biên bản" is true.
    return cite(f, words.count(f.getValue(), noun, twoDigits));
  }

  private String number(Figure f) {
    if (!f.isExists()) {
      return words.noFigure(f.getYear());
    }
    return cite(f, words.number(f.getValue(), 2));
  }

  private String change(Figure f) {
    String phrase = words.change(f);
    return f.isExists() ? mark(f, phrase) : phrase;
  }

  private String ratio(Figure f, boolean multiple) {
    String guard = words.guard(f);
    if (guard != null) {
      return f.isExists() ? mark(f, guard) : guard;
    }
    double r = f.ratio();
    return mark(f, multiple ? words.multiple(r) : words.percent(r));
  }

  private String trend(Figure f) {
    return f.comparison().hasRatio() ? words.trend(f.ratio()) : "";
  }

  private String share(Figure f) throws TemplateModelException {
    if (f.getShare() == null) {
      throw new HelperException(
          "share() is the share of a member in its year's total; " + f + " has none",
          "pass a member, e.g. share(figure(\"trade_export_usd\", \"partner_country\", \"USA\"))");
    }
    return cite(f, words.number(f.getShare(), 1) + "%");
  }

  private String partners(List<Figure> fs) throws TemplateModelException {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (Figure f : fs) {
      requireActivities(f, "partners");
      ids.addAll(f.lineage().partnerIds(f.getYear()));
    }
    Map<String, List<String>> provinces = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (String id : ids) {
      Optional<Partner> p = names.partner(id);
      if (p.isEmpty()) {
        order.add(id);
        continue;
      }
      Partner partner = p.get();
      if ("province".equals(partner.kind())) {
        String country = names.country(partner.country());
        String key = "province:" + country;
        if (!provinces.containsKey(key)) {
          provinces.put(key, new ArrayList<>());
          order.add(List.of(key, country == null ? "" : country));
        }
        provinces.get(key).add(names.partner(partner));
      } else if (partner.isCountry()) {
        order.add(names.partner(partner));
      } else {
        order.add(words.organisation(names.partner(partner), names.country(partner.country())));
      }
    }
    List<String> phrases = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof List<?> group) {
        String country = (String) group.get(1);
        phrases.add(
            words.provinces(
                provinces.get((String) group.get(0)), country.isEmpty() ? null : country));
      } else {
        phrases.add((String) o);
      }
    }
    return words.join(phrases);
  }

  private String fields(List<Figure> fs) throws TemplateModelException {
    java.util.Set<String> codes = new java.util.LinkedHashSet<>();
    for (Figure f : fs) {
      requireActivities(f, "fields");
      codes.addAll(f.lineage().fields(f.getYear()));
    }
    List<String> out = new ArrayList<>();
    for (String code : codes) {
      out.add(names.code("field", code));
    }
    return words.join(out);
  }

  private String memberName(Figure f) {
    return names.member(f);
  }

  private String name(IndicatorDefinition d) {
    return words.locale() == ExportLocale.VI ? d.nameVi() : d.nameEn();
  }

  private String join(Object list) throws TemplateModelException {
    if (!(list instanceof List<?> items)) {
      throw new HelperException(
          "join() needs a list, not " + describe(list), "e.g. join([\"A\", \"B\", \"C\"])");
    }
    return words.join(items.stream().map(String::valueOf).toList());
  }

  private void requireActivities(Figure f, String helper) throws TemplateModelException {
    if (!"activity".equals(f.definition().source())) {
      throw new HelperException(
          helper + "() lists the activities behind a count; " + f.getIndicator() + " is not one",
          "pass an activity figure, e.g. "
              + helper
              + "(figure(\"activity_count\", \"activity_type\", \"agreement\"))");
    }
  }
}
