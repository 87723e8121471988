package vn.extrel.warehouse.silver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.util.Rows;

/** The executor-side functions from bronze rows to silver facts and quarantine records. */
public final class SilverRows {
  private SilverRows() {}

  /** Facts of one target, in that target's column order. */
  public static FlatMapFunction<Row, Row> facts(SilverParser parser, Target target) {
    return new Facts(parser, target);
  }

  /** Quarantine records for rows that did not parse. */
  public static FlatMapFunction<Row, Row> quarantine(SilverParser parser) {
    return new Quarantine(parser);
  }

  /** A non-data bronze row as {@code silver.excluded_rows} keeps it: its texts by A1 reference. */
  public static MapFunction<Row, Row> excluded(String runId) {
    return new Excluded(runId);
  }

  private record Excluded(String runId) implements MapFunction<Row, Row>, Serializable {
    @Override
    public Row call(Row b) {
      return Rows.of(
          ExcludedRowsTable.SCHEMA,
          runId,
          b.getAs(BronzeTable.LAYOUT),
          b.getAs(BronzeTable.TARGET),
          b.getAs(BronzeTable.DATASET),
          b.getAs(BronzeTable.SOURCE_PATH),
          b.getAs(BronzeTable.SOURCE_SHA256),
          b.getAs(BronzeTable.SHEET),
          b.getAs(BronzeTable.ROW),
          BronzeTable.lineageId(b),
          b.getAs(BronzeTable.ROW_CLASS),
          b.getAs(BronzeTable.LABEL),
          Rows.map(TableHeaders.textsByRef(b)));
    }
  }

  private record Facts(SilverParser parser, Target target)
      implements FlatMapFunction<Row, Row>, Serializable {
    @Override
    public Iterator<Row> call(Row bronze) {
      SilverParser.Parsed p = parser.parse(bronze);
      if (p.facts().isEmpty()) {
        return java.util.Collections.emptyIterator();
      }
      StructField[] fields = target.schema().fields();
      int[] keySources = target.keySources();
      List<Row> out = new ArrayList<>(p.facts().size());
      for (Map<String, Object> f : p.facts()) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
          Object v = f.get(fields[i].name());
          if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, String> sm = (Map<String, String>) m;
            v = Rows.map(sm);
          }
          values[i] = v;
        }
        for (int i = 0; i < fields.length; i++) {
          if (keySources[i] >= 0) {
            values[i] = MemberKeys.of((String) values[keySources[i]]);
          }
        }
        out.add(Rows.of(target.schema(), values));
      }
      return out.iterator();
    }
  }

  private record Quarantine(SilverParser parser)
      implements FlatMapFunction<Row, Row>, Serializable {
    @Override
    public Iterator<Row> call(Row b) {
      SilverParser.Parsed p = parser.parse(b);
      if (p.problems().isEmpty()) {
        return java.util.Collections.emptyIterator();
      }
      List<Object> problems = new ArrayList<>();
      for (SilverParser.Problem pr : p.problems()) {
        problems.add(
            Rows.of(
                QuarantineTable.PROBLEM,
                pr.reason(),
                pr.column(),
                pr.cell(),
                pr.raw(),
                pr.message(),
                Rows.seq(pr.suggestions())));
      }
      SilverParser.Problem first = p.problems().get(0);
      Row q =
          Rows.of(
              QuarantineTable.SCHEMA,
              parser.runId(),
              b.getAs(BronzeTable.LAYOUT),
              b.getAs(BronzeTable.TARGET),
              b.getAs(BronzeTable.DATASET),
              b.getAs(BronzeTable.SOURCE_PATH),
              b.getAs(BronzeTable.SOURCE_SHA256),
              b.getAs(BronzeTable.SHEET),
              b.getAs(BronzeTable.ROW),
              BronzeTable.lineageId(b),
              first.reason(),
              first.message(),
              first.column(),
              first.cell(),
              Rows.map(p.rawValues()),
              Rows.seq(problems));
      return List.of(q).iterator();
    }
  }
}
