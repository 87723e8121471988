package vn.extrel.warehouse.quality;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * Checks each total row of a table ("Tổng số", "Tổng cộng", "Cộng") against the sum of the data
 * rows it covers. A total covers the data rows of its section; a total above or outside any section
 * covers each section of the table, or the rows without a section. The difference, within the
 * precision the total is written in, passes; beyond it, it is a data-quality result (warn by
 * default: totals of "một số" lists are partial).
 *
 * <p>Order-free and streaming: the rows of one table may arrive in any order and are never held at
 * once.
 */
public final class Reconciler implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String RULE = "totals_reconciliation";

  private final SilverParser parser;
  private final String runId;

  public Reconciler(SilverParser parser, String runId) {
    this.parser = parser;
    this.runId = runId;
  }

  private record Total(
      int row, String label, String section, List<SilverParser.MeasureValue> values) {}

  /**
   * One table's rows gathered: sums of the data rows per section ("" for none) and column, their
   * counts, and the total rows.
   */
  private record Gathered(
      Map<String, Map<String, BigDecimal>> sums,
      Map<String, Long> counts,
      List<Total> totals,
      Row any) {}

  /** Results (as {@code ops.dq_results} rows) for the rows of one table. */
  public List<Row> reconcile(Iterator<Row> rows) {
    Gathered g = gather(rows);
    List<Row> out = new ArrayList<>();
    if (g.any() == null) {
      return out;
    }
    for (Total t : g.totals()) {
      for (String scope : scopes(t, g.counts())) {
        Map<String, BigDecimal> s = g.sums().getOrDefault(scope, Map.of());
        for (SilverParser.MeasureValue v : t.values()) {
          BigDecimal actual = s.getOrDefault(key(v), BigDecimal.ZERO);
          out.add(result(g.any(), t, v, actual, scope, g.counts().getOrDefault(scope, 0L)));
        }
      }
    }
    return out;
  }

  private Gathered gather(Iterator<Row> rows) {
    Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Total> totals = new ArrayList<>();
    Row any = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      any = any == null ? r : any;
      RowClass cls = RowClass.of(r.getAs(BronzeTable.ROW_CLASS));
      String section = r.getAs(BronzeTable.SECTION);
      if (cls == RowClass.DATA) {
        counts.merge(Objects.toString(section, ""), 1L, Long::sum);
        Map<String, BigDecimal> s =
            sums.computeIfAbsent(Objects.toString(section, ""), k -> new LinkedHashMap<>());
        for (SilverParser.MeasureValue v : parser.measures(r)) {
          s.merge(key(v), v.value(), BigDecimal::add);
        }
      } else if (cls == RowClass.TOTAL) {
        totals.add(
            new Total(
                r.<Integer>getAs(BronzeTable.ROW),
                r.getAs(BronzeTable.LABEL),
                section,
                parser.measures(r)));
      }
    }
    return new Gathered(sums, counts, totals, any);
  }

  /** The sections a total covers: its own, the rows without one, or else every section. */
  private static List<String> scopes(Total t, Map<String, Long> counts) {
    if (t.section() != null) {
      return List.of(t.section());
    }
    return counts.containsKey("") ? List.of("") : List.copyOf(counts.keySet());
  }

  private Row result(
      Row any,
      Total t,
      SilverParser.MeasureValue v,
      BigDecimal actual,
      String scope,
      long dataRows) {
    BigDecimal expected = v.value();
    BigDecimal diff = actual.subtract(expected);
    boolean ok = diff.abs().compareTo(tolerance(expected)) <= 0;
    String where = scope.isEmpty() ? "" : " of section '" + scope + "'";
    String column = v.header() == null ? v.column() : v.header();
    String message =
        "'"
            + t.label()
            + "' row "
            + t.row()
            + ", "
            + column
            + (v.key() == null ? "" : " [" + v.key() + "]")
            + ": "
            + plain(expected)
            + " in the file, "
            + plain(actual)
            + " summed over "
            + dataRows
            + " data rows"
            + where
            + (ok ? " (agrees)" : " (difference " + plain(diff) + ")");
    return DqResultsTable.row(
        runId,
        RULE,
        ok ? RuleStatus.PASS : RuleStatus.WARN,
        RuleAction.WARN,
        new DqResultsTable.Place(
            any.getAs(BronzeTable.TARGET),
            any.getAs(BronzeTable.DATASET),
            any.getAs(BronzeTable.SOURCE_PATH),
            any.getAs(BronzeTable.SHEET),
            t.row(),
            v.column(),
            v.cell()),
        DqResultsTable.Amounts.of(expected, actual),
        ok ? 0L : 1L,
        message);
  }

  /**
   * Half a unit of the last digit the total is written with. Spreadsheets store SUM results as
   * binary floats ("15.299999999999999" for 15.3), so the written precision is read at 12
   * significant digits.
   */
  static BigDecimal tolerance(BigDecimal expected) {
    BigDecimal written = expected.round(new java.math.MathContext(12)).stripTrailingZeros();
    return BigDecimal.ONE.movePointLeft(Math.max(0, written.scale())).divide(BigDecimal.valueOf(2));
  }

  /** A column of figures: two columns of one year ("Tháng 12 năm 2019", "Năm 2019") are two. */
  private static String key(SilverParser.MeasureValue v) {
    return (v.key() == null ? v.column() : v.column() + "[" + v.key() + "]") + "@" + v.header();
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0
        ? "0"
        : d.round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
  }
}
