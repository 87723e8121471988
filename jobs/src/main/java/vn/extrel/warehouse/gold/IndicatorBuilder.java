package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.reference.CodeList;
import vn.extrel.warehouse.reference.Partner;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FieldType;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.MemberKeys;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * Computes {@code gold.indicators} from silver with Spark SQL: each indicator by year and by each
 * of its breakdowns, then the year-over-year ratio and change against the year before, and the
 * share of the year's total. Everything is an aggregate, so it runs where the data is.
 */
public final class IndicatorBuilder {

  /** The number standing for an indicator while its rows are summed. */
  private static final String TAG = "indicator_number";

  private final IndicatorCatalog catalog;
  private final Reference reference;
  private final Map<String, vn.extrel.warehouse.layout.Layout> layouts;
  private final List<String> views = new ArrayList<>();

  public IndicatorBuilder(
      IndicatorCatalog catalog,
      Reference reference,
      Map<String, vn.extrel.warehouse.layout.Layout> layouts) {
    this.catalog = catalog;
    this.reference = reference;
    this.layouts = layouts;
  }

  /** The indicators as they stand, and as they stood after each publication. */
  public record Built(Dataset<Row> indicators, Dataset<Row> vintages) {}

  public Built build(SparkSession spark, Warehouse warehouse, String runId) {
    UserDefinedFunction names = memberNames();
    Members members = new Members(spark, warehouse);
    List<Dataset<Row>> parts = new ArrayList<>();
    try {
      for (FactTable target : FactTables.all()) {
        List<IndicatorDefinition> defs =
            catalog.indicators().stream().filter(d -> d.source().equals(target.name())).toList();
        if (defs.isEmpty()) {
          continue;
        }
        Dataset<Row> silver = warehouse.read(spark, target.table());
        if (target.isLongFacts()) {
          members.record(silver, target);
          parts.add(longFacts(silver, target, defs, names));
        } else {
          parts.add(
              aggregate(silver, target, defs, names)
                  .withColumn(IndicatorsTable.PUBLICATION, lit(null).cast(DataTypes.StringType))
                  .withColumn(IndicatorsTable.PUBLISHED, lit(null).cast(DataTypes.DateType))
                  .withColumn(VintagesTable.EDITION, lit(null).cast(DataTypes.StringType))
                  .withColumn(
                      IndicatorsTable.PUBLISHED_YOY_PCT, lit(null).cast(DataTypes.DoubleType)));
        }
      }
      members.keepAdded(runId);
      if (parts.isEmpty()) {
        return new Built(
            spark.createDataFrame(List.of(), IndicatorsTable.SCHEMA),
            spark.createDataFrame(List.of(), VintagesTable.SCHEMA));
      }
      Dataset<Row> all = parts.get(0);
      for (int i = 1; i < parts.size(); i++) {
        all = all.unionByName(parts.get(i));
      }
      Column current = col(LongFigures.CUT).equalTo(LongFigures.CURRENT);
      return new Built(
          withComparisons(all.filter(current), runId),
          vintages(all.filter(functions.not(current)), runId));
    } finally {
      // The plans are analysed; the names are not needed, and a long-lived session (the
      // scheduler, the Connect server) must not collect a set per run.
      views.forEach(spark.catalog()::dropTempView);
      views.clear();
    }
  }

