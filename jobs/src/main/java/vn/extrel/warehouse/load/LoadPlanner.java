package vn.extrel.warehouse.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.Manifest;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.util.Hashing;

/**
 * Compares the input folder with the manifest: a file with the same size, time and change stamp
 * (inode and ctime on local disk) as last time, under the same layout, is unchanged without being
 * read; any other file is hashed, and unchanged if its SHA-256 is. A file that failed is read
 * again.
 */
final class LoadPlanner {

  private final WarehouseConfig config;
  private final boolean force;

  LoadPlanner(WarehouseConfig config, boolean force) {
    this.config = config;
    this.force = force;
  }

  /**
   * The plan, or empty when it would need to hash a file: the no-Spark fast path then gives way to
   * the full one.
   */
  Optional<LoadPlan> planWithoutHashing(
      List<SourceFile> files, Map<String, Manifest.Entry> known, String runId) {
    return tryPlan(files, known, runId, null);
  }

  LoadPlan plan(
      List<SourceFile> files,
      Map<String, Manifest.Entry> known,
      String runId,
      Configuration hadoop) {
    return tryPlan(files, known, runId, hadoop).orElseThrow();
  }

  /**
   * @param hadoop null: do not hash, give up instead
   */
  private Optional<LoadPlan> tryPlan(
      List<SourceFile> files,
      Map<String, Manifest.Entry> known,
      String runId,
      Configuration hadoop) {
    List<FileOutcome> outcomes = new ArrayList<>();
    List<FileTask> tasks = new ArrayList<>();
    List<Manifest.Entry> touched = new ArrayList<>();
    Map<String, SourceFile> byPath = new LinkedHashMap<>();
    for (SourceFile f : files) {
      if (FileStatus.SKIPPED.equals(f.problem()) || FileStatus.IGNORED.equals(f.problem())) {
        // Never read, never in the manifest: a file known before is now vanished.
        outcomes.add(
            new FileOutcome(f.path(), null, null, null, f.problem(), null, f.detail(), 0, 0, 0, 0));
        continue;
      }
      byPath.put(f.path(), f);
      Manifest.Entry m = known.get(f.path());
      if (f.layoutId() == null) {
        outcomes.add(unmatched(f));
        boolean same = m != null && f.problem().equals(m.status()) && f.sameAs(m);
        if (!same) {
          if (hadoop == null) {
            return Optional.empty();
          }
          touched.add(unmatched(f, m, runId));
        }
        continue;
      }
      String layoutHash = config.layoutHash(f.layoutId());
      boolean sameLayout =
          m != null && f.layoutId().equals(m.layout()) && layoutHash.equals(m.layoutHash());
      // A file that failed is read again every run until it loads or changes: its failure is
      // reported (and counted in the exit code) every night, not just the first.
      boolean settled = m != null && FileStatus.LOADED.equals(m.status());
      if (!force && sameLayout && settled && f.sameAs(m)) {
        outcomes.add(unchanged(m));
        continue;
      }
      if (hadoop == null) {
        return Optional.empty();
      }
      String sha = sha256(f, hadoop);
      if (!force && sameLayout && settled && sha.equals(m.sha256())) {
        outcomes.add(unchanged(m));
        // Touched but identical: remember the new time so the next run need not hash it again.
        touched.add(withTime(m, f));
        continue;
      }
      tasks.add(new FileTask(f.uri(), f.path(), sha, f.size(), f.layoutId()));
    }
    List<Manifest.Entry> vanished = new ArrayList<>();
    for (Manifest.Entry e : known.values()) {
      if (!byPath.containsKey(e.path()) && !FileStatus.PRUNED.equals(e.status())) {
        vanished.add(e);
        outcomes.add(vanished(e));
      }
    }
    return Optional.of(new LoadPlan(outcomes, tasks, touched, vanished, known, byPath));
  }

  /** The outcome of a file no layout claims, or more than one. */
  private static FileOutcome unmatched(SourceFile f) {
    return new FileOutcome(
        f.path(), null, null, null, f.problem(), f.problem().name(), f.detail(), 0, 0, 0, 0);
  }

  /** The manifest entry of a file no layout claims (or more than one), new or changed. */
  private static Manifest.Entry unmatched(SourceFile f, Manifest.Entry m, String runId) {
    return new Manifest.Entry(
        f.path(),
        f.size(),
        f.modifiedMillis(),
        null,
        null,
        null,
        null,
        f.problem(),
        f.problem().name(),
        f.detail(),
        0,
        0,
        0,
        0,
        m == null ? 0 : m.revision(),
        m == null ? runId : m.firstRun(),
        runId,
        f.changeStamp());
  }

  private static FileOutcome vanished(Manifest.Entry e) {
    return new FileOutcome(
        e.path(),
        e.layout(),
        e.target(),
        e.sha256(),
        FileStatus.VANISHED,
        null,
        e.path()
            + ": no longer in the input folder; its rows are kept (load with --prune to remove them)",
        e.rowsRead(),
        e.rowsLoaded(),
        e.rowsQuarantined(),
        e.rowsExcluded());
  }

  static FileOutcome unchanged(Manifest.Entry m) {
    return new FileOutcome(
        m.path(),
        m.layout(),
        m.target(),
        m.sha256(),
        FileStatus.UNCHANGED,
        m.errorCode(),
        m.error(),
        m.rowsRead(),
        m.rowsLoaded(),
        m.rowsQuarantined(),
        m.rowsExcluded());
  }

  private static Manifest.Entry withTime(Manifest.Entry m, SourceFile f) {
    return new Manifest.Entry(
        m.path(),
        f.size(),
        f.modifiedMillis(),
        m.sha256(),
        m.layout(),
        m.layoutHash(),
        m.target(),
        m.status(),
        m.errorCode(),
        m.error(),
        m.rowsRead(),
        m.rowsLoaded(),
        m.rowsQuarantined(),
        m.rowsExcluded(),
        m.revision(),
        m.firstRun(),
        m.lastRun(),
        f.changeStamp());
  }

  private static String sha256(SourceFile f, Configuration hadoop) {
    try {
      return Hashing.sha256(f.uri(), hadoop);
    } catch (IOException e) {
      throw LoadErrors.cannotChecksum(f.path(), e);
    }
  }
}
