package vn.extrel.warehouse.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.table.FilesTable;
import vn.extrel.warehouse.table.RunStatus;
import vn.extrel.warehouse.util.HadoopConf;

/**
 * The no-Spark path: when the state file still describes the manifest table, and no file, layout,
 * reference list or indicator changed, the run ends here, with no commit.
 */
final class QuickPath {
  private QuickPath() {}

  static Optional<LoadResult> nothingChanged(
      WarehouseConfig config,
      LoadJob.Options options,
      Optional<StateFile> state,
      String runId,
      Instant started,
      boolean force) {
    if (force) {
      return Optional.empty();
    }
    Warehouse w = options.warehouse();
    // On local disk through java.nio: loading Hadoop's file systems would cost half a second.
    boolean local = w.localDir() != null && InputScanner.isLocal(options.input());
    Configuration hadoop = local ? null : HadoopConf.withoutSpark();
    long filesVersion =
        local
            ? StateFile.latestVersionLocal(w.localDir(), FilesTable.ID)
            : StateFile.latestVersion(w, FilesTable.ID, hadoop);
    if (state.isEmpty()
        || state.get().filesVersion() != filesVersion
        // A table a crash or a damaged disk left unusable: the full path repairs it.
        || WarehouseRepair.needed(w, hadoop)
        || !config.silverFingerprint().equals(state.get().silverFingerprint())
        || !config.goldFingerprint().equals(state.get().goldFingerprint())) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    InputScanner scanner = InputScanner.of(config);
    List<SourceFile> files =
        local ? scanner.scanLocal(options.input()) : scanner.scan(options.input(), hadoop);
    Optional<LoadPlan> plan =
        new LoadPlanner(config, false).planWithoutHashing(files, state.get().byPath(), runId);
    if (plan.isEmpty()
        || !plan.get().tasks().isEmpty()
        || (options.prune() && !plan.get().vanished().isEmpty())) {
      return Optional.empty();
    }
    List<FileOutcome> outcomes = new ArrayList<>(plan.get().outcomes());
    outcomes.sort(Comparator.comparing(FileOutcome::path));
    boolean anyFailed = outcomes.stream().anyMatch(FileOutcome::failed);
    Map<String, Long> stages = new LinkedHashMap<>();
    stages.put("scan", (System.nanoTime() - t0) / 1_000_000);
    return Optional.of(
        new LoadResult(
            runId,
            anyFailed ? RunStatus.SUCCEEDED_WITH_ERRORS : RunStatus.NOTHING_TO_DO,
            outcomes,
            Map.of(),
            Instant.now().toEpochMilli() - started.toEpochMilli(),
            state.get().headline(),
            stages,
            0));
  }
}
