package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.serve.WarmDoor;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.util.Invocation;
import vn.extrel.warehouse.util.WarmWire;

/**
 * The warm path: a thin client hands its command to the warehouse process running here, which runs
 * it as if typed where the client was (its folder, its {@code WAREHOUSE_*}), answers with the
 * client's output and exit code; and the client runs the command itself whenever no process can
 * (none, a door left by a killed one, busy, another token). {@code serve} opening the door is
 * tested as a process in CliProcessIT.
 */
class WarmPathTest {

  record Ran(OptionalInt code, String out, String err) {}

  /**
   * A door's session shares the JVM's catalog: the names its commands bound point at this class's
   * warehouses. Dropped, so the next test binds its own afresh (a serve process has one warehouse).
   */
  @AfterAll
  static void dropTheNames() {
    WarehouseCatalog.unbind(TestSpark.get());
  }

  static Ran client(Path cwd, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OptionalInt code =
        WarmClient.run(
            args,
            env,
            cwd,
            false,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static WarmDoor open(Path warehouse, WarmDoor.Commands commands) throws IOException {
    return WarmDoor.open(warehouse, TestSpark.get(), commands, () -> {});
  }

  @Test
  void aCommandHandedOverRunsWhereTheClientTypedItAndKeepsItsGuards(@TempDir Path dir)
      throws Exception {
    Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
    Path here = Files.createDirectories(dir.resolve("analyst"));
    Files.writeString(here.resolve("q.sql"), "SELECT 40 + 2 AS answer");
    Path input = Files.createDirectories(here.resolve("in/fdi"));
    Files.copy(
        Repo.root().resolve("data/fdi/FDI_AnGiang_2017.csv"),
        input.resolve("FDI_AnGiang_2017.csv"));
    // The client's relative names: the warehouse one folder up, the input and the file beside it.
    Map<String, String> env =
        Map.of("WAREHOUSE_DIR", "../warehouse", "WAREHOUSE_CONFIG", Repo.config().toString());
    String warmCount;
    // As in serve: every session but the server's own is guarded, as a Connect client's is.
    try (ReadOnlyGuard.Scope asServe = ReadOnlyGuard.guardUnlisted("as serve guards");
        WarmDoor door = open(warehouse, WarehouseCli::run)) {
      Ran query = client(here, env, "sql", "-f", "q.sql", "--format", "csv");
      assertThat(query.code()).hasValue(0);
      assertThat(query.out()).isEqualTo("answer\n42\n");
      assertThat(query.err())
          .isEqualTo(
              "warehouse: run by the warehouse process already running (serve, pid "
                  + ProcessHandle.current().pid()
                  + "); WAREHOUSE_WARM=off runs it alone.\n");

      Ran write = client(here, env, "sql", "-e", "CREATE TABLE gold.mine (a INT)");
      assertThat(write.code()).as("refused as it is when typed alone").hasValue(1);
      assertThat(write.err()).contains("refused", "--allow-write");

      Ran load = client(here, env, "load", "--input", "in");
      assertThat(load.code()).as(load.err()).hasValue(0);
      assertThat(load.out()).contains("fdi/FDI_AnGiang_2017.csv");
      assertThat(warehouse.resolve("silver/fdi/_delta_log"))
          .as("loaded into the client's ../warehouse")
          .isDirectory();
      assertThat(here.resolve("warehouse")).doesNotExist();
      Ran count =
          client(here, env, "sql", "-e", "SELECT count(*) AS n FROM silver.fdi", "--format", "csv");
      assertThat(count.code()).hasValue(0);
      assertThat(count.out()).isNotEqualTo("n\n0\n");
      warmCount = count.out();
      assertThat(ReadOnlyGuard.of(TestSpark.get().newSession()))
          .as("any other session is guarded meanwhile, as a Connect client's is")
          .isPresent();
    }
    // The same count from a command run here, as the analyst would have without the warm path.
    Cli.Result alone =
        Cli.run(
            "sql",
            "--warehouse",
            warehouse.toString(),
            "--config",
            Repo.config().toString(),
            "-e",
            "SELECT count(*) AS n FROM silver.fdi",
            "--format",
            "csv");
    assertThat(alone.out()).isEqualTo(warmCount);
  }

  @Test
  void theCommandSeesTheClientsFolderVariablesAndExitCode(@TempDir Path dir) throws Exception {
    AtomicReference<Invocation> seen = new AtomicReference<>();
    WarmDoor.Commands echo =
        (out, err, at, args) -> {
          seen.set(at);
          out.println("out " + String.join(" ", args));
          err.println("err " + Invocation.current().path("x.csv"));
          return 7;
        };
    Path here = Files.createDirectories(dir.resolve("here"));
    try (WarmDoor door = open(dir, echo)) {
      Ran r =
          client(
              here,
              Map.of("WAREHOUSE_DIR", dir.toString(), "WAREHOUSE_INPUT", "in", "HOME", "/secret"),
              "export",
              "gold.indicators",
              "--out",
              "x.csv");
      assertThat(r.code()).hasValue(7);
      assertThat(r.out()).isEqualTo("out export gold.indicators --out x.csv\n");
      assertThat(r.err()).endsWith("err " + here.resolve("x.csv") + "\n");
      assertThat(seen.get().cwd()).isEqualTo(here);
      assertThat(seen.get().env())
          .as("only the warehouse's variables travel")
          .isEqualTo(Map.of("WAREHOUSE_DIR", dir.toString(), "WAREHOUSE_INPUT", "in"));
    }
  }

  @Test
  void aBusyProcessLetsTheClientRunItsCommandItself(@TempDir Path dir) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WarmDoor.Commands slow =
        (out, err, at, args) -> {
          started.countDown();
          try {
            release.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 0;
        };
    Map<String, String> env = Map.of("WAREHOUSE_DIR", dir.toString());
    try (WarmDoor door = open(dir, slow)) {
      CompletableFuture<Ran> first = CompletableFuture.supplyAsync(() -> client(dir, env, "load"));
      assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
      Ran second = client(dir, env, "load");
      assertThat(second.code()).isEmpty();
      assertThat(second.err()).contains("is busy with another command; starting Spark here.");
      release.countDown();
      assertThat(first.get(1, TimeUnit.MINUTES).code()).hasValue(0);
    }
  }

  @Test
  void aDoorLeftByAKilledProcessIsPassedBySilentlyAndAWrongTokenIsRefused(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = Map.of("WAREHOUSE_DIR", dir.toString());
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Files.writeString(dir.resolve(WarmWire.DOOR), new WarmWire.Door(closedPort, "t", 1).text());
    Ran stale = client(dir, env, "sql", "-e", "SELECT 1");
    assertThat(stale.code()).isEmpty();
    assertThat(stale.err()).isEmpty();

    try (WarmDoor door = open(dir, (out, err, at, args) -> 0)) {
      Files.writeString(
          dir.resolve(WarmWire.DOOR), new WarmWire.Door(door.port(), "guessed", 1).text());
      Ran guessed = client(dir, env, "sql", "-e", "SELECT 1");
      assertThat(guessed.code()).isEmpty();
      assertThat(guessed.err()).contains("refused the command (wrong token); starting Spark here.");
    }
  }

  @Test
  void onlyTheOwnerCanReadTheDoorAndStoppingRemovesIt(@TempDir Path dir) throws Exception {
    Path file;
    try (WarmDoor door = open(dir, (out, err, at, args) -> 0)) {
      file = door.doorFile();
      assertThat(file).isEqualTo(dir.resolve(WarmWire.DOOR));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(WarmWire.Door.read(file).port()).isEqualTo(door.port());
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void whatIsNeverHandedOver(@TempDir Path dir) throws Exception {
    assertThat(WarmClient.handedOver(List.of("sql", "-e", "SELECT 1"))).isTrue();
    assertThat(WarmClient.handedOver(List.of("sql", "--format", "csv", "--file=q.sql"))).isTrue();
    assertThat(WarmClient.handedOver(List.of("notebook", "run", "a.ipynb"))).isTrue();
    assertThat(WarmClient.handedOver(List.of("sql")))
        .as("the shell, or statements on stdin")
        .isFalse();
    assertThat(WarmClient.handedOver(List.of("sql", "--format", "csv"))).isFalse();
    assertThat(WarmClient.handedOver(List.of("load", "--help"))).isFalse();
    assertThat(WarmClient.handedOver(List.of("restore", "gold.indicators"))).isFalse();
    assertThat(WarmClient.handedOver(List.of("serve"))).isFalse();
    assertThat(WarmClient.handedOver(List.of())).isFalse();
    assertThat(
            WarmClient.warehouseFolder(
                new String[] {"load"}, Map.of("WAREHOUSE_DIR", "s3a://b/w"), dir))
        .as("object storage has no warm path")
        .isNull();
    assertThat(WarmClient.warehouseFolder(new String[] {"load", "--warehouse=w"}, Map.of(), dir))
        .isEqualTo(dir.resolve("w"));

    AtomicReference<String> ran = new AtomicReference<>();
    try (WarmDoor door =
        open(
            dir,
            (out, err, at, args) -> {
              ran.set("ran");
              return 0;
            })) {
      Map<String, String> env = Map.of("WAREHOUSE_DIR", dir.toString());
      assertThat(
              client(dir, Map.of("WAREHOUSE_DIR", dir.toString(), "WAREHOUSE_WARM", "off"), "load")
                  .code())
          .isEmpty();
      assertThat(
              client(dir, Map.of("WAREHOUSE_DIR", dir.toString(), "EXTREL_FAILPOINT", "x"), "load")
                  .code())
          .as("a failpoint belongs to the process it is armed in")
          .isEmpty();
      assertThat(ran.get()).isNull();
      assertThat(client(dir, env, "load").code()).hasValue(0);
      assertThat(ran.get()).isEqualTo("ran");
    }
  }
}
