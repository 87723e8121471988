package vn.extrel.warehouse.gold;

import java.util.List;
import java.util.Map;

/**
 * One indicator, as analysts declare it in {@code config/indicators.yaml}.
 *
 * @param id snake_case, e.g. {@code fdi_disbursed_usd}
 * @param name {@code vi} and {@code en} names, for exports and the catalogue
 * @param unit the unit of the value (USD, person, project, activity)
 * @param source the silver table: {@code fdi}, {@code trade} or {@code activity}
 * @param measure for fdi and trade, the measure summed; not used for activity
 * @param aggregate {@code sum} (fdi, trade) or {@code count} (activities, counted once each)
 * @param filter column to accepted values, e.g. {@code dataset: [an_giang_fdi]}, {@code flow:
 *     [export]}
 * @param period the reporting period summed, {@code Y} (full year) unless said otherwise
 * @param breakdowns {@code total} and dimension columns; a list inside the list is a cross
 *     breakdown
 * @param vintage which publication's value is the figure where several give it: {@code latest}
 *     (default), {@code earliest} or {@code final}
 */
public record IndicatorDefinition(
    String id,
    Map<String, String> name,
    String unit,
    String source,
    String measure,
    String aggregate,
    Map<String, List<String>> filter,
    String period,
    List<Object> breakdowns,
    String description,
    String vintage) {

  /** The latest publication's value is the figure (default). */
  public static final String LATEST = "latest";

  /** The first publication's value is the figure: as first published. */
  public static final String EARLIEST = "earliest";

  /** A final figure over a preliminary or estimated one, then the latest. */
  public static final String FINAL = "final";

  public static final List<String> VINTAGES = List.of(LATEST, EARLIEST, FINAL);

  public IndicatorDefinition {
    if (name != null) {
      for (Map.Entry<String, String> e : name.entrySet()) {
        if (e.getValue() == null) {
          throw new IllegalArgumentException(
              "name '"
                  + e.getKey()
                  + "' has no text; a name with a comma must be quoted: {vi: \"...\", en: \"a, b\"}");
        }
      }
    }
    name = name == null ? Map.of() : Map.copyOf(name);
    filter = filter == null ? Map.of() : Map.copyOf(filter);
    breakdowns = breakdowns == null ? List.of("total") : List.copyOf(breakdowns);
    period = period == null ? "Y" : period;
    vintage = vintage == null ? LATEST : vintage;
  }

  public String nameVi() {
    return name.getOrDefault("vi", id);
  }

  public String nameEn() {
    return name.getOrDefault("en", id);
  }

  /** Each breakdown as a list of dimension columns; {@code total} is the empty list. */
  @SuppressWarnings("unchecked")
  public List<List<String>> breakdownColumns() {
    return breakdowns.stream()
        .map(
            b ->
                b instanceof List<?> l
                    ? (List<String>) l
                    : "total".equals(b) ? List.<String>of() : List.of((String) b))
        .toList();
  }

  /**
   * The {@code dimension} label of a breakdown: {@code total}, {@code partner_country}, {@code
   * a/b}.
   */
  public static String dimensionLabel(List<String> columns) {
    return columns.isEmpty() ? "total" : String.join("/", columns);
  }
}
