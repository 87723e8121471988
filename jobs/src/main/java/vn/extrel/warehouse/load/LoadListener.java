package vn.extrel.warehouse.load;

/**
 * What a load tells the outside while it runs: the terminal's progress lines and the JSON event log
 * both listen. Calls come from the driver thread (and the table-writing threads), never from
 * executors.
 */
public interface LoadListener {

  LoadListener NONE = new LoadListener() {};

  default void runStarted(String runId, String command, String input, String warehouse) {}

  /**
   * A stage began: repair (tables changed outside a load, with {@code --force}), scan, bronze,
   * silver, silver-reparse (changed layouts or reference lists), prune ({@code --prune}), partners,
   * gold, manifest (the rules' results, the file loads and the manifest written). The data-quality
   * rules have no stage of their own: they run within silver and gold.
   */
  default void stageStarted(String runId, String stage, String detail) {}

  /**
   * A stage ended, with its own time: those above, and run-log and finish (the run's record in
   * ops.load_runs, and the state file), which have no start of their own: each begins where the
   * step before it ends.
   */
  default void stageFinished(String runId, String stage, long millis) {}

  default void fileFinished(String runId, FileOutcome outcome) {}

  default void runFinished(String runId, LoadResult result) {}

  /** A table folder a crash or a damaged disk left unusable was repaired; one line says how. */
  default void repaired(String runId, String note) {}

  default void runFailed(String runId, Throwable error) {}

  /** Both listeners, in order. */
  static LoadListener both(LoadListener a, LoadListener b) {
    return new LoadListener() {
      @Override
      public void runStarted(String runId, String command, String input, String warehouse) {
        a.runStarted(runId, command, input, warehouse);
        b.runStarted(runId, command, input, warehouse);
      }

      @Override
      public void stageStarted(String runId, String stage, String detail) {
        a.stageStarted(runId, stage, detail);
        b.stageStarted(runId, stage, detail);
      }

      @Override
      public void stageFinished(String runId, String stage, long millis) {
        a.stageFinished(runId, stage, millis);
        b.stageFinished(runId, stage, millis);
      }

      @Override
      public void fileFinished(String runId, FileOutcome outcome) {
        a.fileFinished(runId, outcome);
        b.fileFinished(runId, outcome);
      }

      @Override
      public void runFinished(String runId, LoadResult result) {
        a.runFinished(runId, result);
        b.runFinished(runId, result);
      }

      @Override
      public void repaired(String runId, String note) {
        a.repaired(runId, note);
        b.repaired(runId, note);
      }

      @Override
      public void runFailed(String runId, Throwable error) {
        a.runFailed(runId, error);
        b.runFailed(runId, error);
      }
    };
  }
}
