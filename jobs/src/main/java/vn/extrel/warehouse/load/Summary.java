package vn.extrel.warehouse.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.RunStatus;

/** The load's result, summed up from what each stage returned. */
final class Summary {
  private Summary() {}

  static LoadResult of(
      SparkSession spark,
      Warehouse w,
      String runId,
      Instant started,
      Scan scan,
      Fresh fresh,
      Reparsed again,
      Pruned gone,
      Gold gold,
      boolean silverChanged,
      int dqErrors,
      Stages stages) {
    List<FileOutcome> outcomes = new ArrayList<>(scan.plan().outcomes());
    if (!gone.paths().isEmpty()) {
      outcomes.removeIf(o -> FileStatus.VANISHED.equals(o.status()));
    }
    outcomes.addAll(fresh.outcomes());
    outcomes.addAll(gone.outcomes());
    outcomes.sort(Comparator.comparing(FileOutcome::path));
    boolean anyFailed = outcomes.stream().anyMatch(FileOutcome::failed) || dqErrors > 0;
    boolean nothing = scan.plan().tasks().isEmpty() && !silverChanged && !scan.regold();
    RunStatus status =
        anyFailed
            ? RunStatus.SUCCEEDED_WITH_ERRORS
            : nothing ? RunStatus.NOTHING_TO_DO : RunStatus.SUCCEEDED;
    Written written =
        fresh.written().plus(again.written()).plus(gone.written()).plus(gold.written());
    return new LoadResult(
        runId,
        status,
        outcomes,
        new LinkedHashMap<>(written.rows()),
        Instant.now().toEpochMilli() - started.toEpochMilli(),
        GoldStage.headline(spark, w),
        stages.millis,
        dqErrors);
  }
}
