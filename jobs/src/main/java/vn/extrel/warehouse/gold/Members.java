package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.MemberKeys;

/**
 * The members of {@code silver.member_keys}, read once per build, and those this build looked up in
 * silver, kept in one commit at its end.
 */
final class Members {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private Map<Long, String> known;
  private final List<Row> added = new ArrayList<>();

  Members(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  private Map<Long, String> known() {
    if (known == null) {
      known = new HashMap<>();
      if (warehouse.exists(spark, MemberKeys.ID)) {
        for (Row r : warehouse.read(spark, MemberKeys.ID).collectAsList()) {
          known.put(r.getLong(0), r.getString(1));
        }
      }
    }
    return known;
  }

  /**
   * Keeps the members of the table's keyed columns that {@code silver.member_keys} does not know
   * yet: one small query (the distinct members), and a look-up of the new keys' texts.
   */
  void record(Dataset<Row> silver, FactTable target) {
    if (target.keyed().isEmpty()) {
      return;
    }
    Dataset<Row> keys = null;
    for (String c : target.keyed()) {
      Dataset<Row> one =
          silver.select(lit(c).as("c"), col(FactTable.keyOf(c)).as(MemberKeys.KEY)).distinct();
      keys = keys == null ? one : keys.union(one);
    }
    Map<String, Set<Long>> missing = new LinkedHashMap<>();
    for (Row r : keys.filter(col(MemberKeys.KEY).isNotNull()).collectAsList()) {
      if (!known().containsKey(r.getLong(1))) {
        missing.computeIfAbsent(r.getString(0), x -> new TreeSet<>()).add(r.getLong(1));
      }
    }
    if (!missing.isEmpty()) {
      lookUp(silver, target, missing);
    }
  }

  /** The members of these keys, from silver, in one query. */
  private void lookUp(Dataset<Row> silver, FactTable target, Map<String, Set<Long>> keys) {
    Dataset<Row> found = null;
    for (Map.Entry<String, Set<Long>> e : keys.entrySet()) {
      Dataset<Row> one =
          silver
              .filter(col(FactTable.keyOf(e.getKey())).isin(e.getValue().toArray()))
              .select(
                  col(FactTable.keyOf(e.getKey())).as(MemberKeys.KEY),
                  col(e.getKey()).as(MemberKeys.MEMBER));
      found = found == null ? one : found.union(one);
    }
    for (Row r : found.distinct().collectAsList()) {
      String before = known().putIfAbsent(r.getLong(0), r.getString(1));
      if (before == null) {
        added.add(r);
      } else if (!before.equals(r.getString(1))) {
        throw new IllegalStateException(
            "member key "
                + r.getLong(0)
                + " is the key of both '"
                + before
                + "' and '"
                + r.getString(1)
                + "' in "
                + target.table().qualified()
                + ": two members with one 64-bit hash, which should never happen; report it"
                + " with the two texts");
      }
    }
  }

  /** Appends the members looked up in silver to {@code silver.member_keys}: one commit. */
  void keepAdded(String runId) {
    if (!added.isEmpty()) {
      DeltaWrites.append(
          spark.createDataFrame(added, MemberKeys.SCHEMA).coalesce(1),
          warehouse.path(MemberKeys.ID),
          DeltaWrites.commitInfo(runId, "member keys", List.of()));
      added.clear();
    }
  }
}
