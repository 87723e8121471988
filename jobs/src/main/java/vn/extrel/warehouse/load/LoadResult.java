package vn.extrel.warehouse.load;

import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.RunStatus;

/**
 * The typed result of a load: per-file outcomes, rows written per table, and the headline
 * indicators.
 *
 * @param status {@link RunStatus#SUCCEEDED}, {@link RunStatus#SUCCEEDED_WITH_ERRORS} (some files
 *     failed, the rest loaded) or {@link RunStatus#NOTHING_TO_DO}
 * @param factsWritten table name to rows written by this run
 * @param headline the total rows of {@code gold.indicators}, for the summary
 * @param stageMillis wall time of each stage (scan, bronze, silver, gold, ...), in order
 * @param dqErrors data-quality results of this run at error level (see config/rules)
 * @param repaired tables a forced load found changed outside a load, and what it did, a line each
 */
public record LoadResult(
    String runId,
    RunStatus status,
    List<FileOutcome> files,
    Map<String, Long> factsWritten,
    long elapsedMillis,
    List<HeadlineRow> headline,
    Map<String, Long> stageMillis,
    int dqErrors,
    List<String> repaired) {

  public LoadResult(
      String runId,
      RunStatus status,
      List<FileOutcome> files,
      Map<String, Long> factsWritten,
      long elapsedMillis,
      List<HeadlineRow> headline,
      Map<String, Long> stageMillis,
      int dqErrors) {
    this(
        runId,
        status,
        files,
        factsWritten,
        elapsedMillis,
        headline,
        stageMillis,
        dqErrors,
        List.of());
  }

  public LoadResult withRepaired(List<String> lines) {
    return new LoadResult(
        runId, status, files, factsWritten, elapsedMillis, headline, stageMillis, dqErrors, lines);
  }

  /** One total indicator row for printing. */
  public record HeadlineRow(
      String indicator,
      int year,
      java.math.BigDecimal value,
      String unit,
      Double yoyRatio,
      Double yoyChangePct) {}

  public long rowsRead() {
    return files.stream().mapToLong(FileOutcome::rowsRead).sum();
  }

  public long rowsLoaded() {
    return files.stream().mapToLong(FileOutcome::rowsLoaded).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileOutcome::rowsQuarantined).sum();
  }

  public long rowsExcluded() {
    return files.stream().mapToLong(FileOutcome::rowsExcluded).sum();
  }

  public long count(FileStatus fileStatus) {
    return files.stream().filter(f -> f.status() == fileStatus).count();
  }

  /** A file failed, matched no layout, or a rule found an error: the exit code says so. */
  public boolean anyFailed() {
    return dqErrors > 0 || files.stream().anyMatch(FileOutcome::failed);
  }
}