  /**
   * The indicators of a table of values (fdi, trade): the figures as published (see {@link
   * LongFigures}), named.
   */
  private Dataset<Row> longFacts(
      Dataset<Row> silver,
      FactTable target,
      List<IndicatorDefinition> defs,
      UserDefinedFunction names) {
    // Each indicator whose measure a report also publishes as a ratio to the year before ("so với
    // năm trước (%)") gets that ratio computed beside it, the same way, to be kept as data.
    List<IndicatorDefinition> all = new ArrayList<>(defs);
    Map<String, String> ratioOf = new LinkedHashMap<>();
    for (IndicatorDefinition d : defs) {
      String ratio = d.measure() + PUBLISHED_RATIO_SUFFIX;
      if (target.measures().containsKey(ratio)) {
        IndicatorDefinition r =
            new IndicatorDefinition(
                d.id() + PUBLISHED_RATIO_SUFFIX,
                d.name(),
                "%",
                d.source(),
                ratio,
                d.aggregate(),
                d.filter(),
                d.period(),
                d.breakdowns(),
                d.description(),
                d.vintage());
        all.add(r);
        ratioOf.put(r.id(), d.id());
      }
    }
    Dataset<Row> figures = new LongFigures(target, all, layouts).figures(silver);
    Column indicator = lit(null).cast(DataTypes.StringType);
    for (int i = 0; i < all.size(); i++) {
      indicator = when(col(LongFigures.TAG).equalTo(i), lit(all.get(i).id())).otherwise(indicator);
    }
    Dataset<Row> labelled =
        figures
            .withColumn(IndicatorsTable.INDICATOR, indicator)
            .withColumnRenamed("v", IndicatorsTable.VALUE)
            .withColumnRenamed("n", IndicatorsTable.SOURCE_ROWS)
            .withColumnRenamed("r", "status_rank");
    Column cut = col(LongFigures.CUT);
    Column pub = when(cut.equalTo(LongFigures.CURRENT), col("pub")).otherwise(cut);
    Dataset<Row> rows =
        named(labelled, all, names)
            .withColumn(LongFigures.CUT, cut)
            .withColumn(IndicatorsTable.PUBLICATION, LongFigures.pathOf(pub))
            .withColumn(IndicatorsTable.PUBLISHED, LongFigures.publishedOf(pub))
            .withColumn(VintagesTable.EDITION, LongFigures.editionOf(pub));
    Column isRatio = col(IndicatorsTable.INDICATOR).endsWith(PUBLISHED_RATIO_SUFFIX);
    Dataset<Row> values = rows.filter(functions.not(isRatio));
    if (ratioOf.isEmpty()) {
      return values.withColumn(
          IndicatorsTable.PUBLISHED_YOY_PCT, lit(null).cast(DataTypes.DoubleType));
    }
    Column main = lit(null).cast(DataTypes.StringType);
    for (Map.Entry<String, String> e : ratioOf.entrySet()) {
      main =
          when(col(IndicatorsTable.INDICATOR).equalTo(e.getKey()), lit(e.getValue()))
              .otherwise(main);
    }
    Dataset<Row> ratios =
        rows.filter(isRatio)
            .select(
                main.as("r_indicator"),
                col(LongFigures.CUT).as("r_cut"),
                col(IndicatorsTable.YEAR).as("r_year"),
                col(IndicatorsTable.DIMENSION).as("r_dimension"),
                col(IndicatorsTable.MEMBER).as("r_member"),
                col(IndicatorsTable.VALUE)
                    .cast(DataTypes.DoubleType)
                    .as(IndicatorsTable.PUBLISHED_YOY_PCT));
    return values
        .join(
            ratios,
            col(IndicatorsTable.INDICATOR)
                .equalTo(col("r_indicator"))
                .and(col(LongFigures.CUT).equalTo(col("r_cut")))
                .and(col(IndicatorsTable.YEAR).equalTo(col("r_year")))
                .and(col(IndicatorsTable.DIMENSION).equalTo(col("r_dimension")))
                .and(col(IndicatorsTable.MEMBER).equalTo(col("r_member"))),
            "left")
        .drop("r_indicator", "r_cut", "r_year", "r_dimension", "r_member");
  }

  /** The measure a report publishes as a ratio to the year before: {@code value_usd_yoy_pct}. */
  public static final String PUBLISHED_RATIO_SUFFIX = "_yoy_pct";

