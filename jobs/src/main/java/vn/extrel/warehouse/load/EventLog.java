package vn.extrel.warehouse.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.util.Invocation;

/**
 * The JSON-lines event log of loads and nightly runs: one object per line, appended, readable by
 * any log shipper and by {@code warehouse status} without Spark. Runs that found nothing to change
 * are here too, though they make no Delta commit.
 */
public final class EventLog implements LoadListener {

  /** The environment variable that points at the log file. */
  public static final String ENV = "WAREHOUSE_LOG";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public EventLog(Path file) {
    this.file = file;
  }

  /**
   * --log, else $WAREHOUSE_LOG, else {@code _logs/events.jsonl} in the warehouse's folder on this
   * machine ({@link Warehouse#machineDir}).
   */
  public static Path locate(Path explicit, Warehouse w) {
    if (explicit != null) {
      return explicit;
    }
    Invocation at = Invocation.current();
    String env = at.env(ENV);
    if (env != null && !env.isBlank()) {
      return at.path(env);
    }
    return w.machineDir().resolve("_logs/events.jsonl");
  }

  public Path file() {
    return file;
  }

  public synchronized void write(String event, String runId, ObjectNode fields) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ts", Instant.now().toString());
    n.put("event", event);
    n.put("run_id", runId);
    if (fields != null) {
      n.setAll(fields);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JSON.writeValueAsString(n) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the event log " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void runStarted(String runId, String command, String input, String warehouse) {
    ObjectNode f = JSON.createObjectNode();
    f.put("command", command)
        .put("input", input)
        .put("warehouse", warehouse)
        .put("pid", ProcessHandle.current().pid());
    write("run_started", runId, f);
  }

  @Override
  public void stageStarted(String runId, String stage, String detail) {
    write(
        "stage_started", runId, JSON.createObjectNode().put("stage", stage).put("detail", detail));
  }

  @Override
  public void stageFinished(String runId, String stage, long millis) {
    write(
        "stage_finished", runId, JSON.createObjectNode().put("stage", stage).put("millis", millis));
  }

  @Override
  public void fileFinished(String runId, FileOutcome o) {
    ObjectNode f = JSON.createObjectNode();
    f.put("path", o.path())
        .put("status", o.status().wire())
        .put("layout", o.layout())
        .put("sha256", o.sha256());
    f.put("rows_read", o.rowsRead())
        .put("rows_loaded", o.rowsLoaded())
        .put("rows_quarantined", o.rowsQuarantined());
    f.put("rows_excluded", o.rowsExcluded());
    if (o.errorCode() != null) {
      f.put("error_code", o.errorCode()).put("error", o.message());
    }
    write("file_finished", runId, f);
  }

  @Override
  public void runFinished(String runId, LoadResult r) {
    ObjectNode f = JSON.createObjectNode();
    f.put("status", r.status().wire())
        .put("millis", r.elapsedMillis())
        .put("files", r.files().size());
    f.put("files_loaded", r.count(FileStatus.LOADED))
        .put("files_unchanged", r.count(FileStatus.UNCHANGED));
    f.put("files_failed", r.count(FileStatus.FAILED))
        .put("rows_read", r.rowsRead())
        .put("rows_loaded", r.rowsLoaded());
    f.put("rows_quarantined", r.rowsQuarantined()).put("rows_excluded", r.rowsExcluded());
    write("run_finished", runId, f);
  }

  @Override
  public void repaired(String runId, String note) {
    write("table_repaired", runId, JSON.createObjectNode().put("message", note));
  }

  @Override
  public void runFailed(String runId, Throwable error) {
    write(
        "run_failed",
        runId,
        JSON.createObjectNode().put("error", String.valueOf(error.getMessage())));
  }

  /** The last {@code n} events of the given kinds, oldest first. */
  public List<JsonNode> last(int n, List<String> events) {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(
          l -> {
            try {
              JsonNode node = JSON.readTree(l);
              if (events.contains(node.path("event").asText())) {
                out.add(node);
                if (out.size() > n) {
                  out.remove(0);
                }
              }
            } catch (IOException e) {
              // a line cut by a crash: skip it
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
