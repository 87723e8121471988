package vn.extrel.warehouse.export;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.min;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.gold.IndicatorBuilder;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.gold.LongFigures;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FileLoadsTable;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.TableId;

/**
 * The source cells behind figures of {@code gold.indicators}, as {@code explain} finds them: the
 * silver rows an indicator sums or counts for a year (for a table of values, the facts gold's total
 * takes: one publication's value per key, one source per total), each with its file, sheet, A1
 * reference and text as written, and the file versions they came from with the date of each file
 * and of its load. Silver and {@code ops.file_loads} are read at the versions the export records.
 */
final class IndicatorLineage {

  /** One figure's indicator and year. */
  record Figure(String indicator, int year) {}

  /** A received file version. */
  record SourceFile(
      String path,
      String sha256,
      String description,
      LocalDateTime modifiedAt,
      java.time.LocalDate published,
      LocalDateTime loadedAt,
      Integer revision) {

    /** The report's publication date where it says one, else the file's own date. */
    java.time.LocalDate shownDate() {
      return published != null ? published : modifiedAt == null ? null : modifiedAt.toLocalDate();
    }
  }

  /** The cells of one file behind one figure. */
  record FigureSource(Figure figure, SourceFile file, String sheets, long cells) {}

  /** One source cell (for a counted row, the cells of the row). */
  record Cell(
      Figure figure,
      String path,
      String sha256,
      String layout,
      String sheet,
      String cell,
      String rawText,
      BigDecimal value,
      String unit,
      String rule,
      String what) {}

  /**
   * @param indicators the indicators of the figures
   * @param cells at most the limit asked for, in indicator, year, file, sheet and row order
   * @param cellCount all of them
   * @param read the tables read, at their versions
   */
  record Result(
      Set<String> indicators,
      List<FigureSource> sources,
      List<Cell> cells,
      long cellCount,
      Map<String, Long> read) {}

  private static final String INDICATOR = IndicatorsTable.INDICATOR;
  private static final String WHAT = "what";
  private static final Set<String> NOT_MEMBERS =
      Set.of(FactTable.YEAR, FactTable.PERIOD, FactTable.STATUS, FactTable.DATASET);

  /** The tables the lineage of the given indicators reads. */
  static List<TableId> tables(List<IndicatorDefinition> indicators) {
    List<TableId> out = new ArrayList<>();
    for (FactTable t : FactTables.all()) {
      if (indicators.stream().anyMatch(d -> d.source().equals(t.name()))) {
        out.add(t.table());
      }
    }
    out.add(FileLoadsTable.ID);
    return out;
  }