  /** A part's rows with their names, member, unit and status, in gold's columns. */
  private Dataset<Row> named(
      Dataset<Row> labelled, List<IndicatorDefinition> defs, UserDefinedFunction names) {
    Column member = lit(IndicatorsTable.TOTAL_MEMBER);
    Column memberName = lit("Tổng số");
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        if (b.isEmpty()) {
          continue;
        }
        List<Column> values = new ArrayList<>();
        List<Column> readable = new ArrayList<>();
        for (String c : b) {
          Column v = coalesce(col(c).cast(DataTypes.StringType), lit(IndicatorsTable.NONE_MEMBER));
          values.add(v);
          readable.add(coalesce(names.apply(functions.concat(lit(c + ":"), v)), v));
        }
        Column is = col("dimension").equalTo(IndicatorDefinition.dimensionLabel(b));
        member = when(is, concat_ws("/", values.toArray(Column[]::new))).otherwise(member);
        memberName =
            when(is, concat_ws(" / ", readable.toArray(Column[]::new))).otherwise(memberName);
      }
    }
    Column nameVi = lit(null).cast(DataTypes.StringType);
    Column nameEn = lit(null).cast(DataTypes.StringType);
    Column unit = lit(null).cast(DataTypes.StringType);
    for (IndicatorDefinition d : defs) {
      Column is = col(IndicatorsTable.INDICATOR).equalTo(d.id());
      nameVi = when(is, lit(d.nameVi())).otherwise(nameVi);
      nameEn = when(is, lit(d.nameEn())).otherwise(nameEn);
      unit = when(is, lit(d.unit())).otherwise(unit);
    }
    return labelled.select(
        col(IndicatorsTable.INDICATOR),
        nameVi.as(IndicatorsTable.NAME_VI),
        nameEn.as(IndicatorsTable.NAME_EN),
        col(FactTable.YEAR).as(IndicatorsTable.YEAR),
        col("dimension").as(IndicatorsTable.DIMENSION),
        member.as(IndicatorsTable.MEMBER),
        memberName.as(IndicatorsTable.MEMBER_NAME),
        col(IndicatorsTable.VALUE),
        unit.as(IndicatorsTable.UNIT),
        when(col("status_rank").equalTo(2), "estimated")
            .when(col("status_rank").equalTo(1), "preliminary")
            .otherwise("final")
            .as(IndicatorsTable.STATUS),
        col(IndicatorsTable.SOURCE_ROWS),
        col("pub"),
        col(LongFigures.CUT));
  }

  /** The rows of every cut but the last: the figures as each publication left them. */
  static Dataset<Row> vintages(Dataset<Row> cuts, String runId) {
    WindowSpec figure =
        Window.partitionBy(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER));
    return cuts.withColumn(
            VintagesTable.CURRENT,
            col(LongFigures.CUT).equalTo(functions.max(col(LongFigures.CUT)).over(figure)))
        .select(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.NAME_VI),
            col(IndicatorsTable.NAME_EN),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER),
            col(IndicatorsTable.MEMBER_NAME),
            col(IndicatorsTable.VALUE),
            col(IndicatorsTable.UNIT),
            col(IndicatorsTable.STATUS),
            col(IndicatorsTable.PUBLISHED_YOY_PCT),
            col(IndicatorsTable.PUBLICATION),
            col(IndicatorsTable.PUBLISHED),
            col(VintagesTable.EDITION),
            col(VintagesTable.CURRENT),
            col(IndicatorsTable.SOURCE_ROWS),
            lit(runId).as(IndicatorsTable.RUN_ID))
        .coalesce(1);
  }

  /** Filters an indicator's silver rows: its measure, its period, its declared filters. */
  public static Dataset<Row> filtered(Dataset<Row> df, IndicatorDefinition def) {
    Dataset<Row> out = df.filter(col(FactTable.PERIOD).equalTo(def.period()));
    if (def.measure() != null && FactTables.ALL.get(def.source()).isLongFacts()) {
      out = out.filter(col(FactTable.MEASURE).equalTo(def.measure()));
    }
    FactTable target = FactTables.ALL.get(def.source());
    for (Map.Entry<String, List<String>> f : def.filter().entrySet()) {
      if (target.keyed().contains(f.getKey())) {
        // The same rows, compared as numbers.
        out =
            out.filter(
                col(FactTable.keyOf(f.getKey()))
                    .isin(f.getValue().stream().map(MemberKeys::of).toArray()));
      } else {
        out = out.filter(col(f.getKey()).isin(f.getValue().toArray()));
      }
    }
    return out;
  }

  /**
   * The indicators of a table of rows (activity), counted once each, in a single pass: the rows of
   * each indicator are tagged with its id, and one GROUPING SETS aggregation produces every
   * (indicator, breakdown) at once.
   */
  private Dataset<Row> aggregate(
      Dataset<Row> silver,
      FactTable target,
      List<IndicatorDefinition> defs,
      UserDefinedFunction names) {
    List<String> dims = new ArrayList<>();
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        b.stream().filter(c -> !dims.contains(c)).forEach(dims::add);
      }
    }
    List<Column> keep = new ArrayList<>();
    keep.add(col(FactTable.YEAR));
    keep.add(col(FactTable.STATUS));
    keep.add(col(target.rowIdColumn().orElseThrow()).as("v"));
    dims.forEach(c -> keep.add(col(c)));
    Dataset<Row> tagged = null;
    for (IndicatorDefinition d : defs) {
      List<Column> cols = new ArrayList<>(keep);
      cols.add(0, lit(d.id()).as(IndicatorsTable.INDICATOR));
      Dataset<Row> part = filtered(silver, d).select(cols.toArray(Column[]::new));
      tagged = tagged == null ? part : tagged.unionByName(part);
    }
    String view =
        "extrel_gold_" + target.name() + "_" + Integer.toHexString(System.identityHashCode(tagged));
    tagged.createOrReplaceTempView(view);
    views.add(view);

    // gid: bit (n-1-i) is set when dims[i] is not in the row's grouping set.
    List<String> sets = new ArrayList<>();
    StringBuilder label = new StringBuilder("CASE");
    StringBuilder wanted = new StringBuilder();
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        int gid = 0;
        for (int i = 0; i < dims.size(); i++) {
          if (!b.contains(dims.get(i))) {
            gid |= 1 << (dims.size() - 1 - i);
          }
        }
        String set =
            "("
                + String.join(", ", concat(List.of(IndicatorsTable.INDICATOR, FactTable.YEAR), b))
                + ")";
        if (!sets.contains(set)) {
          sets.add(set);
        }
        String cond = "indicator = '" + d.id() + "' AND gid = " + gid;
        label
            .append(" WHEN ")
            .append(cond)
            .append(" THEN '")
            .append(IndicatorDefinition.dimensionLabel(b))
            .append("'");
        wanted.append(wanted.length() == 0 ? "" : " OR ").append("(").append(cond).append(")");
      }
    }
    label.append(" END");
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      bits.add("shiftleft(grouping(" + dims.get(i) + "), " + (dims.size() - 1 - i) + ")");
    }
    String gidExpr = dims.isEmpty() ? "0" : String.join(" + ", bits);
    String dimSelect = dims.isEmpty() ? "" : String.join(", ", dims) + ", ";
    String rank = "CASE status WHEN 'estimated' THEN 2 WHEN 'preliminary' THEN 1 ELSE 0 END";
    // Distinct counts do not roll up: the grouping sets run over the rows themselves.
    Dataset<Row> grouped =
        silver
            .sparkSession()
            .sql(
                "SELECT indicator, year, "
                    + dimSelect
                    + gidExpr
                    + " AS gid, CAST(count(DISTINCT v) AS DECIMAL(38,6)) AS value, count(1) AS"
                    + " source_rows, max("
                    + rank
                    + ") AS status_rank FROM "
                    + view
                    + " GROUP BY GROUPING SETS ("
                    + String.join(", ", sets)
                    + ")");
    Dataset<Row> labelled =
        grouped
            .withColumn("dimension", expr(label.toString()))
            .filter(expr(wanted.toString()))
            .withColumn("pub", lit(null).cast(DataTypes.StringType))
            .withColumn(LongFigures.CUT, lit(LongFigures.CURRENT));
    return named(labelled, defs, names);
  }

  /**
   * The members of {@code silver.member_keys}, read once per build, and those this build looked up
   * in silver, kept in one commit at its end.
   */
  private static final class Members {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private Map<Long, String> known;
    private final List<Row> added = new ArrayList<>();

    Members(SparkSession spark, Warehouse warehouse) {
      this.spark = spark;
      this.warehouse = warehouse;
    }

    private Map<Long, String> known() {
      if (known == null) {
        known = new java.util.HashMap<>();
        if (warehouse.exists(spark, MemberKeys.ID)) {
          for (Row r : warehouse.read(spark, MemberKeys.ID).collectAsList()) {
            known.put(r.getLong(0), r.getString(1));
          }
        }
      }
      return known;
    }

    /**
     * Keeps the members of the table's keyed columns that {@code silver.member_keys} does not know
     * yet: one small query (the distinct members), and a look-up of the new keys' texts.
     */
    void record(Dataset<Row> silver, FactTable target) {
      if (target.keyed().isEmpty()) {
        return;
      }
      Dataset<Row> keys = null;
      for (String c : target.keyed()) {
        Dataset<Row> one =
            silver.select(lit(c).as("c"), col(FactTable.keyOf(c)).as(MemberKeys.KEY)).distinct();
        keys = keys == null ? one : keys.union(one);
      }
      Map<String, java.util.Set<Long>> missing = new LinkedHashMap<>();
      for (Row r : keys.filter(col(MemberKeys.KEY).isNotNull()).collectAsList()) {
        if (!known().containsKey(r.getLong(1))) {
          missing.computeIfAbsent(r.getString(0), x -> new java.util.TreeSet<>()).add(r.getLong(1));
        }
      }
      if (!missing.isEmpty()) {
        lookUp(silver, target, missing);
      }
    }

    /** The members of these keys, from silver, in one query. */
    private void lookUp(
        Dataset<Row> silver, FactTable target, Map<String, java.util.Set<Long>> keys) {
      Dataset<Row> found = null;
      for (Map.Entry<String, java.util.Set<Long>> e : keys.entrySet()) {
        Dataset<Row> one =
            silver
                .filter(col(FactTable.keyOf(e.getKey())).isin(e.getValue().toArray()))
                .select(
                    col(FactTable.keyOf(e.getKey())).as(MemberKeys.KEY),
                    col(e.getKey()).as(MemberKeys.MEMBER));
        found = found == null ? one : found.union(one);
      }
      for (Row r : found.distinct().collectAsList()) {
        String before = known().putIfAbsent(r.getLong(0), r.getString(1));
        if (before == null) {
          added.add(r);
        } else if (!before.equals(r.getString(1))) {
          throw new IllegalStateException(
              "member key "
                  + r.getLong(0)
                  + " is the key of both '"
                  + before
                  + "' and '"
                  + r.getString(1)
                  + "' in "
                  + target.table().qualified()
                  + ": two members with one 64-bit hash, which should never happen; report it"
                  + " with the two texts");
        }
      }
    }

    /** Appends the members looked up in silver to {@code silver.member_keys}: one commit. */
    void keepAdded(String runId) {
      if (!added.isEmpty()) {
        DeltaWrites.append(
            spark.createDataFrame(added, MemberKeys.SCHEMA).coalesce(1),
            warehouse.path(MemberKeys.ID),
            DeltaWrites.commitInfo(runId, "member keys", List.of()));
        added.clear();
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Adds the year-before value, the change, the ratio and the share of the year's total. */
  static Dataset<Row> withComparisons(Dataset<Row> current, String runId) {
    WindowSpec series =
        Window.partitionBy(
                col(IndicatorsTable.INDICATOR),
                col(IndicatorsTable.DIMENSION),
                col(IndicatorsTable.MEMBER))
            .orderBy(col(IndicatorsTable.YEAR));
    WindowSpec year = Window.partitionBy(col(IndicatorsTable.INDICATOR), col(IndicatorsTable.YEAR));
    Column value = col(IndicatorsTable.VALUE);
    // Only the year just before counts as the base: a gap year has no base, not an older one.
    Column prevValue =
        when(
            lag(col(IndicatorsTable.YEAR), 1)
                .over(series)
                .equalTo(col(IndicatorsTable.YEAR).minus(1)),
            lag(value, 1).over(series));
    Column total = max(when(col(IndicatorsTable.DIMENSION).equalTo("total"), value)).over(year);
    Dataset<Row> withPrev = current.withColumn("p_value", prevValue).withColumn("t_value", total);
    Column prev = col("p_value");
    Column hasBase = prev.isNotNull().and(prev.notEqual(lit(0)));
    Column ratio =
        when(hasBase, value.cast(DataTypes.DoubleType).divide(prev.cast(DataTypes.DoubleType)));
    Column share =
        when(
            col(IndicatorsTable.DIMENSION)
                .notEqual("total")
                .and(col("t_value").isNotNull())
                .and(col("t_value").notEqual(lit(0))),
            value
                .cast(DataTypes.DoubleType)
                .divide(col("t_value").cast(DataTypes.DoubleType))
                .multiply(100));
    return withPrev
        .select(
            col(IndicatorsTable.INDICATOR),
            col(IndicatorsTable.NAME_VI),
            col(IndicatorsTable.NAME_EN),
            col(IndicatorsTable.YEAR),
            col(IndicatorsTable.DIMENSION),
            col(IndicatorsTable.MEMBER),
            col(IndicatorsTable.MEMBER_NAME),
            value.as(IndicatorsTable.VALUE),
            col(IndicatorsTable.UNIT),
            prev.cast(FactTable.AMOUNT).as(IndicatorsTable.PREV_VALUE),
            value.minus(prev).cast(FactTable.AMOUNT).as(IndicatorsTable.YOY_CHANGE),
            ratio.as(IndicatorsTable.YOY_RATIO),
            ratio.minus(1).multiply(100).as(IndicatorsTable.YOY_CHANGE_PCT),
            share.as(IndicatorsTable.SHARE_PCT),
            col(IndicatorsTable.PUBLISHED_YOY_PCT),
            col(IndicatorsTable.STATUS),
            col(IndicatorsTable.SOURCE_ROWS),
            col(IndicatorsTable.PUBLICATION),
            col(IndicatorsTable.PUBLISHED),
            lit(runId).as(IndicatorsTable.RUN_ID))
        .coalesce(1);
  }

  /** A lookup from "column:member" to a readable Vietnamese name (partners, codes). */
  private UserDefinedFunction memberNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (FactTable t : FactTables.all()) {
      for (Dimension d : t.dimensions().values()) {
        if (d.type() == FieldType.PARTNER) {
          for (Partner p : reference.partners().all()) {
            String name = p.nameVi() != null ? p.nameVi() : p.nameEn();
            if (name != null) {
              names.put(d.name() + "_id:" + p.id(), name);
              if (p.isCountry()) {
                names.put(d.name() + "_country:" + p.id(), name);
              }
            }
          }
        } else if (d.type() == FieldType.CODE) {
          reference
              .codeList(d.codeList())
              .ifPresent(
                  list -> {
                    for (CodeList.Code c : list.codes().values()) {
                      names.put(d.name() + ":" + c.code(), c.vi() != null ? c.vi() : c.code());
                    }
                  });
        }
      }
    }
    // A function over a captured map, not a literal tree of 2 × n expressions for the optimizer to
    // walk.
    UDF1<String, String> lookup = names::get;
    return functions.udf(lookup, DataTypes.StringType);
  }
}
