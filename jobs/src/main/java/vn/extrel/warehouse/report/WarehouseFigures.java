package vn.extrel.warehouse.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.Pinned;
import vn.extrel.warehouse.gold.IndicatorBuilder;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.gold.LongFigures;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * The figures of one report year from the warehouse, every table read at the Delta version recorded
 * when the report started: {@code gold.indicators} and {@code gold.indicator_vintages} for the year
 * and the year before (one read each), and the source cells from silver as {@code explain} finds
 * them, one query per indicator and breakdown for all the figures a report cites (collected on a
 * first, dry pass over the templates).
 */
final class WarehouseFigures implements Figures {

  private record Batch(String indicator, String dimension) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final WarehouseConfig config;
  private final int year;
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final Map<String, IndicatorDefinition> definitions = new LinkedHashMap<>();
  private final Map<Figure.Key, Row> gold = new HashMap<>();
  private final Set<String> yearsWithData = new HashSet<>();
  private final Map<Figure.Key, List<Figure.Vintage>> vintages = new HashMap<>();
  private final Map<Figure.Key, Figure> figures = new HashMap<>();
  private final Map<Figure.Key, FigureLineage> lineages = new HashMap<>();
  private final Map<Batch, Set<String>> wanted = new LinkedHashMap<>();
  private boolean dry;

  /** The tables read so far, at their pinned versions (see {@link #read}). */
  private final Map<TableId, Dataset<Row>> read = new HashMap<>();

