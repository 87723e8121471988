package vn.extrel.warehouse.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time per stage, for the summary, the event log and the benchmarks. */
final class Stages {
  final Map<String, Long> millis = new LinkedHashMap<>();
  private final LoadListener listener;
  private final String runId;
  long last = System.nanoTime();

  Stages(LoadListener listener, String runId) {
    this.listener = listener;
    this.runId = runId;
  }

  void started(String stage, String detail) {
    listener.stageStarted(runId, stage, detail);
  }

  /** Runs one stage: its time is its own, from start to end. */
  <T> T time(String stage, String detail, Supplier<T> work) {
    started(stage, detail);
    long from = System.nanoTime();
    T out = work.get();
    finish(stage, from);
    return out;
  }

  /** Ends a step that began when the one before it ended. */
  void done(String stage) {
    finish(stage, last);
  }

  private void finish(String stage, long from) {
    long now = System.nanoTime();
    long ms = (now - from) / 1_000_000;
    millis.merge(stage, ms, Long::sum);
    listener.stageFinished(runId, stage, ms);
    last = now;
  }
}
