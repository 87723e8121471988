package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.quality.RuleEngine;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.silver.SilverRows;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.table.ExcludedRowsTable;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.QuarantineTable;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.table.RuleStatus;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.util.Failpoints;
import vn.extrel.warehouse.util.Parallel;
import vn.extrel.warehouse.util.Scala;

/**
 * Silver from bronze: the facts, the quarantine and the excluded rows of the given file versions
 * replace the rows of the same files, table by table, each in one commit; then their totals are
 * reconciled.
 */
final class SilverStage {

  /** Concurrent table writes: enough to overlap commit latency on two cores without thrashing. */
  static final int WRITE_THREADS = 3;

  private final WarehouseConfig config;

  SilverStage(WarehouseConfig config) {
    this.config = config;
  }

  private Dataset<Row> bronze(SparkSession spark, Warehouse w, Map<String, String> versions) {
    return w.read(spark, BronzeTable.ID)
        .filter(
            expr(
                DeltaWrites.versions(
                    BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, versions)));
  }

  /** The headers of the tables of these file versions, read back from bronze (one Spark job). */
  TableHeaders headers(SparkSession spark, Warehouse w, Map<String, String> versions) {
    return TableHeaders.of(bronze(spark, w, versions));
  }

  /** Rows of one file version by where they ended up: every row read is in exactly one. */
  record Placed(long loaded, long quarantined, long excluded) {}

  /**
   * What writing silver did: each file's rows by place, the files a rule rejected (those rejected
   * before included), the rows written by table, and the row rules' results.
   */
  record Result(
      Map<String, Placed> placed, Map<String, String> rejected, Written written, List<Row> dq) {}

  /** What the totals check found: mismatched totals by file, and the results it wrote. */
  record Reconciled(Map<String, Long> mismatches, Written written) {}

