package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
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
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * Values that publications disagree on: the same value key (dataset, measure, year, period, row
 * role, breakdown and members) given different values by two or more reports, such as a year-end
 * report restating the year before. Equal repeats are not findings. Each finding names every
 * publication's cell and value; gold takes one of them (the latest, unless an indicator says
 * otherwise). Files of records (transactions) are parts of a whole, not editions, and are left out.
 */
public final class Revisions {
  private Revisions() {}

  public static final String RULE = "revision";

  /** Findings kept per table; more are counted in the last one. */
  static final int LIMIT = 500;

  public static List<Row> find(
      Dataset<Row> silver, FactTable target, Map<String, Layout> layouts, String runId) {
    List<String> memberNames = memberNames(target);
    Dataset<Row> perPub =
        perPublication(
            silver,
            key(col(FactTable.ROW_ROLE).equalTo(FactTable.DETAIL).as("is_detail"), memberNames),
            layouts);
    List<Row> found = disagreements(perPub, key(col("is_detail"), memberNames));
    List<Row> out = new ArrayList<>();
    for (List<Row> rows : byRestatement(found).values()) {
      out.add(finding(rows, target, memberNames, runId));
    }
    return out;
  }

  /** The member columns of the table's dimensions that identify a member (not its name). */
  private static List<String> memberNames(FactTable target) {
    List<String> memberNames = new ArrayList<>();
    for (Dimension d : target.dimensions().values()) {
      if (d.isMember()) {
        for (var f : FactTable.columnsOf(d)) {
          if (!f.name().endsWith("_name") && !f.name().endsWith("_country")) {
            memberNames.add(f.name());
          }
        }
      }
    }
    return List.copyOf(memberNames);
  }

  /** The value key: dataset, measure, year, period, whether a detail row, breakdown, members. */
  private static List<Column> key(Column isDetail, List<String> memberNames) {
    List<Column> key = new ArrayList<>();
    for (String c :
        List.of(FactTable.DATASET, FactTable.MEASURE, FactTable.YEAR, FactTable.PERIOD)) {
      key.add(col(c));
    }
    key.add(isDetail);
    key.add(col(FactTable.BREAKDOWN));
    memberNames.forEach(m -> key.add(col(m)));
    return key;
  }

  /** One row per value key and publication (file version): its value and where it is. */
  private static Dataset<Row> perPublication(
      Dataset<Row> silver, List<Column> key, Map<String, Layout> layouts) {
    Column declared = lit("auto");
    for (Layout l : layouts.values()) {
      declared =
          when(col(Lineage.LAYOUT).equalTo(l.id()), lit(l.publication().kind()))
              .otherwise(declared);
    }
    List<Column> byPub = new ArrayList<>(key);
    byPub.add(col(Lineage.SOURCE_PATH));
    byPub.add(col(Lineage.SOURCE_SHA256));
    return silver
        .groupBy(byPub.toArray(Column[]::new))
        .agg(
            functions.sum(FactTable.VALUE).as("v"),
            functions.count(lit(1)).as("n"),
            functions.first(Lineage.SHEET, true).as("sheet"),
            functions.min(Lineage.CELL).as("cell"),
            functions.min(Lineage.ROW).as("row"),
            functions.first(declared, true).as("declared"),
            functions.first(FactTable.PUBLISHED, true).as("published"),
            functions.first(FactTable.EDITION, true).as("edition"));
  }

  /**
   * Whether a publication is a file of records: declared so, or (auto) with fewer than two rows per
   * value key on average over its file.
   */
  private static Column records() {
    WindowSpec file = Window.partitionBy(col(Lineage.SOURCE_PATH), col(Lineage.SOURCE_SHA256));
    return col("declared")
        .equalTo("records")
        .or(
            col("declared")
                .equalTo("auto")
                .and(
                    functions
                        .sum("n")
                        .over(file)
                        .multiply(2)
                        .gt(functions.count(lit(1)).over(file).multiply(3))));
  }

  /**
   * The value keys given two or more values, each with its publications oldest first, at most
   * {@link #LIMIT} and one more.
   */
  private static List<Row> disagreements(Dataset<Row> perPub, List<Column> keyColumns) {
    Column order =
        functions.concat_ws(
            "|",
            functions.coalesce(col("published").cast(DataTypes.StringType), lit("0000-00-00")),
            functions.coalesce(col("edition"), lit("!")),
            col(Lineage.SOURCE_SHA256),
            col(Lineage.SOURCE_PATH));
    return perPub
        .withColumn("records", records())
        .filter(functions.not(col("records")))
        .groupBy(keyColumns.toArray(Column[]::new))
        .agg(
            functions.countDistinct("v").as("values"),
            functions
                .sort_array(
                    functions.collect_list(
                        functions.struct(
                            order.as("o"),
                            col("v"),
                            col(Lineage.SOURCE_PATH),
                            col("sheet"),
                            col("cell"),
                            col("row"),
                            col("published"),
                            col("edition"))))
                .as("pubs"))
        .filter(col("values").gt(1))
        .orderBy(keyColumns.toArray(Column[]::new))
        .limit(LIMIT + 1)
        .collectAsList();
  }

