package vn.extrel.warehouse.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.parse.Unit;

/** The silver tables layouts can feed, with their fields and measures. */
public final class FactTables {
  private FactTables() {}

  /** Foreign direct investment, long: one row per (year, area, partner, sector, measure). */
  public static final FactTable FDI =
      FactTable.longFacts(
          "fdi",
          new TableId("silver", "fdi"),
          List.of(
              Dimension.of("area", FieldType.TEXT),
              Dimension.of("partner", FieldType.PARTNER),
              Dimension.of("sector", FieldType.TEXT),
              Dimension.of("project", FieldType.TEXT)),
          List.of(
              new Measure("projects", Unit.PROJECT, true),
              new Measure("registered_usd", Unit.USD, false),
              new Measure("disbursed_usd", Unit.USD, false),
              new Measure("jobs", Unit.PERSON, true),
              new Measure("adjusted_projects", Unit.PROJECT, true),
              new Measure("adjusted_usd", Unit.USD, false),
              new Measure("share_purchases", Unit.COUNT, true),
              new Measure("share_purchase_usd", Unit.USD, false),
              new Measure("net_inflows_usd", Unit.USD, false),
              // Ratios to the year before as a report publishes them ("so với năm trước (%)").
              new Measure("registered_usd_yoy_pct", Unit.PERCENT, false),
              new Measure("disbursed_usd_yoy_pct", Unit.PERCENT, false)),
          List.of("area", "partner_country", "sector"));

  /** Foreign trade, long: one row per (year, flow, partner, product group, measure). */
  public static final FactTable TRADE =
      FactTable.longFacts(
          "trade",
          new TableId("silver", "trade"),
          List.of(
              Dimension.code("flow", "flow"),
              Dimension.of("partner", FieldType.PARTNER),
              Dimension.of("product_group", FieldType.TEXT)),
          List.of(
              new Measure("value_usd", Unit.USD, false),
              new Measure("quantity", null, false),
              new Measure("value_usd_yoy_pct", Unit.PERCENT, false)),
          List.of("flow", "partner_country", "product_group"));

  /** Foreign-affairs activities: one row per activity and partner. */
  public static final FactTable ACTIVITY =
      FactTable.rowFacts(
          "activity",
          new TableId("silver", "activity"),
          "activity_id",
          List.of(
              Dimension.of("date", FieldType.DATE),
              Dimension.code("activity_type", "activity_type"),
              Dimension.code("channel", "channel"),
              Dimension.of("partner", FieldType.PARTNER),
              new Dimension("country", FieldType.COUNTRY, null, false),
              Dimension.code("field", "field"),
              Dimension.of("title", FieldType.TEXT)));

  public static final Map<String, FactTable> ALL;

  static {
    Map<String, FactTable> all = new LinkedHashMap<>();
    for (FactTable t : List.of(FDI, TRADE, ACTIVITY)) {
      all.put(t.name(), t);
    }
    ALL = Map.copyOf(all);
  }

  public static List<FactTable> all() {
    return List.of(FDI, TRADE, ACTIVITY);
  }
}
