package vn.extrel.warehouse.explain;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.gold.IndicatorBuilder;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.gold.LongFigures;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.VintagesTable;

/**
 * Explains one figure of {@code gold.indicators}: its value and the year before, how it is
 * computed, and the source cells behind both years, each with file, SHA-256, sheet, A1 reference,
 * raw text and parsing rule.
 */
public final class ExplainJob {

  /** A silver row behind the figure. */
  public record Source(
      int year,
      String path,
      String sha256,
      String sheet,
      Integer row,
      String cell,
      String rawText,
      String rule,
      BigDecimal value,
      String what) {}

  /** The figure, its computation and its sources. */
  public record Explanation(
      IndicatorDefinition definition,
      int year,
      String dimension,
      String member,
      Row figure,
      String computation,
      List<Source> current,
      List<Source> previous,
      long currentCount,
      long previousCount,
      List<Source> notCounted,
      long notCountedCount,
      List<Row> vintages) {}

  /** Sources listed per year at most; the rest are counted. */
  public static final int MAX_SOURCES = 50;

  private final WarehouseConfig config;

  public ExplainJob(WarehouseConfig config) {
    this.config = config;
  }

  public Explanation run(
      SparkSession spark,
      Warehouse w,
      String indicator,
      int year,
      String dimension,
      String member) {
    IndicatorDefinition def =
        config.indicators().indicators().stream()
            .filter(d -> d.id().equals(indicator))
            .findFirst()
            .orElseThrow(
                () ->
                    ExplainErrors.unknownIndicator(
                        indicator,
                        config.indicators().indicators().stream()
                            .map(IndicatorDefinition::id)
                            .toList()));
    String dim = dimension == null ? "total" : dimension;
    String mem = member == null ? IndicatorsTable.TOTAL_MEMBER : member;
    List<Row> figure =
        w.read(spark, IndicatorsTable.ID)
            .filter(
                col(IndicatorsTable.INDICATOR)
                    .equalTo(indicator)
                    .and(col(IndicatorsTable.YEAR).equalTo(year))
                    .and(col(IndicatorsTable.DIMENSION).equalTo(dim))
                    .and(col(IndicatorsTable.MEMBER).equalTo(mem)))
            .collectAsList();
    if (figure.isEmpty()) {
      throw ExplainErrors.noFigure(indicator, year, dim, mem);
    }
    FactTable target = FactTables.ALL.get(def.source());
    Dataset<Row> rows =
        target.isLongFacts()
            ? new LongFigures(target, List.of(def), config.layouts())
                .sources(
                    w.read(spark, target.table()),
                    "total".equals(dim) ? List.of() : List.of(dim.split("/")))
            : IndicatorBuilder.filtered(w.read(spark, target.table()), def);
    if (!"total".equals(dim)) {
      String[] cols = dim.split("/");
      String[] vals = mem.split("/", -1);
      if (cols.length != vals.length) {
        throw ExplainErrors.memberDoesNotFit(mem, dim);
      }
      for (int i = 0; i < cols.length; i++) {
        Column c = col(cols[i]);
        rows =
            rows.filter(
                IndicatorsTable.NONE_MEMBER.equals(vals[i])
                    ? c.isNull()
                    : c.cast("string").equalTo(vals[i]));
      }
    }
    StringBuilder how = new StringBuilder();
    how.append(
        target.isLongFacts()
            ? "sum of "
                + target.table()
                + ".value, each value as the "
                + def.vintage()
                + " publication gives it, each total from one source (a typed total row, else"
                + " one breakdown's rows)"
            : "count of distinct " + target.table() + "." + target.rowIdColumn().orElseThrow());
    how.append(" where period = '").append(def.period()).append("'");
    if (target.isLongFacts()) {
      how.append(" and measure = '").append(def.measure()).append("'");
    }
    for (Map.Entry<String, List<String>> f : def.filter().entrySet()) {
      how.append(" and ").append(f.getKey()).append(" in ").append(f.getValue());
    }
    if (!"total".equals(dim)) {
      how.append(" and ").append(dim).append(" = '").append(mem).append("'");
    }
    Column counted = target.isLongFacts() ? col("counted") : functions.lit(true);
    Dataset<Row> cur = rows.filter(col(FactTable.YEAR).equalTo(year).and(counted));
    Dataset<Row> prev = rows.filter(col(FactTable.YEAR).equalTo(year - 1).and(counted));
    Dataset<Row> other = rows.filter(col(FactTable.YEAR).equalTo(year).and(functions.not(counted)));
    List<Row> vintages =
        w.exists(spark, VintagesTable.ID)
            ? w.read(spark, VintagesTable.ID)
                .filter(
                    col(IndicatorsTable.INDICATOR)
                        .equalTo(indicator)
                        .and(col(IndicatorsTable.YEAR).equalTo(year))
                        .and(col(IndicatorsTable.DIMENSION).equalTo(dim))
                        .and(col(IndicatorsTable.MEMBER).equalTo(mem)))
                .orderBy(
                    col(IndicatorsTable.PUBLISHED).asc_nulls_first(),
                    col(VintagesTable.EDITION).asc_nulls_first(),
                    col(IndicatorsTable.PUBLICATION))
                .collectAsList()
            : List.of();
    return new Explanation(
        def,
        year,
        dim,
        mem,
        figure.get(0),
        how.toString(),
        sources(cur, target),
        sources(prev, target),
        cur.count(),
        prev.count(),
        sources(other, target),
        other.count(),
        vintages);
  }

  private static List<Source> sources(Dataset<Row> rows, FactTable target) {
    List<Source> out = new ArrayList<>();
    Dataset<Row> ordered =
        rows.orderBy(col(Lineage.SOURCE_PATH), col(Lineage.SHEET), col(Lineage.ROW))
            .limit(MAX_SOURCES);
    for (Row r : ordered.collectAsList()) {
      String what;
      if (target.isLongFacts()) {
        String partner = r.getAs("partner_name");
        Object area = target.dimensions().containsKey("area") ? r.getAs("area") : null;
        String role = r.getAs(FactTable.ROW_ROLE);
        what =
            (partner != null
                    ? partner + " (" + r.getAs("partner_id") + ")"
                    : area != null ? String.valueOf(area) : "")
                + (FactTable.DETAIL.equals(role) ? "" : " [" + role.replace('_', ' ') + " row]")
                + (r.getAs(FactTable.EDITION) == null
                    ? ""
                    : " [edition " + r.getAs(FactTable.EDITION) + "]");
        out.add(
            new Source(
                r.<Integer>getAs(FactTable.YEAR),
                r.getAs(Lineage.SOURCE_PATH),
                r.getAs(Lineage.SOURCE_SHA256),
                r.getAs(Lineage.SHEET),
                r.getAs(Lineage.ROW),
                r.getAs(Lineage.CELL),
                r.getAs(Lineage.RAW_TEXT),
                r.getAs(Lineage.RULE),
                r.getAs(FactTable.VALUE),
                what));
      } else {
        Map<String, String> cells = r.getJavaMap(r.fieldIndex(Lineage.CELLS));
        what = Lineage.describeActivity(r);
        out.add(
            new Source(
                r.<Integer>getAs(FactTable.YEAR),
                r.getAs(Lineage.SOURCE_PATH),
                r.getAs(Lineage.SOURCE_SHA256),
                r.getAs(Lineage.SHEET),
                r.getAs(Lineage.ROW),
                String.join(",", cells.values()),
                null,
                null,
                null,
                what));
      }
    }
    return out;
  }
}
