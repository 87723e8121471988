package vn.extrel.warehouse.export;

import java.util.Map;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.gold.IndicatorDefinition;

/**
 * The titles of exported columns in Vietnamese or English: from {@code config/exports.yaml}'s
 * {@code columns}, else, for a column named after an indicator (a pivoted view), the indicator's
 * name, else the column name itself.
 */
public record ColumnTitles(Map<String, Map<String, String>> columns, IndicatorCatalog indicators) {

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
}
