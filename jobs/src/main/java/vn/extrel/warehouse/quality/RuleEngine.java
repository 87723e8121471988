package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ops.DqResultsTable;
import vn.extrel.warehouse.parse.Reasons;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.silver.Lineage;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Target;
import vn.extrel.warehouse.util.Rows;

/**
 * Applies the data-quality rules with Spark. Row rules (not_null, accepted_values, range,
 * relationship) run on the facts about to be written, file by file, so a rule can quarantine the
 * rows it rejects or reject a whole file before anything is written; table-wide rules (unique, yoy)
 * run after the write. Every rule leaves a result per file or per finding in ops.dq_results.
 */
public final class RuleEngine {

  /** The result of the row rules for one table's facts. */
  public record RowOutcome(
      List<Row> results, Map<String, String> rejected, Column quarantine, Column reason) {}

  private final RuleCatalog catalog;
  private final Reference reference;
  private final String runId;

  public RuleEngine(RuleCatalog catalog, Reference reference, String runId) {
    this.catalog = catalog;
    this.reference = reference;
    this.runId = runId;
  }

  private Column failing(Rule r) {
    Column f;
    switch (r.check()) {
      case "not_null" -> {
        f = lit(false);
        for (String c : r.columns()) {
          f = f.or(col(c).isNull());
        }
      }
      case "accepted_values" ->
          f =
              col(r.columns().get(0))
                  .isNotNull()
                  .and(functions.not(col(r.columns().get(0)).isin(r.values().toArray())));
      case "range" -> {
        Column c = col(r.columns().get(0));
        f = lit(false);
        if (r.min() != null) {
          f = f.or(c.lt(lit(r.min())));
        }
        if (r.max() != null) {
          f = f.or(c.gt(lit(r.max())));
        }
        f = c.isNotNull().and(f);
      }
      case "relationship" -> {
        List<String> ids = new ArrayList<>();
        reference.partners().all().forEach(p -> ids.add(p.id()));
        f =
            col(r.columns().get(0))
                .isNotNull()
                .and(functions.not(col(r.columns().get(0)).isin(ids.toArray())));
      }
      default -> throw new IllegalArgumentException(r.check() + " is not a row rule");
    }
    return r.where() == null ? f : expr(r.where()).and(f);
  }

  private static boolean rowRule(Rule r) {
    return List.of("not_null", "accepted_values", "range", "relationship").contains(r.check());
  }

  public boolean hasRowRules(Target target) {
    return catalog.rules().stream().anyMatch(r -> target.name().equals(r.table()) && rowRule(r));
  }

