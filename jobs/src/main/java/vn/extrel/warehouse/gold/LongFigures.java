package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;

/**
 * The figures of the indicators over a table of values (silver.fdi, silver.trade), as published.
 *
 * <p>Three rules make a figure right where reports repeat, restate and break down:
 *
 * <ol>
 *   <li><b>One value per value key.</b> A value key is what a value is of: dataset, measure, year,
 *       period, its row's role and breakdown, and its members. Where several reports give the same
 *       key, the latest publication's value is the figure (or the earliest, or the final one, as
 *       the indicator's {@code vintage} says). Files of records (transactions, where a key repeats
 *       within a file) are summed instead: they are parts, not editions.
 *   <li><b>One source per total.</b> The facts of a year fall into groups by the members their
 *       table does not break down by (An Giang in a provincial report by partner). Each group's
 *       total comes from one candidate: a total row typed in the report, else the figures of the
 *       whole, else one breakdown's rows (the first table), else a total row the file computes with
 *       a formula. The freshest candidate wins. Several breakdowns of one total are never summed.
 *   <li><b>Breakdowns from their own table.</b> A breakdown by partner sums the rows of a table by
 *       partner; where a group has none, its total stands under its own member.
 * </ol>
 *
 * <p>Each figure is computed at every publication that touches its year (a cut): the figure as it
 * stood right after that publication. The last cut is {@code gold.indicators}; the others are the
 * revision triangle of {@code gold.indicator_vintages}.
 */
public final class LongFigures {

  /** The cut after every publication: what gold.indicators shows. */
  static final String CURRENT = "\uffff";

  static final String TAG = "indicator_number";
  static final String CUT = "cut";

  private final FactTable target;
  private final List<IndicatorDefinition> defs;
  private final Map<String, Layout> layouts;

  /** The target's member columns (area, partner_id, partner_country, ...) and their fields. */
  private final Map<String, String> members = new LinkedHashMap<>();

  public LongFigures(
      FactTable target, List<IndicatorDefinition> defs, Map<String, Layout> layouts) {
    this.target = target;
    this.defs = defs;
    this.layouts = layouts;
    for (Dimension d : target.dimensions().values()) {
      if (!d.isMember()) {
        continue;
      }
      for (org.apache.spark.sql.types.StructField f : FactTable.columnsOf(d)) {
        if (!f.name().endsWith("_name")) {
          members.put(f.name(), d.name());
        }
      }
    }
  }

  /**
   * Figures: one row per indicator number, cut, year, dimension and member, with its value ({@code
   * v}), silver rows ({@code n}), weakest status ({@code r}) and latest publication ({@code pub}).
   * The dimension's columns come as they are; {@code dimension} names the breakdown.
   */
  Dataset<Row> figures(Dataset<Row> silver) {
    Dataset<Row> values = values(silver);
    // Computed once and cut from its plan: each breakdown below scans it, and a plan that repeats
    // the whole derivation per breakdown costs seconds of analysis and task set-up per branch.
    Dataset<Row> chosen = chosen(values).localCheckpoint();
    Dataset<Row> out = null;
    for (List<String> b : breakdowns()) {
      Dataset<Row> part = dimension(chosen, b);
      out = out == null ? part : out.unionByName(part, true);
    }
    return out;
  }

  /**
   * The silver facts behind the current figures of one breakdown (the first indicator's), with
   * {@code counted} telling the facts the figure sums from the ones it leaves out (an older
   * publication's value of the same key, another breakdown of the same total).
   */
  public Dataset<Row> sources(Dataset<Row> silver, List<String> breakdown) {
    Dataset<Row> chosen =
        chosen(values(silver).filter(col(CUT).equalTo(CURRENT)).filter(col(TAG).equalTo(0)));
    Dataset<Row> flags =
        chosen
            .withColumn("counted", counts(breakdown))
            .select(keyColumns(true).toArray(Column[]::new));
    Dataset<Row> facts =
        IndicatorBuilder.filtered(silver, defs.get(0)).withColumn("pub", PublicationName.of());
    Column on = lit(true);
    for (String c : keyNames()) {
      Column left =
          "role".equals(c)
              ? facts.col(FactTable.ROW_ROLE)
              : "breakdown".equals(c) ? facts.col(FactTable.BREAKDOWN) : facts.col(c);
      on = on.and(left.eqNullSafe(flags.col("k_" + c)));
    }
    return facts
        .join(flags, on, "left")
        .withColumn("counted", coalesce(col("counted"), lit(false)))
        .drop(flags.columns());
  }

  private List<String> keyNames() {
    List<String> out = new ArrayList<>(List.of("pub", FactTable.DATASET, FactTable.YEAR, "role"));
    out.add("breakdown");
    out.addAll(members.keySet());
    return out;
  }

  private List<Column> keyColumns(boolean withCounted) {
    List<Column> out = new ArrayList<>();
    for (String c : keyNames()) {
      out.add(col(c).as("k_" + c));
    }
    if (withCounted) {
      out.add(col("counted"));
    }
    return out;
  }

