package vn.extrel.warehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * A data-quality rule from {@code config/rules/*.yaml}: one record per kind of check, built by
 * {@link RuleCatalog}.
 */
public sealed interface Rule extends Serializable {

  /**
   * What every rule has.
   *
   * @param table the silver table checked: {@code fdi}, {@code trade}, {@code activity}; or {@code
   *     indicators} for year-over-year checks
   * @param columns the columns checked (none for totals and yoy)
   * @param where a Spark SQL condition: the rule applies to the rows that satisfy it
   * @param action what a failure does ({@link RuleAction})
   * @param warnAbove failing rows allowed before the rule warns
   * @param errorAbove failing rows allowed before the rule is an error and its action applies
   * @param source the file the rule comes from
   */
  record Common(
      String id,
      String description,
      String table,
      List<String> columns,
      String where,
      RuleAction action,
      long warnAbove,
      long errorAbove,
      String source)
      implements Serializable {
    public Common {
      columns = List.copyOf(columns);
    }
  }

  Common common();

  /** What the rule checks. */
  RuleCheck check();

  default String id() {
    return common().id();
  }

  default String description() {
    return common().description();
  }

  default String table() {
    return common().table();
  }

  default List<String> columns() {
    return common().columns();
  }

  default String where() {
    return common().where();
  }

  default RuleAction action() {
    return common().action();
  }

  default long errorAbove() {
    return common().errorAbove();
  }

  /** How the rule comes out for a number of failing rows. */
  default RuleStatus status(long failing) {
    if (failing > common().errorAbove() && action() != RuleAction.WARN) {
      return RuleStatus.ERROR;
    }
    return failing > common().warnAbove() ? RuleStatus.WARN : RuleStatus.PASS;
  }

  /** Whether the rule, so come out, rejects the file (status error, action fail). */
  default boolean rejects(RuleStatus status) {
    return status == RuleStatus.ERROR && action() == RuleAction.FAIL;
  }

  /** A rule decided row by row, in one pass over a file's facts ({@link RowRules}). */
  sealed interface RowRule extends Rule {

    /** Whether a row fails, before the rule's where. */
    Column fails(Reference reference);

    /** What a row must satisfy, in words, before the rule's where. */
    String test();

    /** Whether a row the rule applies to fails it. */
    default Column failing(Reference reference) {
      Column f = fails(reference);
      return where() == null ? f : expr(where()).and(f);
    }

    /** What a row must satisfy, in words. */
    default String what() {
      return test() + (where() == null ? "" : " where " + where());
    }

    default String column() {
      return columns().get(0);
    }
  }

  /** The columns have a value. */
  record NotNull(Common common) implements RowRule {
    @Override
    public RuleCheck check() {
      return RuleCheck.NOT_NULL;
    }

    @Override
    public Column fails(Reference reference) {
      Column any = lit(false);
      for (String c : columns()) {
        any = any.or(col(c).isNull());
      }
      return any;
    }

    @Override
    public String test() {
      return columns() + " not null";
    }
  }

  /** The column's value is one of a list. */
  record AcceptedValues(Common common, List<String> values) implements RowRule {
    public AcceptedValues {
      values = List.copyOf(values);
    }

    @Override
    public RuleCheck check() {
      return RuleCheck.ACCEPTED_VALUES;
    }

    @Override
    public Column fails(Reference reference) {
      return col(column()).isNotNull().and(functions.not(col(column()).isin(values.toArray())));
    }

    @Override
    public String test() {
      return column() + " in " + values;
    }
  }

  /** The column's value lies within min and max (either may be left open). */
  record Range(Common common, BigDecimal min, BigDecimal max) implements RowRule {
    @Override
    public RuleCheck check() {
      return RuleCheck.RANGE;
    }

    @Override
    public Column fails(Reference reference) {
      Column c = col(column());
      Column out = lit(false);
      if (min != null) {
        out = out.or(c.lt(lit(min)));
      }
      if (max != null) {
        out = out.or(c.gt(lit(max)));
      }
      return c.isNotNull().and(out);
    }

    @Override
    public String test() {
      return column()
          + " within ["
          + (min == null ? "" : min.toPlainString())
          + ", "
          + (max == null ? "" : max.toPlainString())
          + "]";
    }
  }

  /** The column names a partner of silver.partner ({@code to: partner}). */
  record Relationship(Common common, String to) implements RowRule {
    @Override
    public RuleCheck check() {
      return RuleCheck.RELATIONSHIP;
    }

    @Override
    public Column fails(Reference reference) {
      List<String> ids = new ArrayList<>();
      reference.partners().all().forEach(p -> ids.add(p.id()));
      return col(column()).isNotNull().and(functions.not(col(column()).isin(ids.toArray())));
    }

    @Override
    public String test() {
      return column() + " in silver.partner";
    }
  }

  /** The key columns are unique within each file version ({@link UniquenessRules}). */
  record Unique(Common common) implements Rule {
    @Override
    public RuleCheck check() {
      return RuleCheck.UNIQUE;
    }
  }

  /** Settles the action of totals reconciliation ({@link TotalsRules}). */
  record Totals(Common common) implements Rule {
    @Override
    public RuleCheck check() {
      return RuleCheck.TOTALS;
    }
  }

  /**
   * Year-over-year sanity of gold's total indicators ({@link YoySanity}) and unit and status
   * consistency in silver ({@link SilverConsistency}).
   *
   * @param indicators patterns ({@code fdi_*}) of the indicators checked; none for all
   * @param ratioBetween the plausible band of the year-over-year ratio; null for [0.1, 10]
   * @param checks which {@link YoyCheck}s to run
   */
  record Yoy(
      Common common, List<String> indicators, List<Double> ratioBetween, List<YoyCheck> checks)
      implements Rule {
    public Yoy {
      indicators = List.copyOf(indicators);
      checks = List.copyOf(checks);
    }

    @Override
    public RuleCheck check() {
      return RuleCheck.YOY;
    }

    double low() {
      return ratioBetween == null ? 0.1 : ratioBetween.get(0);
    }

    double high() {
      return ratioBetween == null ? 10 : ratioBetween.get(1);
    }
  }
}