  /** Counts each row rule's failures per file in one pass over the facts. */
  public RowOutcome rows(Dataset<Row> facts, Target target) {
    List<Rule> rules =
        catalog.rules().stream()
            .filter(r -> target.name().equals(r.table()) && rowRule(r))
            .toList();
    if (rules.isEmpty()) {
      return new RowOutcome(List.of(), Map.of(), null, null);
    }
    List<Column> aggs = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      aggs.add(sum(when(failing(rules.get(i)), 1).otherwise(0)).as("f" + i));
      aggs.add(first(when(failing(rules.get(i)), describe(target)), true).as("e" + i));
    }
    List<Row> counts =
        facts
            .groupBy(col(Lineage.SOURCE_PATH), col(Target.DATASET))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .collectAsList();
    List<Row> results = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (Row c : counts) {
      String path = c.getString(0);
      for (int i = 0; i < rules.size(); i++) {
        Rule r = rules.get(i);
        long n = c.getLong(2 + 2 * i);
        String status = r.status(n);
        String example = c.isNullAt(3 + 2 * i) ? "" : "; first: " + c.getString(3 + 2 * i);
        String message =
            r.id() + ": " + n + " row(s) of " + target.table() + " fail " + what(r) + example;
        results.add(result(r, status, target.name(), c.getString(1), path, n, message));
        if ("error".equals(status) && Rule.FAIL.equals(r.action())) {
          rejected.putIfAbsent(
              path,
              path
                  + ": rejected by rule "
                  + r.id()
                  + " ("
                  + n
                  + " failing rows, more than "
                  + r.errorAbove()
                  + " allowed); any earlier version of the file stays loaded. "
                  + message);
        }
      }
    }
    Column quarantine = null;
    Column reason = lit(null).cast(DataTypes.StringType);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if (Rule.QUARANTINE.equals(r.action())) {
        quarantine = quarantine == null ? failing(r) : quarantine.or(failing(r));
        reason =
            when(
                    failing(r),
                    lit(
                        "rule "
                            + r.id()
                            + ": fails "
                            + what(r)
                            + (r.description() == null ? "" : " (" + r.description() + ")")))
                .otherwise(reason);
      }
    }
    return new RowOutcome(results, rejected, quarantine, reason);
  }

  /** Facts a quarantine rule rejected, as silver.quarantine rows. */
  public static Dataset<Row> asQuarantine(
      Dataset<Row> failing, Column reason, Target target, String runId) {
    List<Column> raw = new ArrayList<>();
    for (String f : target.schema().fieldNames()) {
      raw.add(lit(f));
      raw.add(col(f).cast(DataTypes.StringType));
    }
    Column cell = target.isLongFacts() ? col(Lineage.CELL) : lit(null).cast(DataTypes.StringType);
    Column problem =
        functions.struct(
            lit(Reasons.RULE_VIOLATION).as("reason_code"),
            lit(null).cast(DataTypes.StringType).as("column"),
            cell.as("cell"),
            lit(null).cast(DataTypes.StringType).as("raw_text"),
            reason.as("message"),
            functions
                .array()
                .cast(DataTypes.createArrayType(DataTypes.StringType, true))
                .as("suggestions"));
    return failing.select(
        lit(runId).as(QuarantineTable.RUN_ID),
        col(Lineage.LAYOUT).as(QuarantineTable.LAYOUT),
        lit(target.name()).as(QuarantineTable.TARGET),
        col(Target.DATASET).as(QuarantineTable.DATASET),
        col(Lineage.SOURCE_PATH).as(QuarantineTable.SOURCE_PATH),
        col(Lineage.SOURCE_SHA256).as(QuarantineTable.SOURCE_SHA256),
        col(Lineage.SHEET).as(QuarantineTable.SHEET),
        col(Lineage.ROW).as(QuarantineTable.ROW),
        col(Lineage.LINEAGE_ID).as(QuarantineTable.LINEAGE_ID),
        lit(Reasons.RULE_VIOLATION).as(QuarantineTable.REASON_CODE),
        reason.as(QuarantineTable.REASON),
        lit(null).cast(DataTypes.StringType).as(QuarantineTable.COLUMN),
        cell.as(QuarantineTable.CELL),
        functions.map(raw.toArray(Column[]::new)).as(QuarantineTable.RAW_VALUES),
        functions.array(problem).as(QuarantineTable.PROBLEMS));
  }

  /**
   * Duplicates of the rules' key columns within each file version, after the write. The same key in
   * two reports is not a duplicate but two publications of one value (gold keeps one, and a
   * revision finding names both when they differ); total rows are not members' values.
   */
  public List<Row> unique(Dataset<Row> table, Target target) {
    List<Row> out = new ArrayList<>();
    for (Rule r : catalog.forTable(target.name(), "unique")) {
      Dataset<Row> rows = r.where() == null ? table : table.filter(expr(r.where()));
      if (target.isLongFacts()) {
        rows = rows.filter(col(Target.ROW_ROLE).equalTo(Target.DETAIL));
      }
      List<Column> keyColumns = new ArrayList<>();
      r.columns().forEach(c -> keyColumns.add(col(c)));
      Column[] key = keyColumns.toArray(Column[]::new);
      keyColumns.add(col(Lineage.SOURCE_PATH));
      keyColumns.add(col(Lineage.SOURCE_SHA256));
      Column[] perFile = keyColumns.toArray(Column[]::new);
      Row d =
          rows.groupBy(perFile)
              .agg(
                  count(lit(1)).as("n"),
                  concat_ws(", ", functions.collect_set(col(Lineage.SOURCE_PATH))).as("files"))
              .filter(col("n").gt(1))
              .agg(
                  sum(col("n")).as("rows"),
                  count(lit(1)).as("keys"),
                  first(concat_ws(" / ", key), true).as("example"),
                  first(col("files"), true).as("files"))
              .first();
      long n = d.isNullAt(0) ? 0 : d.getLong(0);
      String message =
          r.id()
              + ": "
              + n
              + " row(s) of "
              + target.table()
              + " share "
              + (d.isNullAt(1) ? 0 : d.getLong(1))
              + " key(s) within one file "
              + r.columns()
              + (n == 0 ? "" : "; first: " + d.getString(2) + " in " + d.getString(3));
      out.add(result(r, r.status(n), target.name(), null, null, n, message));
    }
    return out;
  }

  /**
   * Year-over-year sanity of the indicators just computed, and unit and status consistency in
   * silver.
   */
  public List<Row> yoy(Dataset<Row> gold, Map<String, Dataset<Row>> silver) {
    List<Row> out = new ArrayList<>();
    for (Rule r : catalog.ofCheck("yoy")) {
      Dataset<Row> g = gold.filter(col(IndicatorsTable.DIMENSION).equalTo("total"));
      if (!r.indicators().isEmpty()) {
        Column in = lit(false);
        for (String pattern : r.indicators()) {
          in = in.or(col(IndicatorsTable.INDICATOR).like(pattern.replace('*', '%')));
        }
        g = g.filter(in);
      }
      if (r.checks().contains("missing_base")) {
        Dataset<Row> firstYears =
            g.groupBy(col(IndicatorsTable.INDICATOR).as("i"))
                .agg(functions.min(IndicatorsTable.YEAR).as("y0"));
        List<Row> bad =
            g.join(firstYears, col(IndicatorsTable.INDICATOR).equalTo(col("i")))
                .filter(
                    col(IndicatorsTable.YEAR)
                        .gt(col("y0"))
                        .and(
                            col(IndicatorsTable.PREV_VALUE)
                                .isNull()
                                .or(col(IndicatorsTable.PREV_VALUE).equalTo(0))))
                .select(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR)
                .collectAsList();
        out.add(
            result(
                r,
                r.status(bad.size()),
                "indicators",
                null,
                null,
                bad.size(),
                r.id()
                    + " missing_base: "
                    + bad.size()
                    + " indicator-year(s) without a value (or with 0) the year before"
                    + (bad.isEmpty()
                        ? ""
                        : "; first: " + bad.get(0).getString(0) + " " + bad.get(0).getInt(1))));
      }
      if (r.checks().contains("ratio_band")) {
        double lo = r.ratioBetween() == null ? 0.1 : r.ratioBetween().get(0);
        double hi = r.ratioBetween() == null ? 10 : r.ratioBetween().get(1);
        List<Row> bad =
            g.filter(
                    col(IndicatorsTable.YOY_RATIO).lt(lo).or(col(IndicatorsTable.YOY_RATIO).gt(hi)))
                .select(IndicatorsTable.INDICATOR, IndicatorsTable.YEAR, IndicatorsTable.YOY_RATIO)
                .collectAsList();
        out.add(
            result(
                r,
                r.status(bad.size()),
                "indicators",
                null,
                null,
                bad.size(),
                r.id()
                    + " ratio_band: "
                    + bad.size()
                    + " year-over-year ratio(s) outside ["
                    + lo
                    + ", "
                    + hi
                    + "]"
                    + (bad.isEmpty()
                        ? ""
                        : "; first: "
                            + bad.get(0).getString(0)
                            + " "
                            + bad.get(0).getInt(1)
                            + " ratio "
                            + String.format("%.2f", bad.get(0).getDouble(2)))));
      }
      for (Map.Entry<String, Dataset<Row>> s : silver.entrySet()) {
        if (!java.util.Arrays.asList(s.getValue().columns()).contains(Target.SOURCE_UNIT)) {
          continue;
        }
        if (r.checks().contains("unit_change")) {
          List<Row> bad =
              s.getValue()
                  .filter(col(Target.SOURCE_UNIT).isNotNull())
                  .groupBy(Target.DATASET, Target.MEASURE)
                  .agg(
                      countDistinct(functions.lower(col(Target.SOURCE_UNIT))).as("units"),
                      concat_ws(
                              ", ",
                              functions.collect_set(
                                  functions.concat_ws(
                                      " ",
                                      col(Target.YEAR).cast("string"),
                                      col(Target.SOURCE_UNIT))))
                          .as("which"))
                  .filter(col("units").gt(1))
                  .collectAsList();
          out.add(
              result(
                  r,
                  r.status(bad.size()),
                  s.getKey(),
                  null,
                  null,
                  bad.size(),
                  r.id()
                      + " unit_change: "
                      + bad.size()
                      + " measure(s) of silver."
                      + s.getKey()
                      + " written in different units"
                      + " across years (converted, but check the figures)"
                      + (bad.isEmpty()
                          ? ""
                          : "; first: "
                              + bad.get(0).getString(0)
                              + " "
                              + bad.get(0).getString(1)
                              + ": "
                              + bad.get(0).getString(3))));
        }
        if (r.checks().contains("mixed_status")) {
          List<Row> bad =
              s.getValue()
                  // Within one report: a later report's final figure beside an earlier one's
                  // estimate of the same year is two publications, not a mix.
                  .groupBy(Target.DATASET, Target.YEAR, Target.MEASURE, Lineage.SOURCE_PATH)
                  .agg(countDistinct(col(Target.STATUS)).as("n"))
                  .filter(col("n").gt(1))
                  .collectAsList();
          out.add(
              result(
                  r,
                  r.status(bad.size()),
                  s.getKey(),
                  null,
                  null,
                  bad.size(),
                  r.id()
                      + " mixed_status: "
                      + bad.size()
                      + " year(s) of silver."
                      + s.getKey()
                      + " mix preliminary or estimated figures with final ones"
                      + (bad.isEmpty()
                          ? ""
                          : "; first: "
                              + bad.get(0).getString(0)
                              + " "
                              + bad.get(0).getInt(1)
                              + " "
                              + bad.get(0).getString(2))));
        }
      }
    }
    return out;
  }

  private static String what(Rule r) {
    return switch (r.check()) {
          case "not_null" -> r.columns() + " not null";
          case "accepted_values" -> r.columns().get(0) + " in " + r.values();
          case "range" ->
              r.columns().get(0)
                  + " within ["
                  + (r.min() == null ? "" : r.min().toPlainString())
                  + ", "
                  + (r.max() == null ? "" : r.max().toPlainString())
                  + "]";
          case "relationship" -> r.columns().get(0) + " in silver.partner";
          default -> r.check();
        }
        + (r.where() == null ? "" : " where " + r.where());
  }

  private static Column describe(Target t) {
    Column where = concat_ws(" ", lit("row"), col(Lineage.ROW).cast("string"));
    return t.isLongFacts()
        ? concat_ws(
            " ",
            col(Lineage.SOURCE_PATH),
            where,
            col(Lineage.CELL),
            functions.concat(lit("'"), col(Lineage.RAW_TEXT), lit("'")))
        : concat_ws(" ", col(Lineage.SOURCE_PATH), where);
  }

  Row result(
      Rule r,
      String status,
      String target,
      String dataset,
      String path,
      long failing,
      String message) {
    return Rows.of(
        DqResultsTable.SCHEMA,
        runId,
        r.id(),
        status,
        r.action(),
        target,
        dataset,
        path,
        null,
        null,
        r.columns().isEmpty() ? null : String.join(",", r.columns()),
        null,
        null,
        null,
        null,
        failing,
        message);
  }

  /**
   * What the totals rule decided: its results, and the files it rejects, each with why.
   *
   * @param results rows for ops.dq_results
   * @param rejected by path, in the order found
   */
  public record Totals(List<Row> results, Map<String, String> rejected) {}

  /**
   * Summary of reconciliation for a file under the totals rule, if there is one; decides rejection.
   */
  public Totals totals(Map<String, Long> mismatchesByFile) {
    List<Row> out = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (Rule r : catalog.ofCheck("totals")) {
      for (Map.Entry<String, Long> e : mismatchesByFile.entrySet()) {
        String status = r.status(e.getValue());
        out.add(
            result(
                r,
                status,
                null,
                null,
                e.getKey(),
                e.getValue(),
                r.id()
                    + ": "
                    + e.getValue()
                    + " total(s) of "
                    + e.getKey()
                    + " do not add up to their rows"));
        if ("error".equals(status) && Rule.FAIL.equals(r.action())) {
          rejected.putIfAbsent(
              e.getKey(),
              e.getKey()
                  + ": rejected by rule "
                  + r.id()
                  + ": "
                  + e.getValue()
                  + " total(s) do not add up to their rows (see ops.dq_results); any earlier version of the file stays loaded");
        }
      }
    }
    return new Totals(List.copyOf(out), java.util.Collections.unmodifiableMap(rejected));
  }
}
