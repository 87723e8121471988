package vn.extrel.warehouse.export;

import java.util.Map;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.gold.IndicatorDefinition;

/**
 * The words of exported files in Vietnamese or English, from {@code config/exports.yaml}: column
 * titles (else, for a column named after an indicator, the indicator's name, else the column name
 * itself), the titles of workbooks by source, and the names of units.
 */
public record ExportTitles(
    Map<String, Map<String, String>> columns,
    Map<String, Map<String, String>> sources,
    Map<String, Map<String, String>> units,
    IndicatorCatalog indicators) {

  public static ExportTitles of(ExportCatalog catalog, IndicatorCatalog indicators) {
    return new ExportTitles(catalog.columns(), catalog.titles(), catalog.units(), indicators);
  }

  public String title(String column, String locale) {
    Map<String, String> t = columns.get(column);
    if (t != null && t.get(locale) != null) {
      return t.get(locale);
    }
    for (IndicatorDefinition d : indicators.indicators()) {
      if (d.id().equals(column) && d.name().get(locale) != null) {
        return d.name().get(locale);
      }
    }
    return column;
  }

  /** The title of a workbook exported from {@code source}, else the source as written. */
  public String sourceTitle(String source, String locale) {
    Map<String, String> t = sources.get(source.trim().toLowerCase(java.util.Locale.ROOT));
    return t != null && t.get(locale) != null ? t.get(locale) : source.trim();
  }

  /** "dự án" for {@code project}; a unit without a name stays as it is (USD). */
  public String unit(String unit, String locale) {
    Map<String, String> t = unit == null ? null : units.get(unit);
    return t != null && t.get(locale) != null ? t.get(locale) : unit;
  }

  /** The indicator's name in the locale, else its id. */
  public String indicatorName(String id, String locale) {
    for (IndicatorDefinition d : indicators.indicators()) {
      if (d.id().equals(id)) {
        return d.name().getOrDefault(locale, id);
      }
    }
    return id;
  }
}
