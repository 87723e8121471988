package vn.extrel.warehouse.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.RunStatus;

/** Writes {@code ops.load_runs}: a row when a run starts, completed when it ends. */
public final class RunLog {

  private final Warehouse warehouse;
  private Object[] startedRow;

  public RunLog(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public void started(SparkSession spark, String runId, String command, String input, Instant at) {
    Object[] values = new Object[LoadRunsTable.SCHEMA.size()];
    values[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.RUN_ID)] = runId;
    values[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.COMMAND)] = command;
    values[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.STARTED_AT)] = Timestamp.from(at);
    values[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.STATUS)] = RunStatus.RUNNING.wire();
    values[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.INPUT)] = input;
    startedRow = values.clone();
    DeltaWrites.append(
        spark.createDataFrame(List.of(RowFactory.create(values)), LoadRunsTable.SCHEMA),
        warehouse.path(LoadRunsTable.ID),
        DeltaWrites.commitInfo(runId, "run-started", List.of()));
  }

  /** Completes the run's row with its outcome, replacing it in one commit. */
  public void finished(SparkSession spark, String runId, Map<String, Object> values) {
    String predicate = LoadRunsTable.RUN_ID + " = " + DeltaWrites.literal(runId);
    Object[] row =
        startedRow != null ? startedRow.clone() : new Object[LoadRunsTable.SCHEMA.size()];
    row[LoadRunsTable.SCHEMA.fieldIndex(LoadRunsTable.RUN_ID)] = runId;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      row[LoadRunsTable.SCHEMA.fieldIndex(e.getKey())] =
          v instanceof Instant i ? Timestamp.from(i) : v;
    }
    DeltaWrites.replaceWhere(
        spark.createDataFrame(List.of(RowFactory.create(row)), LoadRunsTable.SCHEMA),
        warehouse.path(LoadRunsTable.ID),
        predicate,
        DeltaWrites.commitInfo(runId, "run-finished", List.of()));
  }

  /** The last run that completed (with or without file errors), if any. */
  public Optional<Row> lastCompleted(SparkSession spark) {
    if (!warehouse.exists(spark, LoadRunsTable.ID)) {
      return Optional.empty();
    }
    Dataset<Row> df =
        warehouse
            .read(spark, LoadRunsTable.ID)
            .filter(
                functions
                    .col(LoadRunsTable.STATUS)
                    .isin(
                        java.util.Arrays.stream(RunStatus.values())
                            .filter(RunStatus::completed)
                            .map(RunStatus::wire)
                            .toArray()))
            .orderBy(functions.col(LoadRunsTable.STARTED_AT).desc())
            .limit(1);
    List<Row> rows = df.collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }
}
