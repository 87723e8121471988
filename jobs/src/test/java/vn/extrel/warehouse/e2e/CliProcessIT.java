package vn.extrel.warehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.testing.WarehouseProcess;
import vn.extrel.warehouse.testing.WarehouseProcess.Result;

/**
 * The README's commands as users and cron run them, each a real {@code bin/warehouse} process on
 * one warehouse folder: two loads started together, queries from a second process, a nightly that
 * has nothing to do, and the scheduler.
 */
class CliProcessIT {

  @TempDir Path dir;

  Map<String, String> env() {
    // C1 only and one GC thread: short-lived JVMs, two of them at once on two cores.
    return Map.of(
        "WAREHOUSE_DIR",
        dir.resolve("warehouse").toString(),
        "WAREHOUSE_JAVA_OPTS",
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  @Test
  void twoLoadsAtOnceThenQueriesNightlyAndTheScheduler() throws Exception {
    // Someone starts a second load by hand while the first runs: one loads, the other exits 3 at
    // once, naming the running one.
    WarehouseProcess a = WarehouseProcess.start(dir, env(), "load");
    WarehouseProcess b = WarehouseProcess.start(dir, env(), "load");
    Result ra = a.await(Duration.ofMinutes(5));
    Result rb = b.await(Duration.ofMinutes(5));
    Result loaded = ra.code() == 0 ? ra : rb;
    Result refused = ra.code() == 0 ? rb : ra;
    assertThat(List.of(ra.code(), rb.code()))
        .as(ra.err() + rb.err())
        .containsExactlyInAnyOrder(0, 3);
    assertThat(refused.err()).contains("another load is running").containsPattern("run \\d{8}T");
    assertThat(loaded.out())
        .containsPattern("fdi_disbursed_usd\\s+2016\\s+17,250,000 USD\\s+4\\.4")
        .containsPattern("fdi_jobs\\s+2016\\s+6,785 person")
        .contains("1 quarantined");

    Result sql =
        WarehouseProcess.run(
            dir,
            env(),
            "sql",
            "-e",
            "SELECT value, round(yoy_ratio,1) FROM gold.indicators WHERE indicator='fdi_disbursed_usd' AND year=2016"
                + " AND dimension='total'; "
                + "SELECT value FROM gold.indicators WHERE indicator='fdi_jobs' AND year=2016 AND dimension='total'; "
                + "SELECT member, CAST(value AS INT) AS n FROM gold.indicators WHERE indicator='activity_count' AND year=2016"
                + " AND dimension='activity_type/partner_country' AND member IN ('agreement/KHM','mou/LAO') ORDER BY member; "
                + "SELECT count(*) AS runs FROM ops.load_runs; "
                + "SELECT count(*) - count(DISTINCT lineage_id, measure) AS doubled FROM silver.fdi",
            "--format",
            "csv");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.out())
        .as("nothing doubled: one run recorded, every source row once")
        .isEqualTo(
            "value,\"round(yoy_ratio, 1)\"\n17250000,4.4\n\nvalue\n6785\n\nmember,n\nagreement/KHM,4\nmou/LAO,1\n\n"
                + "runs\n1\n\ndoubled\n0\n");

    Result nightly = WarehouseProcess.run(dir, env(), "nightly", "--no-exports");
    assertThat(nightly.code()).as(nightly.err()).isZero();
    assertThat(nightly.out()).contains("nothing to do").contains("0 loaded, 7 unchanged");

    // The scheduler, firing every 2 seconds while each run takes at least 3 (a pause at the start
    // of the run): runs must queue, never overlap; SIGTERM stops it cleanly.
    Map<String, String> slow = new java.util.HashMap<>(env());
    slow.put("EXTREL_FAILPOINT", "run-start:3");
    WarehouseProcess scheduler =
        WarehouseProcess.start(
            dir, slow, "schedule", "--cron", "*/2 * * * * ?", "--retries", "0", "--no-exports");
    Path log = dir.resolve("warehouse/_logs/events.jsonl");
    scheduler.awaitOut(o -> count(o, "run finished with exit code 0") >= 2, Duration.ofMinutes(3));
    assertThat(scheduler.out())
        .as("the last run (the nightly above) is older than the last fire time: it runs once now")
        .contains("was missed while the scheduler was down: running it now");

    Result status = WarehouseProcess.run(dir, env(), "status");
    assertThat(status.code()).isZero();
    assertThat(status.out())
        .containsPattern(
            "Scheduler: cron '\\*/2 \\* \\* \\* \\* \\?' \\(Asia/Ho_Chi_Minh\\), pid \\d+ running; next run 20")
        .contains("nothing_to_do");

    scheduler.terminate();
    Result stopped = scheduler.await(Duration.ofMinutes(2));
    assertThat(stopped.code()).as(stopped.err()).isZero();
    assertThat(stopped.out()).contains("scheduler stopped");

    List<JsonNode> events = scheduled(log);
    assertThat(events.stream().filter(e -> e.path("event").asText().equals("run_started")))
        .hasSizeGreaterThanOrEqualTo(2);
    // No overlap: every scheduled run finishes before the next one starts.
    Instant lastEnd = Instant.EPOCH;
    String open = null;
    for (JsonNode e : events) {
      String type = e.path("event").asText();
      Instant ts = Instant.parse(e.path("ts").asText());
      if (type.equals("run_started")) {
        assertThat(open).as("a run started while " + open + " was running").isNull();
        assertThat(ts).isAfterOrEqualTo(lastEnd);
        open = e.path("run_id").asText();
      } else {
        assertThat(e.path("run_id").asText()).isEqualTo(open);
        open = null;
        lastEnd = ts;
      }
    }
    assertThat(open).as("SIGTERM let the running load finish").isNull();
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The run_started / run_finished / run_failed events of scheduled runs, in order. */
  static List<JsonNode> scheduled(Path log) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      JsonNode e = json.readTree(line);
      String type = e.path("event").asText();
      if (type.equals("run_started") && e.path("command").asText().contains("scheduled")) {
        ids.add(e.path("run_id").asText());
      }
      if (type.startsWith("run_") && ids.contains(e.path("run_id").asText())) {
        all.add(e);
      }
    }
    return all;
  }
}
