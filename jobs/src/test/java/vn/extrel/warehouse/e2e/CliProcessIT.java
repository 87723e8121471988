package vn.extrel.warehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.testing.ConnectClient;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.Tmux;
import vn.extrel.warehouse.testing.WarehouseProcess;
import vn.extrel.warehouse.testing.WarehouseProcess.Result;

/**
 * The README's commands as users and cron run them, each a real {@code bin/warehouse} process on
 * one warehouse folder, in order: two loads started together, queries from other processes (the SQL
 * command, the Spark Connect server and its JVM client, read-only for every client unless it holds
 * the write token of a {@code --allow-write} server, the interactive shell under a
 * pseudo-terminal), a nightly that has nothing to do, and the scheduler.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliProcessIT {

  /** One warehouse for the whole class: the first test loads it, the others read it. */
  @TempDir static Path dir;

  static Map<String, String> env() {
    // C1 only and one GC thread: short-lived JVMs, two of them at once on two cores.
    return Map.of(
        "WAREHOUSE_DIR",
        dir.resolve("warehouse").toString(),
        "WAREHOUSE_JAVA_OPTS",
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  static final String[] QUERIES = {
    "SELECT value, round(yoy_ratio,1) FROM gold.indicators WHERE indicator='fdi_disbursed_usd' AND year=2016"
        + " AND dimension='total'",
    "SELECT value FROM gold.indicators WHERE indicator='fdi_jobs' AND year=2016 AND dimension='total'",
    "SELECT member, CAST(value AS INT) AS n FROM gold.indicators WHERE indicator='activity_count' AND year=2016"
        + " AND dimension='activity_type/partner_country' AND member IN ('agreement/KHM','mou/LAO') ORDER BY member",
    "SELECT count(*) AS runs FROM ops.load_runs",
    "SELECT count(*) - count(DISTINCT lineage_id, measure) AS doubled FROM silver.fdi",
    // A name the statement's text does not show: sql binds only the tables a statement reads.
    "SELECT count(*) AS n FROM IDENTIFIER('gold.' || 'indicators')"
  };

  @Test
  @Order(1)
  void twoLoadsStartedTogetherOneLoadsTheOtherIsRefused() {
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
  }

  @Test
  @Order(2)
  void sqlAndTheSparkConnectServerAnswerWithTheSameRows() throws Exception {
    // The server starts while the SQL command runs: neither locks the other out.
    int port = freePort();
    WarehouseProcess server = WarehouseProcess.start(dir, env(), "serve", "--port", "" + port);
    try {
      Result sql =
          WarehouseProcess.run(
              dir, env(), "sql", "-e", String.join("; ", QUERIES), "--format", "csv");
      assertThat(sql.code()).as(sql.err()).isZero();
      assertThat(sql.out())
          .as("nothing doubled: one run recorded, every source row once")
          .isEqualTo(
              "value,\"round(yoy_ratio, 1)\"\n17250000,4.4\n\nvalue\n6785\n\nmember,n\nagreement/KHM,4\nmou/LAO,1\n\n"
                  + "runs\n1\n\ndoubled\n0\n\nn\n327\n");

      server.awaitOut(o -> o.contains("Warm path open"), Duration.ofMinutes(3));
      assertThat(server.out()).contains("over Spark Connect at sc://127.0.0.1:" + port);

      // The warm path: the same command now runs in the server's Spark, says so, answers alike.
      Result warm =
          WarehouseProcess.run(
              dir, env(), "sql", "-e", String.join("; ", QUERIES), "--format", "csv");
      assertThat(warm.code()).as(warm.err()).isZero();
      assertThat(warm.err()).contains("run by the warehouse process already running (serve, pid");
      assertThat(warm.out()).isEqualTo(sql.out());
      Result nothingNew = WarehouseProcess.run(dir, env(), "load");
      assertThat(nothingNew.code()).as(nothingNew.err()).isZero();
      assertThat(nothingNew.err()).contains("run by the warehouse process already running");
      assertThat(nothingNew.out()).contains("unchanged");
      ConnectClient.Result remote = ConnectClient.sql(dir, "sc://127.0.0.1:" + port, QUERIES);
      assertThat(remote.code()).as(remote.err()).isZero();
      assertThat(remote.out()).as("the same rows through Spark Connect").isEqualTo(sql.out());
      assertThat(remote.err()).as("a clean session close").doesNotContain("ERROR", "Exception");

      // Read-only for every client, whatever it tries; the server stays up and nothing changes.
      Map<String, Long> files = files(dir.resolve("warehouse"));
      String w = dir.resolve("warehouse").toString();
      List<String> actions = new ArrayList<>(List.of(attacks(w)));
      actions.add("sql:SELECT count(*) FROM gold.indicators");
      ConnectClient.Result tried =
          ConnectClient.tryActions(dir, "sc://127.0.0.1:" + port, actions.toArray(String[]::new));
      assertThat(tried.code()).as(tried.err()).isZero();
      List<String> answers = tried.out().lines().toList();
      assertThat(answers).as(tried.out()).hasSize(attacks(w).length + 1);
      assertThat(answers.subList(0, attacks(w).length))
          .as(tried.out())
          .allSatisfy(a -> assertThat(a).startsWith("refused "));
      assertThat(answers.get(attacks(w).length))
          .as("the same session still reads")
          .isEqualTo("ok sql:SELECT count(*) FROM gold.indicators -> 327");
      assertThat(tried.out())
          .contains(
              "refused save:"
                  + w
                  + "/silver/trade: refused: save '"
                  + w
                  + "/silver/trade' writes to a table; the warehouse is written only by 'warehouse"
                  + " load'. Writes need 'warehouse serve --allow-write' and its write token")
          .contains(
              "refused sql:SELECT reflect('java.lang.System','exit',0): refused: reflect calls Java methods");
      assertThat(ConnectClient.sql(dir, "sc://127.0.0.1:" + port, QUERIES).out())
          .as("the server is alive and answers as before")
          .isEqualTo(sql.out());
      assertThat(files(dir.resolve("warehouse")))
          .as("no file of the warehouse changed")
          .isEqualTo(files);

      server.terminate();
      Result stopped = server.await(Duration.ofMinutes(1));
      assertThat(stopped.code()).as(stopped.err()).isZero();
      assertThat(stopped.out()).contains("server stopped");
    } finally {
      if (server.isAlive()) {
        server.kill();
      }
    }
  }

  /**
   * What a hostile client tries against {@code serve}: SQL and DataFrame writes, code, settings.
   */
  static String[] attacks(String w) {
    return new String[] {
      "sql:INSERT INTO gold.indicators SELECT * FROM gold.indicators",
      "sql:DELETE FROM silver.fdi WHERE year = 2016",
      "sql:CREATE TABLE gold.copy AS SELECT * FROM gold.indicators",
      "sql:DROP TABLE gold.indicators",
      "sql:FROM (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '" + w + "/ops' USING parquet SELECT *",
      "sql:SET spark.sql.ansi.enabled=false",
      "sql:SELECT reflect('java.lang.System','exit',0)",
      "sql:SELECT java_method('java.lang.System','getenv','HOME')",
      "saveAsTable:gold.indicators",
      "save:" + w + "/silver/trade",
      "insertInto:silver.fdi",
      "writeTo:silver.fdi",
      "conf:spark.sql.ansi.enabled=false",
      "persist:gold.indicators",
      "cacheTable:gold.indicators",
      "udf",
    };
  }

  @Test
  @Order(3)
  void withAllowWriteOnlyClientsPresentingTheWriteTokenWrite() throws Exception {
    int port = freePort();
    Path tokenFile = dir.resolve("write-token");
    String token = "test-write-token-0123456789abcdef";
    Files.writeString(tokenFile, token + "\n");
    WarehouseProcess server =
        WarehouseProcess.start(
            dir,
            env(),
            "serve",
            "--port",
            "" + port,
            "--allow-write",
            "--write-token-file",
            tokenFile.toString());
    try {
      // The warm path's door file is written after "Serving the warehouse": take the warehouse's
      // picture once it is there, so that the only change the test can see is a write.
      server.awaitOut(o -> o.contains("Warm path open"), Duration.ofMinutes(3));
      assertThat(server.out())
          .contains("Serving the warehouse")
          .contains("clients presenting the write token may write, the others read");
      Map<String, Long> files = files(dir.resolve("warehouse"));
      String url = "sc://127.0.0.1:" + port;
      Path scratch = dir.resolve("scratch");
      String create =
          "sql:CREATE TABLE scratch USING delta LOCATION '" + scratch + "' AS SELECT 1L AS id";

      ConnectClient.Result reader =
          ConnectClient.tryActions(
              dir, url, create, "save:" + dir.resolve("files"), "insertInto:silver.fdi");
      assertThat(reader.out().lines())
          .as(reader.out() + reader.err())
          .hasSize(3)
          .allSatisfy(
              a ->
                  assertThat(a)
                      .contains("Only clients presenting the server's write token may write"));

      ConnectClient.Result writer =
          ConnectClient.tryActions(
              dir,
              url + "/;" + "warehouse-write-token=" + token,
              create,
              "insertInto:scratch",
              "save:" + dir.resolve("files"),
              "sql:SELECT count(*) FROM scratch",
              "sql:SELECT reflect('java.lang.System','exit',0)",
              "udf");
      assertThat(writer.out().lines().toList())
          .as(writer.out() + writer.err())
          .containsExactly(
              "ok " + create + " -> ",
              "ok insertInto:scratch -> done",
              "ok save:" + dir.resolve("files") + " -> done",
              "ok sql:SELECT count(*) FROM scratch -> 2",
              "refused sql:SELECT reflect('java.lang.System','exit',0): refused: reflect calls Java"
                  + " methods; no session here runs code of its own",
              "refused udf: refused: a user-defined function adds code to the session; no session"
                  + " here runs code of its own");
      try (var written = Files.list(dir.resolve("files"))) {
        assertThat(written.anyMatch(f -> f.toString().endsWith(".parquet"))).isTrue();
      }

      ConnectClient.Result wrong =
          ConnectClient.tryActions(
              dir, url + "/;warehouse-write-token=guessed-0123456789", "sql:SELECT 1");
      assertThat(wrong.out()).contains("refused sql:SELECT 1: refused: the write token is wrong");

      ConnectClient.Result after =
          ConnectClient.tryActions(dir, url, "sql:SELECT count(*) FROM scratch");
      assertThat(after.out())
          .as("alive; the table a writer made is there for readers")
          .isEqualTo("ok sql:SELECT count(*) FROM scratch -> 2\n");
      assertThat(files(dir.resolve("warehouse")))
          .as("the warehouse itself unchanged")
          .isEqualTo(files);
      server.terminate();
      assertThat(server.await(Duration.ofMinutes(1)).code()).isZero();
    } finally {
      if (server.isAlive()) {
        server.kill();
      }
    }
  }

  /** Every file of a folder with its size: what any write would change. */
  static Map<String, Long> files(Path root) throws java.io.IOException {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (var s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.size(p));
      }
    }
    return out;
  }

  @Test
  @Order(4)
  void theShellEditsRecallsCompletesAndRefusesWritesUnderAPseudoTerminal() throws Exception {
    Path history = dir.resolve("history");
    String command =
        "cd '"
            + Repo.root()
            + "' && env WAREHOUSE_DIR='"
            + dir.resolve("warehouse")
            + "' WAREHOUSE_HISTORY='"
            + history
            + "' WAREHOUSE_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bin/warehouse sql;"
            + " echo \"shell exited with $?\"; sleep 600";
    try (Tmux terminal = Tmux.start(command)) {
      Duration wait = Duration.ofMinutes(2);
      terminal.awaitScreen(s -> prompts(s) == 1, Duration.ofMinutes(3));

      // A statement over two lines: the first line alone gets a continuation prompt.
      terminal.line("SELECT value AS jobs FROM gold.indicators");
      terminal.awaitScreen(s -> s.contains(" -> "), wait);
      terminal.line("WHERE indicator='fdi_jobs' AND year=2016 AND dimension='total';");
      String s = terminal.awaitScreen(x -> prompts(x) == 2, wait);
      assertThat(s).containsPattern("jobs\\s+-+\\s+6785\\s+\\(1 row\\)");

      // Tab completes the table name (gold.indic alone is also gold.indicator_vintages).
      terminal.type("SELECT count(*) AS n FROM gold.indicator_v");
      terminal.key("Tab");
      terminal.awaitScreen(x -> x.contains("FROM gold.indicator_vintages"), wait);
      terminal.line(";");
      s = terminal.awaitScreen(x -> prompts(x) == 3, wait);
      assertThat(count(s, "(1 row)")).isEqualTo(2);

      // Up recalls the last statement; Enter runs it again.
      terminal.key("Up");
      terminal.awaitScreen(x -> lastLine(x).contains("FROM gold.indicator_vintages"), wait);
      terminal.key("Enter");
      s = terminal.awaitScreen(x -> prompts(x) == 4, wait);
      assertThat(count(s, "(1 row)")).isEqualTo(3);

      // A write is refused and the shell goes on; so does a bad column.
      terminal.line("DROP TABLE gold.indicators;");
      terminal.line("SELECT nope FROM gold.indicators;");
      s = terminal.awaitScreen(x -> prompts(x) == 6, wait);
      assertThat(s)
          .contains("error: refused: DROP TABLE gold.indicators changes the catalog")
          .contains("--allow-write")
          .contains("`nope` cannot be resolved");

      terminal.line("\\q");
      s = terminal.awaitScreen(x -> x.contains("shell exited with"), wait);
      assertThat(s).contains("shell exited with 0");
    }
    assertThat(Files.readString(history))
        .as("history kept for the next session")
        .contains("WHERE indicator='fdi_jobs'")
        .contains("DROP TABLE gold.indicators;");
  }

  static int prompts(String screen) {
    return count(screen, "warehouse> ");
  }

  static String lastLine(String screen) {
    String[] lines = screen.stripTrailing().split("\n");
    return lines[lines.length - 1];
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  @Order(5)
  void aNightlyWithNothingToDoThenTheSchedulerWhoseRunsNeverOverlap() throws Exception {
    Result nightly = WarehouseProcess.run(dir, env(), "nightly", "--no-exports");
    assertThat(nightly.code()).as(nightly.err()).isZero();
    assertThat(nightly.out()).contains("nothing to do").contains("0 loaded, 7 unchanged");
    // The scheduler below must find a fire time of its cron missed since that nightly: wait past
    // one (every 2 s). A JVM start alone no longer takes that long, so it cannot be relied on.
    Thread.sleep(2_100);

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
        .contains("nothing_to_do")
        .contains("Tables: each last changed by a load");

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