  WarehouseFigures(SparkSession spark, Warehouse warehouse, WarehouseConfig config, int year) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
    this.year = year;
    config.indicators().indicators().forEach(d -> definitions.put(d.id(), d));
    List<TableId> tables = new ArrayList<>(List.of(IndicatorsTable.ID, VintagesTable.ID));
    FactTables.all().forEach(t -> tables.add(t.table()));
    for (TableId t : tables) {
      long v = StateFile.latestVersion(warehouse, t, spark.sparkContext().hadoopConfiguration());
      if (v >= 0) {
        versions.put(t.qualified(), v);
      }
    }
    if (!versions.containsKey(IndicatorsTable.ID.qualified())) {
      throw ReportErrors.noData(year);
    }
    for (Row r :
        read(IndicatorsTable.ID)
            .filter(col(IndicatorsTable.YEAR).isin(year - 1, year))
            .collectAsList()) {
      Figure.Key k = key(r);
      gold.put(k, r);
      yearsWithData.add(k.indicator() + "@" + k.year());
    }
    if (gold.keySet().stream().noneMatch(k -> k.year() == year)) {
      throw ReportErrors.noData(year);
    }
    if (versions.containsKey(VintagesTable.ID.qualified())) {
      for (Row r :
          read(VintagesTable.ID)
              .filter(col(IndicatorsTable.YEAR).equalTo(year))
              .orderBy(
                  col(IndicatorsTable.PUBLISHED).asc_nulls_first(),
                  col(VintagesTable.EDITION).asc_nulls_first(),
                  col(IndicatorsTable.PUBLICATION))
              .collectAsList()) {
        vintages
            .computeIfAbsent(key(r), k -> new ArrayList<>())
            .add(
                new Figure.Vintage(
                    r.getAs(IndicatorsTable.PUBLICATION),
                    localDate(r.getAs(IndicatorsTable.PUBLISHED)),
                    r.getAs(VintagesTable.EDITION),
                    r.getAs(IndicatorsTable.VALUE),
                    r.getAs(IndicatorsTable.STATUS),
                    Boolean.TRUE.equals(r.getAs(VintagesTable.CURRENT))));
      }
    }
  }

  /** The Delta versions read. */
  Map<String, Long> versions() {
    return Map.copyOf(versions);
  }

  /**
   * A dry pass collects what the templates cite without reading silver; the next pass reads it in
   * batches. Figures are built anew for each pass.
   */
  void startPass(boolean dry) {
    this.dry = dry;
    figures.clear();
    if (!dry) {
      for (Batch b : List.copyOf(wanted.keySet())) {
        load(b);
      }
    }
  }

  @Override
  public int year() {
    return year;
  }

  @Override
  public IndicatorDefinition definition(String indicator) {
    return definitions.get(indicator);
  }

  @Override
  public List<String> indicators() {
    return List.copyOf(definitions.keySet());
  }

  @Override
  public Figure figure(IndicatorDefinition d, String dimension, String member) {
    return figure(new Figure.Key(d.id(), dimension, member, year));
  }

  @Override
  public List<Figure> members(IndicatorDefinition d, String dimension) {
    return gold.keySet().stream()
        .filter(
            k ->
                k.indicator().equals(d.id())
                    && k.dimension().equals(dimension)
                    && k.year() == year
                    && !IndicatorsTable.NONE_MEMBER.equals(k.member()))
        .map(this::figure)
        .sorted(Comparator.comparing(Figure::getValue).reversed())
        .toList();
  }

  /** Indicators' totals by year, up to the report year, for a chart. */
  Map<String, TreeMap<Integer, BigDecimal>> series(List<String> indicators) {
    Map<String, TreeMap<Integer, BigDecimal>> out = new LinkedHashMap<>();
    indicators.forEach(i -> out.put(i, new TreeMap<>()));
    for (Row r :
        read(IndicatorsTable.ID)
            .filter(
                col(IndicatorsTable.INDICATOR)
                    .isin(indicators.toArray())
                    .and(col(IndicatorsTable.DIMENSION).equalTo("total"))
                    .and(col(IndicatorsTable.YEAR).leq(year)))
            .select(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR, IndicatorsTable.VALUE)
            .collectAsList()) {
      out.get(r.getString(0)).put(r.getInt(1), r.getDecimal(2));
    }
    return out;
  }

  private Figure figure(Figure.Key k) {
    Figure known = figures.get(k);
    if (known != null) {
      return known;
    }
    IndicatorDefinition d = definitions.get(k.indicator());
    Row now = gold.get(k);
    Row before = gold.get(new Figure.Key(k.indicator(), k.dimension(), k.member(), year - 1));
    Batch batch = new Batch(k.indicator(), k.dimension());
    wanted.computeIfAbsent(batch, b -> new HashSet<>()).add(k.member());
    Figure f =
        new Figure(
            d,
            k,
            now == null ? null : now.getAs(IndicatorsTable.MEMBER_NAME),
            yearValue(now),
            yearValue(before),
            yearsWithData.contains(k.indicator() + "@" + (year - 1)),
            now == null ? null : now.getAs(IndicatorsTable.YOY_RATIO),
            now == null ? null : now.getAs(IndicatorsTable.SHARE_PCT),
            vintages.getOrDefault(k, List.of()),
            dry ? () -> FigureLineage.NONE : () -> lineage(k));
    figures.put(k, f);
    return f;
  }

  private FigureLineage lineage(Figure.Key k) {
    if (!lineages.containsKey(k)) {
      load(new Batch(k.indicator(), k.dimension()));
    }
    return lineages.getOrDefault(k, FigureLineage.NONE);
  }

  /** The source cells of every wanted member of one indicator and breakdown, in one query. */
  private void load(Batch b) {
    Set<String> members = new HashSet<>(wanted.getOrDefault(b, Set.of()));
    members.removeIf(
        m -> lineages.containsKey(new Figure.Key(b.indicator(), b.dimension(), m, year)));
    if (members.isEmpty()) {
      return;
    }
    IndicatorDefinition d = definitions.get(b.indicator());
    FactTable target = FactTables.ALL.get(d.source());
    Map<Figure.Key, List<FigureLineage.SourceCell>> cells = new HashMap<>();
    Map<Figure.Key, Map<Integer, Long>> counts = new HashMap<>();
    Map<Figure.Key, Map<Integer, Set<String>>> units = new HashMap<>();
    if (versions.containsKey(target.table().qualified())) {
      for (Row r : query(target, d, b.dimension(), members).collectAsList()) {
        String member = r.getAs("_member");
        int y = r.<Integer>getAs(FactTable.YEAR);
        Figure.Key k = new Figure.Key(b.indicator(), b.dimension(), member, year);
        cells.computeIfAbsent(k, x -> new ArrayList<>()).add(cell(target, r));
        counts.computeIfAbsent(k, x -> new HashMap<>()).put(y, r.<Long>getAs("_n"));
        List<String> u = target.isLongFacts() ? r.getList(r.fieldIndex("_units")) : List.of();
        units.computeIfAbsent(k, x -> new HashMap<>()).put(y, Set.copyOf(u));
      }
    }
    for (String m : members) {
      Figure.Key k = new Figure.Key(b.indicator(), b.dimension(), m, year);
      lineages.put(
          k,
          new FigureLineage(
              cells.getOrDefault(k, List.of()),
              counts.getOrDefault(k, Map.of()),
              units.getOrDefault(k, Map.of())));
    }
  }

  private Dataset<Row> query(
      FactTable target, IndicatorDefinition d, String dimension, Set<String> members) {
    List<String> cols = "total".equals(dimension) ? List.of() : List.of(dimension.split("/"));
    Dataset<Row> silver = read(target.table());
    Dataset<Row> rows =
        target.isLongFacts()
            ? new LongFigures(target, List.of(d), config.layouts())
                .sources(silver, cols)
                .filter(col("counted"))
            : IndicatorBuilder.filtered(silver, d);
    rows = rows.filter(col(FactTable.YEAR).isin(year - 1, year));
    Column member =
        cols.isEmpty()
            ? lit(IndicatorsTable.TOTAL_MEMBER)
            : concat_ws(
                "/",
                cols.stream()
                    .map(
                        c ->
                            coalesce(
                                col(c).cast(DataTypes.StringType),
                                lit(IndicatorsTable.NONE_MEMBER)))
                    .toArray(Column[]::new));
    WindowSpec group = Window.partitionBy(col(FactTable.YEAR), col("_member"));
    rows =
        rows.withColumn("_member", member)
            .filter(col("_member").isin(members.toArray()))
            .withColumn(
                "_rn",
                functions
                    .row_number()
                    .over(
                        group.orderBy(
                            col(Lineage.SOURCE_PATH), col(Lineage.SHEET), col(Lineage.ROW))))
            .withColumn("_n", functions.count(lit(1)).over(group));
    if (target.isLongFacts()) {
      rows = rows.withColumn("_units", functions.collect_set(col(FactTable.UNIT)).over(group));
    }
    return rows.filter(col("_rn").leq(FigureLineage.MAX_CELLS));
  }

  private static FigureLineage.SourceCell cell(FactTable target, Row r) {
    if (target.isLongFacts()) {
      String partner = r.getAs("partner_name") == null ? null : r.getAs("partner_name");
      Object area = target.dimensions().containsKey("area") ? r.getAs("area") : null;
      String what =
          partner != null
              ? partner + " (" + r.getAs("partner_id") + ")"
              : area != null ? String.valueOf(area) : "";
      String role = r.getAs(FactTable.ROW_ROLE);
      if (!FactTable.DETAIL.equals(role)) {
        what = (what + " [" + role.replace('_', ' ') + " row]").strip();
      }
      return new FigureLineage.SourceCell(
          r.<Integer>getAs(FactTable.YEAR),
          r.getAs(Lineage.SOURCE_PATH),
          r.getAs(Lineage.SOURCE_SHA256),
          r.getAs(Lineage.SHEET),
          r.getAs(Lineage.ROW),
          r.getAs(Lineage.CELL),
          r.getAs(Lineage.RAW_TEXT),
          r.getAs(FactTable.VALUE),
          r.getAs(FactTable.UNIT),
          what,
          null,
          null,
          null);
    }
    Map<String, String> cellMap = r.getJavaMap(r.fieldIndex(Lineage.CELLS));
    String what = Lineage.describeActivity(r);
    return new FigureLineage.SourceCell(
        r.<Integer>getAs(FactTable.YEAR),
        r.getAs(Lineage.SOURCE_PATH),
        r.getAs(Lineage.SOURCE_SHA256),
        r.getAs(Lineage.SHEET),
        r.getAs(Lineage.ROW),
        String.join(
            ",",
            cellMap.values().stream()
                .sorted(Comparator.comparing(String::length).thenComparing(c -> c))
                .toList()),
        null,
        null,
        null,
        what,
        r.getAs(target.rowIdColumn().orElseThrow()),
        r.getAs("partner_id"),
        r.getAs("field"));
  }

  /**
   * A table at its pinned version, read once: a small one is held as local rows, so the query of
   * each indicator and breakdown scans rows instead of asking Delta for its files again.
   */
  private Dataset<Row> read(TableId t) {
    return read.computeIfAbsent(
        t, x -> Pinned.readHeld(spark, warehouse, x, versions.get(x.qualified())));
  }

  private static Figure.Key key(Row r) {
    return new Figure.Key(
        r.getAs(IndicatorsTable.INDICATOR),
        r.getAs(IndicatorsTable.DIMENSION),
        r.getAs(IndicatorsTable.MEMBER),
        r.<Integer>getAs(IndicatorsTable.YEAR));
  }

  private static Figure.YearValue yearValue(Row r) {
    return r == null
        ? null
        : new Figure.YearValue(
            r.getAs(IndicatorsTable.VALUE),
            r.getAs(IndicatorsTable.STATUS),
            r.getAs(IndicatorsTable.PUBLICATION),
            localDate(r.getAs(IndicatorsTable.PUBLISHED)));
  }

  private static java.time.LocalDate localDate(Object d) {
    return d instanceof Date date
        ? date.toLocalDate()
        : d instanceof java.time.LocalDate local ? local : null;
  }
}