  /**
   * Writes silver for the given file versions, from one pass over their bronze rows: each row is
   * parsed once into facts, a quarantine record or an excluded row. The row rules run on the facts
   * before anything is written: a file a rule rejects is left out of every table (its previous
   * version stays), the rows a quarantine rule rejects go to silver.quarantine instead of their
   * table.
   *
   * @param rejectedBefore files already rejected (by the totals rule), with why
   */
  Result write(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      RuleEngine rules,
      Map<String, String> rejectedBefore,
      TableHeaders headers) {
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), runId, headers);
    Dataset<Row> records =
        bronze(spark, w, versions)
            .flatMap(SilverRows.records(parser), Encoders.row(SilverRows.RECORD))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Checked checked = check(records, rules, rejectedBefore);
      Map<String, String> keep = new LinkedHashMap<>(versions);
      checked.rejected().keySet().forEach(keep::remove);
      if (keep.isEmpty()) {
        return new Result(Map.of(), checked.rejected(), Written.NONE, checked.dq());
      }
      Kept kept = writeKept(spark, w, runId, records, checked, keep.keySet());
      return new Result(kept.placed(), checked.rejected(), kept.written(), checked.dq());
    } finally {
      records.unpersist();
    }
  }

  /**
   * The row rules' verdict on each fact table of the pass.
   *
   * @param facts each table's rows, before the rules
   * @param outcomes each table's rule outcome
   * @param rejected the files a rule rejected (those rejected before included), with why
   * @param dq the row rules' results
   */
  private record Checked(
      Map<FactTable, Dataset<Row>> facts,
      Map<FactTable, RuleEngine.RowOutcome> outcomes,
      Map<String, String> rejected,
      List<Row> dq) {}

  private static Checked check(
      Dataset<Row> records, RuleEngine rules, Map<String, String> rejectedBefore) {
    Map<String, String> rejected = new LinkedHashMap<>(rejectedBefore);
    List<Row> dq = new ArrayList<>();
    Map<FactTable, Dataset<Row>> facts = new LinkedHashMap<>();
    Map<FactTable, RuleEngine.RowOutcome> checked = new LinkedHashMap<>();
    for (FactTable t : FactTables.all()) {
      Dataset<Row> f = part(records, t.name());
      facts.put(t, f);
      RuleEngine.RowOutcome o = rules.rows(f, t);
      checked.put(t, o);
      dq.addAll(o.results());
      o.rejected().forEach(rejected::putIfAbsent);
    }
    return new Checked(facts, checked, rejected, dq);
  }

  /** What writing the kept files did: each file's rows by place, and the rows written by table. */
  private record Kept(Map<String, Placed> placed, Written written) {}

  /** Writes the rows of the kept files to every silver table, each in one commit. */
  private static Kept writeKept(
      SparkSession spark,
      Warehouse w,
      String runId,
      Dataset<Row> records,
      Checked checked,
      Set<String> keep) {
    Column kept = col(Lineage.SOURCE_PATH).isin(keep.toArray());
    String paths = DeltaWrites.in(Lineage.SOURCE_PATH, keep);
    String info = DeltaWrites.commitInfo(runId, "silver", keep);
    List<Callable<Map.Entry<TableId, Long>>> writes = new ArrayList<>();
    List<Dataset<Row>> placed = new ArrayList<>();
    Dataset<Row> ruleQuarantine = null;
    boolean first = true;
    for (FactTable t : FactTables.all()) {
      Split split = split(checked.facts().get(t).filter(kept), checked.outcomes().get(t), t, runId);
      if (split.quarantine() != null) {
        Dataset<Row> q = split.quarantine();
        ruleQuarantine = ruleQuarantine == null ? q : ruleQuarantine.unionByName(q);
      }
      Dataset<Row> good = split.good();
      placed.add(place(good, "loaded"));
      boolean pause = first;
      Map<String, String> props = w.creationProperties(spark, t.table());
      writes.add(
          () -> {
            long n = DeltaWrites.replaceWhere(good, w.path(t.table()), paths, info, props);
            if (pause) {
              Failpoints.hit(Failpoints.BETWEEN_SILVER_TABLES);
            }
            return Map.entry(t.table(), n);
          });
      first = false;
    }
    Dataset<Row> parsedQuarantine = part(records, SilverRows.QUARANTINE).filter(kept);
    Dataset<Row> quarantine =
        ruleQuarantine == null ? parsedQuarantine : parsedQuarantine.unionByName(ruleQuarantine);
    placed.add(place(quarantine, "quarantined"));
    writes.add(replace(w, QuarantineTable.ID, quarantine, paths, info, spark));
    Dataset<Row> excluded = part(records, SilverRows.EXCLUDED).filter(kept);
    placed.add(place(excluded, "excluded"));
    writes.add(replace(w, ExcludedRowsTable.ID, excluded, paths, info, spark));
    // Each table changes in its own commit; the commits are independent, so they run side by
    // side.
    Written written = Written.NONE;
    for (Map.Entry<TableId, Long> e : Parallel.all(writes, WRITE_THREADS)) {
      written = written.plus(e.getKey().qualified(), e.getValue());
    }
    return new Kept(placed(placed), written);
  }

  /** A table's rows to load, and those a quarantine rule rejected as quarantine rows (or null). */
  private record Split(Dataset<Row> good, Dataset<Row> quarantine) {}

  private static Split split(Dataset<Row> f, RuleEngine.RowOutcome o, FactTable t, String runId) {
    if (o.quarantine() == null) {
      return new Split(f, null);
    }
    // A source row with one rejected value leaves silver whole: a row is loaded or
    // quarantined, not both.
    Dataset<Row> bad = f.filter(o.quarantine());
    Dataset<Row> badRows = bad.select(col(Lineage.LINEAGE_ID)).distinct();
    Dataset<Row> q = RuleEngine.asQuarantine(bad, o.reason(), t, runId);
    Dataset<Row> good =
        f.join(badRows, Scala.seq(List.of(Lineage.LINEAGE_ID)), "left_anti")
            .select(
                Arrays.stream(t.schema().fieldNames()).map(functions::col).toArray(Column[]::new));
    return new Split(good, q);
  }

  /**
   * One table's commit, for {@link Parallel#all}; its creation properties are looked up now, on
   * this thread.
   */
  private static Callable<Map.Entry<TableId, Long>> replace(
      Warehouse w,
      TableId table,
      Dataset<Row> rows,
      String paths,
      String info,
      SparkSession spark) {
    Map<String, String> props = w.creationProperties(spark, table);
    return () ->
        Map.entry(table, DeltaWrites.replaceWhere(rows, w.path(table), paths, info, props));
  }

  /** One table's rows of the pass, in the table's own columns. */
  private static Dataset<Row> part(Dataset<Row> records, String kind) {
    return records.filter(col(SilverRows.KIND).equalTo(kind)).select(col(kind + ".*"));
  }

  private static Dataset<Row> place(Dataset<Row> rows, String place) {
    return rows.select(
        col(Lineage.SOURCE_PATH), col(Lineage.LINEAGE_ID), functions.lit(place).as("place"));
  }

  /** Each file's rows by place, counted once each (a row with several facts is one row). */
  private static Map<String, Placed> placed(List<Dataset<Row>> parts) {
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (Row r :
        all.groupBy(col(Lineage.SOURCE_PATH), col("place"))
            .agg(functions.countDistinct(col(Lineage.LINEAGE_ID)))
            .collectAsList()) {
      long[] c = counts.computeIfAbsent(r.getString(0), k -> new long[3]);
      int i =
          switch (r.getString(1)) {
            case "loaded" -> 0;
            case "quarantined" -> 1;
            default -> 2;
          };
      c[i] = r.getLong(2);
    }
    Map<String, Placed> out = new LinkedHashMap<>();
    counts.forEach((k, c) -> out.put(k, new Placed(c[0], c[1], c[2])));
    return out;
  }

  /**
   * Checks the total rows of the given file versions against their detail rows. Results replace
   * earlier results for the same versions, so a rerun does not repeat them.
   */
  Reconciled reconcile(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      TableHeaders headers) {
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), runId, headers);
    Dataset<Row> rows = dataAndTotals(spark, w, versions);
    Reconciler reconciler = new Reconciler(parser, runId);
    // The results are a few rows per total: gather them, count mismatches here, write them once.
    List<Row> found = TotalsCheck.results(rows, reconciler);
    String predicate =
        "rule = '"
            + Reconciler.RULE
            + "' AND "
            + DeltaWrites.in(DqResultsTable.SOURCE_PATH, versions.keySet());
    long n =
        DeltaWrites.replaceWhere(
            spark.createDataFrame(found, DqResultsTable.SCHEMA).coalesce(1),
            w.path(DqResultsTable.ID),
            predicate,
            DeltaWrites.commitInfo(runId, "reconcile", versions.keySet()));
    Map<String, Long> mismatches = new LinkedHashMap<>();
    for (Row r : found) {
      if (!RuleStatus.PASS.wire().equals(r.getAs(DqResultsTable.STATUS))) {
        mismatches.merge(r.getAs(DqResultsTable.SOURCE_PATH), 1L, Long::sum);
      }
    }
    return new Reconciled(mismatches, Written.of(DqResultsTable.ID.qualified(), n));
  }

  /** The data and total rows of the given file versions in bronze, in bronze's columns. */
  private Dataset<Row> dataAndTotals(
      SparkSession spark, Warehouse w, Map<String, String> versions) {
    return bronze(spark, w, versions)
        .filter(col(BronzeTable.ROW_CLASS).isin(RowClass.DATA.wire(), RowClass.TOTAL.wire()));
  }

  /**
   * Removes the rows of files no longer in the input from silver (bronze keeps what was received).
   */
  Written prune(SparkSession spark, Warehouse w, String runId, List<String> paths) {
    String predicate = DeltaWrites.in("source_path", paths);
    String info = DeltaWrites.commitInfo(runId, "prune", paths);
    List<TableId> tables = new ArrayList<>();
    FactTables.all().forEach(t -> tables.add(t.table()));
    tables.add(QuarantineTable.ID);
    tables.add(ExcludedRowsTable.ID);
    List<Callable<Boolean>> deletes = new ArrayList<>();
    for (TableId t : tables) {
      deletes.add(
          () -> {
            Dataset<Row> none = spark.createDataFrame(List.of(), w.read(spark, t).schema());
            DeltaWrites.replaceWhere(
                none, w.path(t), predicate, info, w.creationProperties(spark, t));
            return true;
          });
    }
    Parallel.all(deletes, WRITE_THREADS);
    return Written.of("pruned files", paths.size());
  }
}
