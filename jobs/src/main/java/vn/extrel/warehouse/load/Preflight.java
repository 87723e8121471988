package vn.extrel.warehouse.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.ops.OpsErrors;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.ops.TableIntegrity;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;
import vn.extrel.warehouse.util.HadoopConf;

/**
 * What a run finds before it reads a table.
 *
 * @param mended what a crash or a damaged disk left half-made, repaired: a line per table
 * @param damage tables changed outside a load (repaired by a forced load)
 * @param force whether the run reads every file again: {@code --force}, or a table was repaired
 */
record Preflight(List<String> mended, List<TableIntegrity.Damage> damage, boolean force) {

  static Preflight check(
      Warehouse w, Optional<StateFile> state, String runId, boolean force, LoadListener listener) {
    // Before anything reads a table: what a crash or a damaged disk left half-made is repaired, or
    // the first read of it would fail this run and every one after it.
    boolean localLog = w.localDir() != null;
    List<String> mended =
        WarehouseRepair.needed(w, localLog ? null : HadoopConf.withoutSpark())
            ? WarehouseRepair.run(w, HadoopConf.withoutSpark(), runId)
            : List.of();
    mended.forEach(n -> listener.repaired(runId, n));
    // A repaired table is behind what the manifest describes (set back, or gone with its only
    // commit): the run reads every file again, as --force, so every table ends as a clean load
    // leaves it.
    boolean repaired = !mended.isEmpty();
    // A table someone else changed would be loaded on top of, and its indicators published: a load
    // stops and says so, a forced load repairs it first. A table the repair above set back is
    // behind the state file by design: then only the newest commits are read.
    List<TableIntegrity.Damage> damage =
        TableIntegrity.check(
            w,
            repaired ? null : state.map(StateFile::tableVersions).orElse(null),
            localLog ? null : HadoopConf.withoutSpark());
    if (!damage.isEmpty() && !force) {
      UserException e = OpsErrors.changedOutsideALoad(damage);
      listener.runFailed(runId, e);
      throw e;
    }
    return new Preflight(mended, damage, force || repaired);
  }

  /**
   * The tables changed outside a load, repaired (with Spark); returns every repair of the run, the
   * half-made ones first, a line per table.
   */
  List<String> repairAll(SparkSession spark, Warehouse w, String runId, Stages stages) {
    List<String> repaired = new ArrayList<>(mended);
    if (!damage.isEmpty()) {
      repaired.addAll(repair(spark, w, runId, damage, stages));
    }
    return List.copyOf(repaired);
  }

  /**
   * Puts each table changed outside a load back as the last load left it, in one commit of this
   * run; a table no load version is left of (its log replaced or gone) is moved aside, for the
   * record, and created again by the forced load that follows, which rewrites every table from the
   * sources.
   *
   * @return what was done, a line per table
   */
  private static List<String> repair(
      SparkSession spark,
      Warehouse w,
      String runId,
      List<TableIntegrity.Damage> damage,
      Stages stages) {
    stages.started(
        "repair", String.join(", ", damage.stream().map(d -> d.table().qualified()).toList()));
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> done = new ArrayList<>();
    for (TableIntegrity.Damage d : damage) {
      if (!WarehouseTables.all().containsKey(d.table())) {
        done.add(
            d.table().qualified()
                + ": not one of the warehouse's tables, left as it is; remove "
                + w.path(d.table())
                + " if nobody needs it");
        continue;
      }
      long good =
          d.version() < 0
              ? -1
              : TableIntegrity.lastLoadedVersion(w, d.table(), d.version(), hadoop);
      if (good >= 0) {
        try {
          DeltaWrites.restore(
              spark, w.path(d.table()), good, DeltaWrites.commitInfo(runId, "repair", List.of()));
          done.add(d.table().qualified() + ": restored to version " + good + ", then reloaded");
          continue;
        } catch (RuntimeException e) {
          // The files of that version are gone (VACUUM): start the table again below.
        }
      }
      done.add(
          d.table().qualified()
              + ": moved aside to "
              + moveAside(w, d.table(), runId, hadoop)
              + ", then reloaded");
    }
    stages.done("repair");
    return done;
  }

  /** Moves a table's folder to {@code <warehouse>/_damaged/<run>/<db>/<name>}; returns where. */
  private static String moveAside(Warehouse w, TableId t, String runId, Configuration hadoop) {
    org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(w.path(t));
    org.apache.hadoop.fs.Path to =
        new org.apache.hadoop.fs.Path(
            w.root() + "/_damaged/" + runId + "/" + t.database() + "/" + t.name());
    try {
      org.apache.hadoop.fs.FileSystem fs = from.getFileSystem(hadoop);
      if (fs.exists(from)) {
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
          throw new IOException("rename returned false");
        }
      }
      return to.toString();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot move " + from + " aside to " + to + ": " + e.getMessage(), e);
    }
  }
}