  /** Every breakdown some indicator asks for, total first. */
  private List<List<String>> breakdowns() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        if (!out.contains(b)) {
          out.add(b);
        }
      }
    }
    return out;
  }

  private List<Column> memberColumns() {
    return members.keySet().stream().map(functions::col).toList();
  }

  /**
   * The indicators' silver facts, tagged and summed per publication and value key, each with its
   * cuts: a fact of year Y counts at every cut of a publication of Y from its own on.
   */
  private Dataset<Row> values(Dataset<Row> silver) {
    return withCuts(byKey(tagged(silver)).withColumn("records", records()));
  }

  /** Each indicator's silver facts, tagged with its number, in the columns a value key needs. */
  private Dataset<Row> tagged(Dataset<Row> silver) {
    String rank = "CASE status WHEN 'estimated' THEN 2 WHEN 'preliminary' THEN 1 ELSE 0 END";
    Dataset<Row> tagged = null;
    for (int i = 0; i < defs.size(); i++) {
      List<Column> cols = new ArrayList<>();
      cols.add(lit(i).as(TAG));
      cols.add(PublicationName.of().as("pub"));
      cols.add(col(Lineage.LAYOUT));
      cols.add(col(FactTable.DATASET));
      cols.add(col(FactTable.YEAR));
      cols.add(col(FactTable.ROW_ROLE).as("role"));
      cols.add(col(FactTable.BREAKDOWN).as("breakdown"));
      cols.addAll(memberColumns());
      cols.add(col(FactTable.VALUE).as("v"));
      cols.add(expr(rank).as("r"));
      cols.add(col(Lineage.ROW).as("first_row"));
      Dataset<Row> part =
          IndicatorBuilder.filtered(silver, defs.get(i)).select(cols.toArray(Column[]::new));
      tagged = tagged == null ? part : tagged.union(part);
    }
    return tagged;
  }

  /** The tagged facts summed per publication and value key. */
  private Dataset<Row> byKey(Dataset<Row> tagged) {
    List<Column> key = new ArrayList<>();
    for (String c :
        List.of(TAG, "pub", Lineage.LAYOUT, FactTable.DATASET, FactTable.YEAR, "role")) {
      key.add(col(c));
    }
    key.add(col("breakdown"));
    key.addAll(memberColumns());
    return tagged
        .groupBy(key.toArray(Column[]::new))
        .agg(
            functions.sum("v").as("v"),
            functions.count(lit(1)).as("n"),
            functions.max("r").as("r"),
            functions.min("first_row").as("first_row"));
  }

  /** Whether a value's publication is a file of records, as its layout says or its keys show. */
  private Column records() {
    // A file of records (a key repeating within it) is summed with the others, not replaced.
    WindowSpec inPub = Window.partitionBy(col(TAG), col("pub"));
    Column declared = lit("auto");
    for (Layout l : layouts.values()) {
      declared =
          when(col(Lineage.LAYOUT).equalTo(l.id()), lit(l.publication().kind()))
              .otherwise(declared);
    }
    return declared
        .equalTo("records")
        .or(
            declared
                .equalTo("auto")
                .and(
                    functions
                        .sum("n")
                        .over(inPub)
                        .multiply(2)
                        .gt(functions.count(lit(1)).over(inPub).multiply(3))));
  }

  /** Each value at every cut it counts in: its own publication's and the later ones of its year. */
  private static Dataset<Row> withCuts(Dataset<Row> withKind) {
    Dataset<Row> cuts =
        withKind
            .filter(functions.not(col("records")))
            .select(col(TAG), col(FactTable.YEAR), col("pub").as(CUT))
            .union(withKind.select(col(TAG), col(FactTable.YEAR), lit(CURRENT).as(CUT)))
            .distinct()
            .withColumnRenamed(TAG, "c_tag")
            .withColumnRenamed(FactTable.YEAR, "c_year");
    return withKind
        .join(
            cuts,
            col(TAG)
                .equalTo(col("c_tag"))
                .and(col(FactTable.YEAR).equalTo(col("c_year")))
                .and(col("pub").leq(col(CUT))))
        .drop("c_tag", "c_year");
  }

  /** The values each cut keeps (one publication per key), with their group and candidate. */
  private Dataset<Row> chosen(Dataset<Row> values) {
    List<Column> key = new ArrayList<>();
    for (String c : List.of(TAG, CUT, FactTable.DATASET, FactTable.YEAR)) {
      key.add(col(c));
    }
    key.add(col("role").equalTo(FactTable.DETAIL));
    key.add(col("breakdown"));
    key.addAll(memberColumns());
    WindowSpec sameKey = Window.partitionBy(key.toArray(Column[]::new));
    Column order = policyOrder();
    Column winner = functions.max(when(functions.not(col("records")), order)).over(sameKey);
    Dataset<Row> kept =
        values
            .withColumn("order", order)
            .withColumn("winner", winner)
            .filter(col("records").or(col("order").equalTo(col("winner"))))
            .drop("order", "winner");

    // The group: the members the fact's table does not break down by.
    List<Column> group = new ArrayList<>();
    for (String c : List.of(TAG, CUT, FactTable.DATASET, FactTable.YEAR)) {
      group.add(col(c));
    }
    for (Map.Entry<String, String> m : members.entrySet()) {
      kept = kept.withColumn("by_" + m.getKey(), contains(col("breakdown"), m.getValue()));
      group.add(when(functions.not(col("by_" + m.getKey())), col(m.getKey())));
    }
    Column pref =
        when(col("role").equalTo(FactTable.TOTAL), 0)
            .when(col("role").equalTo(FactTable.DETAIL).and(col("breakdown").isNull()), 1)
            .when(col("role").equalTo(FactTable.DETAIL), 2)
            .otherwise(3);
    List<Column> candidate = new ArrayList<>(group);
    candidate.add(col("role"));
    candidate.add(col("breakdown"));
    WindowSpec inCandidate = Window.partitionBy(candidate.toArray(Column[]::new));
    WindowSpec inGroup = Window.partitionBy(group.toArray(Column[]::new));
    Dataset<Row> ranked =
        kept.withColumn("fresh", functions.max("pub").over(inCandidate))
            .withColumn("first", functions.min("first_row").over(inCandidate))
            .withColumn("pref", pref);
    Column me =
        functions.struct(
            col("fresh"),
            lit(0).minus(col("pref")),
            lit(0).minus(col("first")),
            coalesce(col("breakdown"), lit("")),
            col("role"));
    return ranked
        .withColumn("me", me)
        .withColumn("total_source", functions.max(me).over(inGroup))
        .withColumn("in_total", col("me").equalTo(col("total_source")))
        .withColumn("group", functions.struct(group.toArray(Column[]::new)));
  }

  /** The kept value of a key among its publications, by the indicators' vintage policy. */
  private Column policyOrder() {
    Column latest = col("pub");
    Column policy = lit(IndicatorDefinition.LATEST);
    for (int i = 0; i < defs.size(); i++) {
      policy = when(col(TAG).equalTo(i), lit(defs.get(i).vintage())).otherwise(policy);
    }
    // Publications sort by their names; the earliest wins when each name is turned around.
    Column earliest = functions.translate(col("pub"), "0123456789", "9876543210");
    Column finalFirst =
        functions.concat(when(col("r").equalTo(0), lit("1")).otherwise(lit("0")), col("pub"));
    return when(policy.equalTo(IndicatorDefinition.EARLIEST), earliest)
        .when(policy.equalTo(IndicatorDefinition.FINAL), finalFirst)
        .otherwise(latest);
  }

  private static Column contains(Column breakdown, String field) {
    return functions.coalesce(
        functions.array_contains(functions.split(breakdown, "/"), field), lit(false));
  }

  /** One breakdown's figures: each group's values of one source, summed by the members. */
  private Dataset<Row> dimension(Dataset<Row> chosen, List<String> columns) {
    Column counts = counts(columns);
    List<Column> by = new ArrayList<>();
    by.add(col(TAG));
    by.add(col(CUT));
    by.add(col(FactTable.YEAR));
    columns.forEach(c -> by.add(col(c)));
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      if (defs.get(i).breakdownColumns().contains(columns)) {
        wanted.add(Integer.toString(i));
      }
    }
    return chosen
        .filter(col(TAG).isin(wanted.toArray()))
        .withColumn("counts", counts)
        .filter(col("counts"))
        .groupBy(by.toArray(Column[]::new))
        .agg(
            functions.sum("v").cast(FactTable.AMOUNT).as("v"),
            functions.sum("n").as("n"),
            functions.max("r").as("r"),
            functions.max("pub").as("pub"))
        .withColumn("dimension", lit(IndicatorDefinition.dimensionLabel(columns)));
  }

  /** Whether a chosen value counts for a breakdown: one source per group, as the class says. */
  private Column counts(List<String> columns) {
    Column counts;
    if (columns.isEmpty()) {
      counts = col("in_total");
    } else {
      Column eligible = col("role").equalTo(FactTable.DETAIL);
      Column exact = lit(true);
      for (String c : columns) {
        String field = members.getOrDefault(c, c);
        eligible = eligible.and(contains(col("breakdown"), field));
      }
      exact =
          col("breakdown")
              .equalTo(
                  String.join(
                      "/",
                      columns.stream()
                          .map(c -> members.getOrDefault(c, c))
                          .sorted()
                          .distinct()
                          .toList()));
      WindowSpec inGroup = Window.partitionBy(col("group"));
      Column mine =
          functions.struct(
              col("fresh"),
              when(exact, 1).otherwise(0),
              lit(0).minus(col("first")),
              coalesce(col("breakdown"), lit("")),
              col("role"));
      Column best = functions.max(when(eligible, mine)).over(inGroup);
      counts = when(best.isNull(), col("in_total")).otherwise(eligible.and(mine.equalTo(best)));
    }
    return counts;
  }
}
