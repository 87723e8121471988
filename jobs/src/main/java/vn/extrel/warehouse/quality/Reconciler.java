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

  /** Results (as {@code ops.dq_results} rows) for the rows of one table. */
  public List<Row> reconcile(Iterator<Row> rows) {
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
    List<Row> out = new ArrayList<>();
    if (any == null) {
      return out;
    }
    for (Total t : totals) {
      List<String> scopes = new ArrayList<>();
      if (t.section() != null) {
        scopes.add(t.section());
      } else if (counts.containsKey("")) {
        scopes.add("");
      } else {
        scopes.addAll(counts.keySet());
      }
      for (String scope : scopes) {
        Map<String, BigDecimal> s = sums.getOrDefault(scope, Map.of());
        for (SilverParser.MeasureValue v : t.values()) {
          BigDecimal expected = v.value();
          BigDecimal actual = s.getOrDefault(key(v), BigDecimal.ZERO);
          BigDecimal diff = actual.subtract(expected);
          BigDecimal tolerance = tolerance(expected);
          boolean ok = diff.abs().compareTo(tolerance) <= 0;
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
                  + counts.getOrDefault(scope, 0L)
                  + " data rows"
                  + where
                  + (ok ? " (agrees)" : " (difference " + plain(diff) + ")");
          out.add(
              vn.extrel.warehouse.util.Rows.of(
                  vn.extrel.warehouse.table.DqResultsTable.SCHEMA,
                  runId,
                  RULE,
                  (ok ? RuleStatus.PASS : RuleStatus.WARN).wire(),
                  RuleAction.WARN.wire(),
                  any.getAs(BronzeTable.TARGET),
                  any.getAs(BronzeTable.DATASET),
                  any.getAs(BronzeTable.SOURCE_PATH),
                  any.getAs(BronzeTable.SHEET),
                  t.row(),
                  v.column(),
                  v.cell(),
                  expected.setScale(6, java.math.RoundingMode.HALF_UP),
                  actual.setScale(6, java.math.RoundingMode.HALF_UP),
                  diff.setScale(6, java.math.RoundingMode.HALF_UP),
                  ok ? 0L : 1L,
                  message));
        }
      }
    }
    return out;
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
