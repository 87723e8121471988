package vn.extrel.warehouse.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;

/**
 * Gives the warehouse's tables their names ({@code gold.indicators}) in a session. There is no
 * metastore: every process binds the names to the folders it finds, so a SQL shell, a Spark Connect
 * server and a running load all see the same tables and never lock each other out.
 */
public final class WarehouseCatalog {
  private WarehouseCatalog() {}

  public static final List<String> DATABASES = List.of("bronze", "silver", "gold", "ops");

  /** Which warehouse each live session is bound to. */
  private static final Map<SparkSession, String> BOUND = new java.util.WeakHashMap<>();

  /**
   * Registers every Delta table under the warehouse root by name, and the given views. Re-binding a
   * session to another warehouse replaces the names.
   */
  public static List<TableId> bind(
      SparkSession spark, Warehouse warehouse, Map<String, String> goldViews) {
    return bind(spark, warehouse, goldViews, Optional.empty());
  }

  /**
   * Like {@link #bind(SparkSession, Warehouse, Map)}, for the tables and views named in {@code
   * only} ({@code db.name}, lower case; with what those views read, see {@code
   * PlanAccess.tablesRead}); every name when empty. Each table bound replays its Delta log, so a
   * one-shot query pays only for the tables it reads.
   */
  public static synchronized List<TableId> bind(
      SparkSession spark,
      Warehouse warehouse,
      Map<String, String> goldViews,
      Optional<Set<String>> wanted) {
    String previous = BOUND.get(spark);
    if (previous != null && !previous.equals(warehouse.root())) {
      unbind(spark);
    }
    Map<String, String> views = new java.util.LinkedHashMap<>(goldViews);
    wanted.ifPresent(
        names ->
            views.keySet().removeIf(v -> !names.contains("gold." + v.toLowerCase(Locale.ROOT))));
    List<TableId> tables = new ArrayList<>(discover(spark, warehouse));
    wanted.ifPresent(names -> tables.removeIf(t -> !names.contains(t.qualified())));
    for (String db : DATABASES) {
      if (!spark.catalog().databaseExists(db)) { // a look-up; the statement is planned each time
        spark.sql("CREATE DATABASE IF NOT EXISTS " + db);
      }
    }
    for (TableId t : tables) {
      if (!spark.catalog().tableExists(t.database(), t.name())) {
        spark.sql(
            "CREATE TABLE IF NOT EXISTS "
                + t.qualified()
                + " USING delta LOCATION '"
                + warehouse.path(t).replace("'", "\\'")
                + "'");
      }
    }
    for (Map.Entry<String, String> v : views.entrySet()) {
      try {
        spark.sql("CREATE OR REPLACE VIEW gold." + v.getKey() + " AS " + v.getValue());
      } catch (Exception e) { // Scala's AnalysisException, undeclared
        // A warehouse not loaded yet has no tables for the view to read: queries of other tables
        // still run, and the view comes with the first load. Any other mistake in a view is news.
        if (!(e instanceof org.apache.spark.sql.AnalysisException a
            && "TABLE_OR_VIEW_NOT_FOUND".equals(a.getCondition()))) {
          throw e;
        }
      }
    }
    BOUND.put(spark, warehouse.root());
    return tables;
  }

  /** Drops the names (never the data: the tables are external). */
  public static synchronized void unbind(SparkSession spark) {
    for (String db : DATABASES) {
      if (spark.catalog().databaseExists(db)) {
        spark.sql("DROP DATABASE IF EXISTS " + db + " CASCADE");
      }
    }
    BOUND.remove(spark);
  }

  /** Why {@link #unavailable} names a table no load has written yet. */
  public static final String NOT_LOADED = "not loaded yet";

  /** Whether readers can open a table in this state: committed, its newest commit whole. */
  private static boolean usable(TableLog.State state) {
    return state == TableLog.State.WHOLE || state == TableLog.State.LEFTOVERS;
  }

  /**
   * The warehouse's tables that readers cannot see now, each with why: not loaded yet, never
   * created (a first commit a kill stopped), or a newest commit that is damaged. The next load
   * repairs the last two.
   */
  public static Map<TableId, String> unavailable(SparkSession spark, Warehouse warehouse) {
    Map<TableId, String> out = new java.util.LinkedHashMap<>();
    try {
      TableLog.Folder folder = TableLog.of(warehouse.fileSystem(spark));
      for (TableId t : WarehouseTables.all().keySet()) {
        TableLog.Inspection i = TableLog.inspect(folder, warehouse, t);
        if (!usable(i.state())) {
          out.put(
              t,
              i.state() == TableLog.State.ABSENT
                  ? NOT_LOADED
                  : i.problem() + "; the next load repairs it");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot list the warehouse at " + warehouse.root() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The Delta tables present under the root: folders {@code db/name} whose {@code _delta_log} holds
   * a commit, the newest one whole. A log folder without one is a table never created (a first
   * commit stopped by a kill, see {@link TableLog}), one whose newest commit is cut short cannot be
   * opened: both are left out (see {@link #unavailable}), and the next load repairs them.
   */
  public static List<TableId> discover(SparkSession spark, Warehouse warehouse) {
    List<TableId> out = new ArrayList<>();
    try {
      FileSystem fs = warehouse.fileSystem(spark);
      TableLog.Folder folder = TableLog.of(fs);
      for (String db : DATABASES) {
        Path dbPath = new Path(warehouse.root() + "/" + db);
        if (!fs.exists(dbPath)) {
          continue;
        }
        for (FileStatus st : fs.listStatus(dbPath)) {
          TableId id = new TableId(db, st.getPath().getName());
          if (st.isDirectory() && usable(TableLog.inspect(folder, warehouse, id).state())) {
            out.add(id);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot list the warehouse at " + warehouse.root() + ": " + e.getMessage(), e);
    }
    return out;
  }
}
