package vn.extrel.warehouse.silver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.ExcludedRowsTable;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.MemberKeys;
import vn.extrel.warehouse.table.QuarantineTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.Rows;

/**
 * The executor-side step from bronze to silver: each bronze row is parsed once and ends up in
 * exactly one place, as facts of its target table, as a quarantine record, or as an excluded row
 * with its class. A load writes every silver table from this one pass.
 */
public final class SilverRows {
  private SilverRows() {}

  /** Which table a record of {@link #RECORD} belongs to: a target's name, or one of these. */
  public static final String KIND = "kind";

  public static final String QUARANTINE = "quarantine";
  public static final String EXCLUDED = "excluded";

  /**
   * One record of the pass: {@link #KIND} and one struct column per table (a target's name, {@link
   * #QUARANTINE}, {@link #EXCLUDED}), of which only the record's own is set.
   */
  public static final StructType RECORD;

  static {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
    for (FactTable t : FactTables.all()) {
      fields.add(DataTypes.createStructField(t.name(), t.schema(), true));
    }
    fields.add(DataTypes.createStructField(QUARANTINE, QuarantineTable.SCHEMA, true));
    fields.add(DataTypes.createStructField(EXCLUDED, ExcludedRowsTable.SCHEMA, true));
    RECORD = DataTypes.createStructType(fields);
  }

  /**
   * What one bronze row becomes: facts of {@code target} (a data row, or a total row of a table of
   * figures), a quarantine record (a data row that did not parse), or an excluded row (every other
   * row, and a row that gives no fact). Exactly one of the three is non-empty.
   */
  public record Outcome(FactTable target, List<Row> facts, Row quarantine, Row excluded) {}

  /** The outcome of a bronze row that is not a file's error row. */
  public static Outcome outcome(SilverParser parser, Row bronze) {
    RowClass cls = RowClass.of(bronze.getAs(BronzeTable.ROW_CLASS));
    FactTable target = FactTables.ALL.get(bronze.<String>getAs(BronzeTable.TARGET));
    boolean data = cls == RowClass.DATA;
    boolean total = cls == RowClass.TOTAL && target.isLongFacts();
    if (!data && !total) {
      return new Outcome(target, List.of(), null, excluded(bronze, parser.runId(), cls));
    }
    SilverParser.Parsed p = parser.parse(bronze);
    if (!p.facts().isEmpty()) {
      return new Outcome(target, facts(p, target), null, null);
    }
    if (data && !p.problems().isEmpty()) {
      return new Outcome(target, List.of(), quarantine(parser, bronze, p), null);
    }
    // A total row that does not read (its reconciliation says so) or a row with no figure.
    return new Outcome(
        target, List.of(), null, excluded(bronze, parser.runId(), data ? RowClass.EMPTY : cls));
  }

  /** The pass over bronze rows, as {@link #RECORD}s. */
  public static FlatMapFunction<Row, Row> records(SilverParser parser) {
    return new Records(parser);
  }

  private record Records(SilverParser parser) implements FlatMapFunction<Row, Row>, Serializable {
    @Override
    public Iterator<Row> call(Row bronze) {
      if (RowClass.FILE_ERROR.wire().equals(bronze.getAs(BronzeTable.ROW_CLASS))) {
        return java.util.Collections.emptyIterator();
      }
      Outcome o = outcome(parser, bronze);
      int width = RECORD.size();
      List<Row> out = new ArrayList<>(Math.max(1, o.facts().size()));
      if (o.quarantine() != null) {
        out.add(record(width, QUARANTINE, o.quarantine()));
      } else if (o.excluded() != null) {
        out.add(record(width, EXCLUDED, o.excluded()));
      } else {
        for (Row f : o.facts()) {
          out.add(record(width, o.target().name(), f));
        }
      }
      return out.iterator();
    }

    private static Row record(int width, String kind, Row value) {
      Object[] v = new Object[width];
      v[0] = kind;
      v[RECORD.fieldIndex(kind)] = value;
      return Rows.of(RECORD, v);
    }
  }

  /** A bronze row as {@code silver.excluded_rows} keeps it: its texts by A1 reference. */
  static Row excluded(Row b, String runId, RowClass rowClass) {
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
        rowClass.wire(),
        b.getAs(BronzeTable.LABEL),
        Rows.map(TableHeaders.textsByRef(b)));
  }

  private static List<Row> facts(SilverParser.Parsed p, FactTable target) {
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
    return out;
  }

  /** The quarantine record of a data row that did not parse: its first problem, and all of them. */
  public static Row quarantine(SilverParser parser, Row b, SilverParser.Parsed p) {
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
    return Rows.of(
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
  }
}
