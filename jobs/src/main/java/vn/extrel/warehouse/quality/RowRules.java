package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.parse.Reasons;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.QuarantineTable;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * The row rules of one table (not_null, accepted_values, range, relationship), counted per file in
 * one pass over the facts about to be written, so a rule can quarantine the rows it rejects or
 * reject a whole file before anything is written.
 */
final class RowRules {

  /**
   * @param rejected by path, each with why, in the order found
   * @param quarantine the rows a quarantine rule rejects; null when no rule quarantines
   * @param reason why such a row is quarantined
   */
  record Outcome(
      List<RuleResult> results, Map<String, String> rejected, Column quarantine, Column reason) {}

  private final List<Rule.RowRule> rules;
  private final Reference reference;
  private final FactTable target;

  RowRules(List<Rule.RowRule> rules, Reference reference, FactTable target) {
    this.rules = List.copyOf(rules);
    this.reference = reference;
    this.target = target;
  }

  Outcome check(Dataset<Row> facts) {
    if (rules.isEmpty()) {
      return new Outcome(List.of(), Map.of(), null, null);
    }
    List<RuleResult> results = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (Row c : counts(facts)) {
      String path = c.getString(0);
      for (int i = 0; i < rules.size(); i++) {
        Rule.RowRule r = rules.get(i);
        long n = c.getLong(2 + 2 * i);
        RuleStatus status = r.status(n);
        String example =
            RuleResult.firstCase(c.isNullAt(3 + 2 * i) ? null : c.getString(3 + 2 * i));
        String message =
            r.id() + ": " + n + " row(s) of " + target.table() + " fail " + r.what() + example;
        results.add(new RuleResult(r, status, target.name(), c.getString(1), path, n, message));
        if (r.rejects(status)) {
          rejected.putIfAbsent(path, rejection(r, path, n, message));
        }
      }
    }
    Column quarantine = null;
    Column reason = lit(null).cast(DataTypes.StringType);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule.RowRule r = rules.get(i);
      if (r.action() == RuleAction.QUARANTINE) {
        quarantine =
            quarantine == null ? r.failing(reference) : quarantine.or(r.failing(reference));
        reason = when(r.failing(reference), lit(reason(r))).otherwise(reason);
      }
    }
    return new Outcome(
        List.copyOf(results), Collections.unmodifiableMap(rejected), quarantine, reason);
  }

  /** Per file and dataset: each rule's failing rows and a first failing place. */
  private List<Row> counts(Dataset<Row> facts) {
    List<Column> aggs = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      aggs.add(sum(when(rules.get(i).failing(reference), 1).otherwise(0)).as("f" + i));
      aggs.add(first(when(rules.get(i).failing(reference), describe()), true).as("e" + i));
    }
    return facts
        .groupBy(col(Lineage.SOURCE_PATH), col(FactTable.DATASET))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .collectAsList();
  }

  private static String rejection(Rule r, String path, long n, String message) {
    return path
        + ": rejected by rule "
        + r.id()
        + " ("
        + n
        + " failing rows, more than "
        + r.errorAbove()
        + " allowed); any earlier version of the file stays loaded. "
        + message;
  }

  private static String reason(Rule.RowRule r) {
    return "rule "
        + r.id()
        + ": fails "
        + r.what()
        + (r.description() == null ? "" : " (" + r.description() + ")");
  }

  /** Where a failing row is: file and row, and for long facts the cell and its text. */
  private Column describe() {
    Column where = concat_ws(" ", lit("row"), col(Lineage.ROW).cast("string"));
    return target.isLongFacts()
        ? concat_ws(
            " ",
            col(Lineage.SOURCE_PATH),
            where,
            col(Lineage.CELL),
            functions.concat(lit("'"), col(Lineage.RAW_TEXT), lit("'")))
        : concat_ws(" ", col(Lineage.SOURCE_PATH), where);
  }

  /** Facts a quarantine rule rejected, as silver.quarantine rows. */
  static Dataset<Row> asQuarantine(
      Dataset<Row> failing, Column reason, FactTable target, String runId) {
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
        col(FactTable.DATASET).as(QuarantineTable.DATASET),
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
}