  static Result of(
      SparkSession spark,
      Warehouse w,
      List<IndicatorDefinition> indicators,
      Map<String, Layout> layouts,
      Dataset<Row> figures,
      Map<String, Long> versions,
      int maxCells) {
    Map<String, TreeSet<Integer>> years = new LinkedHashMap<>();
    for (Row r : figures.select(INDICATOR, IndicatorsTable.YEAR).distinct().collectAsList()) {
      years.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getInt(1));
    }
    Map<TableId, Dataset<Row>> tables = new LinkedHashMap<>();
    Dataset<Row> all = null;
    for (IndicatorDefinition d : indicators) {
      FactTable target = FactTables.ALL.get(d.source());
      Long version = versions.get(target.table().qualified());
      if (!years.containsKey(d.id()) || version == null) {
        continue;
      }
      Dataset<Row> silver =
          tables.computeIfAbsent(target.table(), t -> Pinned.readHeld(spark, w, t, version));
      // The facts the figure counts: for a table of values, one publication's value per key and
      // one source per total (gold's rules), not every vintage and breakdown in silver.
      Dataset<Row> facts =
          target.isLongFacts()
              ? new LongFigures(target, List.of(d), layouts)
                  .sources(silver, List.of())
                  .filter(col("counted"))
              : IndicatorBuilder.filtered(silver, d);
      Dataset<Row> part =
          facts
              .filter(col(FactTable.YEAR).isin(years.get(d.id()).toArray()))
              .select(projection(target, d));
      all = all == null ? part : all.unionByName(part);
    }
    Map<String, Long> read = new LinkedHashMap<>();
    tables.keySet().forEach(t -> read.put(t.qualified(), versions.get(t.qualified())));
    if (all == null) {
      return new Result(years.keySet(), List.of(), List.of(), 0, read);
    }
    if (tables.values().stream().allMatch(Dataset::isLocal)) {
      // Silver held as local rows (small), so few facts: computed once (one branch per indicator,
      // each with gold's
      // rules), then read by the dates, the cells and the sources below.
      all = all.localCheckpoint();
    }
    Map<String, String> described = new LinkedHashMap<>();
    layouts.forEach((id, l) -> described.put(id, l.description() == null ? id : l.description()));
    Map<String, SourceFile> files = files(spark, w, versions, described, published(all));
    if (versions.containsKey(FileLoadsTable.ID.qualified())) {
      read.put(FileLoadsTable.ID.qualified(), versions.get(FileLoadsTable.ID.qualified()));
    }
    // One pass over silver when the cells fit in the sheet (the usual case): the sources are
    // counted from them; past the limit, counted by Spark.
    List<Cell> cells = cells(all, maxCells + 1);
    boolean cut = cells.size() > maxCells;
    if (cut) {
      cells = cells.subList(0, maxCells);
    }
    return new Result(
        years.keySet(),
        cut ? sources(all, files) : sources(cells, files),
        cells,
        cut ? all.count() : cells.size(),
        read);
  }

  private static Column[] projection(FactTable target, IndicatorDefinition d) {
    Column cell;
    Column raw;
    Column value;
    Column rule;
    Column what;
    if (target.isLongFacts()) {
      cell = col(Lineage.CELL);
      raw = col(Lineage.RAW_TEXT);
      value = col(FactTable.VALUE);
      rule = col(Lineage.RULE);
      List<Column> parts = new ArrayList<>();
      for (Dimension dim : target.dimensions().values()) {
        // The year, period and status are columns of their own; the members say what the cell is.
        if (!dim.stored() || NOT_MEMBERS.contains(dim.name())) {
          continue;
        }
        parts.add(
            FactTable.columnsOf(dim).size() > 1
                ? concat(col(dim.name() + "_name"), lit(" ("), col(dim.name() + "_id"), lit(")"))
                : col(dim.name()).cast(DataTypes.StringType));
      }
      what = concat_ws(" · ", parts.toArray(Column[]::new));
    } else {
      // A counted row: its cells, and what it was (the activity's date, type, partner and title).
      cell = array_join(map_values(col(Lineage.CELLS)), ",");
      raw = lit(null).cast(DataTypes.StringType);
      value = lit(BigDecimal.ONE).cast(FactTable.AMOUNT);
      rule = lit(null).cast(DataTypes.StringType);
      what =
          concat_ws(
              " · ",
              col("date").cast(DataTypes.StringType),
              col("activity_type"),
              concat(col("partner_name"), lit(" ("), col("partner_country"), lit(")")),
              col("title"));
    }
    Column published =
        target.isLongFacts() ? col(FactTable.PUBLISHED) : lit(null).cast(DataTypes.DateType);
    return new Column[] {
      lit(d.id()).as(INDICATOR),
      published.as(FactTable.PUBLISHED),
      col(FactTable.YEAR),
      col(Lineage.SOURCE_PATH),
      col(Lineage.SOURCE_SHA256),
      col(Lineage.LAYOUT),
      col(Lineage.SHEET),
      col(Lineage.ROW),
      cell.as(Lineage.CELL),
      raw.as(Lineage.RAW_TEXT),
      value.cast(FactTable.AMOUNT).as(FactTable.VALUE),
      lit(d.unit()).as(FactTable.UNIT),
      rule.as(Lineage.RULE),
      what.as(WHAT)
    };
  }

  private static List<Cell> cells(Dataset<Row> all, int maxCells) {
    List<Cell> out = new ArrayList<>();
    Dataset<Row> ordered =
        all.orderBy(
                col(INDICATOR),
                col(FactTable.YEAR),
                col(Lineage.SOURCE_PATH),
                col(Lineage.SHEET),
                col(Lineage.ROW),
                col(Lineage.CELL))
            .limit(maxCells);
    for (Iterator<Row> it = ordered.toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      out.add(
          new Cell(
              new Figure(r.getAs(INDICATOR), r.<Integer>getAs(FactTable.YEAR)),
              r.getAs(Lineage.SOURCE_PATH),
              r.getAs(Lineage.SOURCE_SHA256),
              r.getAs(Lineage.LAYOUT),
              r.getAs(Lineage.SHEET),
              r.getAs(Lineage.CELL),
              r.getAs(Lineage.RAW_TEXT),
              r.getAs(FactTable.VALUE),
              r.getAs(FactTable.UNIT),
              r.getAs(Lineage.RULE),
              r.getAs(WHAT)));
    }
    return out;
  }

  /** The publication date each file version's facts carry (from the layout's publication:). */
  private static Map<String, java.time.LocalDate> published(Dataset<Row> all) {
    Map<String, java.time.LocalDate> out = new LinkedHashMap<>();
    for (Row r :
        all.filter(col(FactTable.PUBLISHED).isNotNull())
            .select(col(Lineage.SOURCE_PATH), col(Lineage.SOURCE_SHA256), col(FactTable.PUBLISHED))
            .distinct()
            .collectAsList()) {
      out.put(r.getString(0) + "\n" + r.getString(1), r.getDate(2).toLocalDate());
    }
    return out;
  }

  /** The file versions received, by path and SHA-256, with the file's date and its first load. */
  private static Map<String, SourceFile> files(
      SparkSession spark,
      Warehouse w,
      Map<String, Long> versions,
      Map<String, String> described,
      Map<String, java.time.LocalDate> published) {
    Map<String, SourceFile> out = new LinkedHashMap<>();
    Long version = versions.get(FileLoadsTable.ID.qualified());
    if (version == null) {
      return out;
    }
    for (Row r :
        Pinned.read(spark, w, FileLoadsTable.ID, version)
            .filter(col(FileLoadsTable.STATUS).equalTo(FileStatus.LOADED.wire()))
            .groupBy(
                col(FileLoadsTable.SOURCE_PATH),
                col(FileLoadsTable.SHA256),
                col(FileLoadsTable.LAYOUT))
            .agg(
                min(FileLoadsTable.MODIFIED_AT),
                min(FileLoadsTable.LOADED_AT),
                min(FileLoadsTable.REVISION))
            .collectAsList()) {
      String layout = r.getString(2);
      String key = r.getString(0) + "\n" + r.getString(1);
      out.put(
          key,
          new SourceFile(
              r.getString(0),
              r.getString(1),
              described.getOrDefault(layout, layout),
              utc(r.getTimestamp(3)),
              published.get(key),
              utc(r.getTimestamp(4)),
              r.isNullAt(5) ? null : r.getInt(5)));
    }
    return out;
  }

  private static SourceFile file(
      Map<String, SourceFile> files, String path, String sha256, String layout) {
    SourceFile f = files.get(path + "\n" + sha256);
    return f != null ? f : new SourceFile(path, sha256, layout, null, null, null, null);
  }

  /** The cells of each file behind each figure, counted from the cells. */
  private static List<FigureSource> sources(List<Cell> cells, Map<String, SourceFile> files) {
    Map<List<Object>, TreeSet<String>> sheets = new TreeMap<>(IndicatorLineage::compareKeys);
    Map<List<Object>, Long> counts = new LinkedHashMap<>();
    for (Cell c : cells) {
      List<Object> key =
          List.of(c.figure().indicator(), c.figure().year(), c.path(), c.sha256(), c.layout());
      TreeSet<String> names = sheets.computeIfAbsent(key, k -> new TreeSet<>());
      if (c.sheet() != null) {
        names.add(c.sheet()); // a CSV has none
      }
      counts.merge(key, 1L, Long::sum);
    }
    List<FigureSource> out = new ArrayList<>();
    sheets.forEach(
        (k, s) ->
            out.add(
                new FigureSource(
                    new Figure((String) k.get(0), (Integer) k.get(1)),
                    file(files, (String) k.get(2), (String) k.get(3), (String) k.get(4)),
                    String.join(", ", s),
                    counts.get(k))));
    return out;
  }

  /** The same, counted by Spark over all the cells. */
  private static List<FigureSource> sources(Dataset<Row> all, Map<String, SourceFile> files) {
    List<FigureSource> out = new ArrayList<>();
    for (Row r :
        all.groupBy(
                col(INDICATOR),
                col(FactTable.YEAR),
                col(Lineage.SOURCE_PATH),
                col(Lineage.SOURCE_SHA256),
                col(Lineage.LAYOUT))
            .agg(array_join(array_sort(collect_set(col(Lineage.SHEET))), ", "), count(lit(1)))
            .orderBy(col(INDICATOR), col(FactTable.YEAR), col(Lineage.SOURCE_PATH))
            .collectAsList()) {
      out.add(
          new FigureSource(
              new Figure(r.getString(0), r.getInt(1)),
              file(files, r.getString(2), r.getString(3), r.getString(4)),
              r.getString(5),
              r.getLong(6)));
    }
    return out;
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
      if (i == 1) {
        c = Integer.compare((Integer) a.get(i), (Integer) b.get(i));
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static LocalDateTime utc(Timestamp t) {
    return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
  }
}