  /** One finding per restated year: every value a later publication changed, with both cells. */
  private static Map<String, List<Row>> byRestatement(List<Row> found) {
    Map<String, List<Row>> byRestatement = new LinkedHashMap<>();
    for (Row r : found.subList(0, Math.min(found.size(), LIMIT))) {
      List<Row> pubs = r.getList(r.fieldIndex("pubs"));
      String k =
          r.getAs(FactTable.DATASET)
              + "|"
              + r.getAs(FactTable.MEASURE)
              + "|"
              + r.getAs(FactTable.YEAR)
              + "|"
              + r.getAs(FactTable.PERIOD)
              + "|"
              + pubs.get(pubs.size() - 2).getString(0)
              + "|"
              + pubs.get(pubs.size() - 1).getString(0);
      byRestatement.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
    }
    return byRestatement;
  }

  private static Row finding(
      List<Row> rows, FactTable target, List<String> memberNames, String runId) {
    Row first = rows.get(0);
    Row earlier = earlier(first);
    Row later = later(first);
    Row shown = first;
    for (Row r : rows) {
      if (!r.<Boolean>getAs("is_detail")) {
        shown = r; // a total row says most: its values go into expected and actual
      }
    }
    String message =
        what(first)
            + ": "
            + where(later)
            + " ("
            + label(later)
            + ") restates "
            + where(earlier)
            + " ("
            + label(earlier)
            + "): "
            + changes(rows, memberNames)
            + ". The figure in gold is the latest publication's, unless the indicator's vintage says"
            + " otherwise; every vintage is in gold.indicator_vintages";
    return DqResultsTable.row(
        runId,
        RULE,
        RuleStatus.WARN,
        RuleAction.WARN,
        new DqResultsTable.Place(
            target.name(),
            first.getAs(FactTable.DATASET),
            later.getString(2),
            later.isNullAt(3) ? null : later.getString(3),
            later.isNullAt(5) ? null : later.getInt(5),
            first.getAs(FactTable.MEASURE),
            later.getString(4)),
        DqResultsTable.Amounts.of(earlier(shown).getDecimal(1), later(shown).getDecimal(1)),
        (long) rows.size(),
        message);
  }

  /** The publication before the latest of a value key. */
  private static Row earlier(Row r) {
    List<Row> pubs = r.getList(r.fieldIndex("pubs"));
    return pubs.get(pubs.size() - 2);
  }

  /** The latest publication of a value key. */
  private static Row later(Row r) {
    List<Row> pubs = r.getList(r.fieldIndex("pubs"));
    return pubs.get(pubs.size() - 1);
  }

  /** The dataset, measure, year and period (other than the year's) of a finding. */
  private static String what(Row first) {
    StringBuilder what = new StringBuilder();
    what.append(first.<String>getAs(FactTable.DATASET))
        .append(' ')
        .append(first.<String>getAs(FactTable.MEASURE))
        .append(' ')
        .append(first.<Integer>getAs(FactTable.YEAR));
    String period = first.getAs(FactTable.PERIOD);
    if (period != null && !"Y".equals(period)) {
      what.append(' ').append(period);
    }
    return what.toString();
  }

  /** Each changed value: its total row or members, the value and cell before and after. */
  private static String changes(List<Row> rows, List<String> memberNames) {
    StringBuilder changes = new StringBuilder();
    for (Row r : rows) {
      Row a = earlier(r);
      Row b = later(r);
      StringBuilder key = new StringBuilder();
      if (!r.<Boolean>getAs("is_detail")) {
        key.append("total row");
      }
      for (String m : memberNames) {
        Object v = r.getAs(m);
        if (v != null) {
          key.append(key.length() == 0 ? "" : " ").append(m).append('=').append(v);
        }
      }
      changes
          .append(changes.length() == 0 ? "" : "; ")
          .append(key.length() == 0 ? "the figure" : key)
          .append(' ')
          .append(plain(a.getDecimal(1)))
          .append(" (")
          .append(a.getString(4))
          .append(") -> ")
          .append(plain(b.getDecimal(1)))
          .append(" (")
          .append(b.getString(4))
          .append(')');
    }
    return changes.toString();
  }

  private static String where(Row p) {
    return p.getString(2) + (p.isNullAt(3) ? "" : " [sheet '" + p.getString(3) + "']");
  }

  private static String label(Row p) {
    List<String> parts = new ArrayList<>();
    if (!p.isNullAt(7)) {
      parts.add("edition " + p.getString(7));
    }
    if (!p.isNullAt(6)) {
      parts.add("published " + p.get(6));
    }
    return parts.isEmpty() ? "no publication date" : String.join(", ", parts);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
