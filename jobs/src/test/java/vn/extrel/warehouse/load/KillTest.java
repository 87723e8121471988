package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.catalog.TableLog;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.testing.WarehouseProcess;
import vn.extrel.warehouse.util.Failpoints;

/**
 * A real load process ({@code warehouse load} in a JVM of its own) held in turn early (bronze
 * written), mid-write (one silver table committed, the others not) and during gold, then killed
 * with SIGKILL. Readers at each hold see every table in a committed state, the one before the load
 * or the one after; the next run finishes the job with contents identical, table by table, to a
 * load that was never interrupted.
 *
 * <p>Then a first load stopped at commit points in turn, in this JVM (the failpoint throws where a
 * kill would hit: no process to pay for), each run stopped at the next point, until one runs to the
 * end. {@code bin/fault-sweep} kills real processes at every commit point, one at a time, each on a
 * warehouse of its own.
 */
class KillTest {

  @TempDir static Path shared;

  /** The trade report and the 2016 FDI report, loaded into empty warehouses. */
  static Path input;

  static Map<TableId, String> cleanAfter;
  static Map<TableId, Long> countsBefore;
  static Map<TableId, Long> countsAfter;

  static final List<TableId> TABLES =
      WarehouseTables.all().keySet().stream().filter(t -> !t.equals(LoadRunsTable.ID)).toList();

  /**
   * The tables analysts read, each changed by one commit per load (ops tables take several and are
   * compared after the rerun).
   */
  static final List<TableId> DATA =
      TABLES.stream().filter(t -> !t.database().equals("ops")).toList();

  static final List<String> POINTS =
      List.of(Failpoints.AFTER_BRONZE, Failpoints.BETWEEN_SILVER_TABLES, Failpoints.DURING_GOLD);

  /** What a reader saw while the load was held at each point. */
  static final Map<String, Map<TableId, Long>> DURING = new LinkedHashMap<>();

  /** The checksums after the run that followed the kill. */
  static Map<TableId, String> rerun;

  @BeforeAll
  static void holdALoadAtEachPointThenKillItAndRerun() throws Exception {
    input =
        Loads.input(
            shared,
            Map.of(
                "trade/xuat-nhap-khau-2014-2016.csv",
                Repo.data().resolve("trade/xuat-nhap-khau-2014-2016.csv"),
                "fdi/Bao-cao-FDI-An-Giang-2016.xlsx",
                Repo.data().resolve("fdi/Bao-cao-FDI-An-Giang-2016.xlsx")));
    SparkSession spark = TestSpark.get();
    Warehouse clean = Warehouse.at(shared.resolve("clean").toString());
    countsBefore = counts(spark, clean);
    // The load to hold and kill starts now; meanwhile this JVM runs the same load without
    // interruption, for reference.
    Path dir = Files.createDirectories(shared.resolve("killed"));
    WarehouseProcess load =
        WarehouseProcess.java(
            dir,
            Map.of(
                "WAREHOUSE_DIR",
                killed().toString(),
                "WAREHOUSE_INPUT",
                input.toString(),
                Failpoints.ENV,
                String.join(",", POINTS)),
            "load");
    try {
      Loads.load(input, clean);
      cleanAfter = TableChecksums.of(spark, clean, TABLES);
      countsAfter = counts(spark, clean);
      for (String point : POINTS) {
        load.awaitErr(e -> e.contains("FAILPOINT " + point), Duration.ofMinutes(5));
        // A reader while the load is held mid-way.
        DURING.put(point, counts(spark, killed()));
        if (!point.equals(POINTS.get(POINTS.size() - 1))) {
          load.resume();
        }
      }
    } finally {
      // Held at the last point, the process writes nothing more: SIGKILL leaves what the reader
      // saw.
      load.kill();
    }
    Loads.load(input, killed());
    rerun = TableChecksums.of(spark, killed(), TABLES);
  }

  static Warehouse killed() {
    return Warehouse.at(shared.resolve("killed").resolve("warehouse").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {Failpoints.AFTER_BRONZE, Failpoints.BETWEEN_SILVER_TABLES, Failpoints.DURING_GOLD})
  void aReaderWhileALoadIsHeldAtAnyPointSeesEachTableAsItWasOrAsItWillBe(String point) {
    assertThat(countsAfter.get(IndicatorsTable.ID)).isPositive();
    Map<TableId, Long> during = DURING.get(point);
    for (TableId t : DATA) {
      assertThat(during.get(t))
          .as("%s while the load is held at %s: as it was, or as it will be", t, point)
          .isIn(countsBefore.get(t), countsAfter.get(t));
    }
    assertThat(during.get(IndicatorsTable.ID))
        .as("gold shows the last complete load until the new one is committed")
        .isEqualTo(countsBefore.get(IndicatorsTable.ID));
  }

  @Test
  void theRunAfterTheKillGivesWhatAnUninterruptedLoadGives() {
    assertThat(DURING.get(Failpoints.BETWEEN_SILVER_TABLES))
        .as("killed with some tables written")
        .isNotEqualTo(countsBefore);
    assertThat(rerun).isEqualTo(cleanAfter);
  }

  /**
   * In the order a load reaches them; the first commits of an ops, a bronze, a silver and a gold
   * table among them, each stopped inside Delta's commit: the log folder made, no commit file in
   * it.
   */
  static final List<String> CHAIN =
      List.of(
          "in-commit:ops.load_runs:run-started",
          "in-commit:bronze.source_rows:bronze",
          "in-commit:ops.dq_results:reconcile",
          "in-commit:silver.fdi:silver",
          "in-commit:silver.partner:partners",
          "in-commit:gold.indicators:gold",
          "in-commit:ops.file_loads:file-loads",
          "in-commit:ops.files:manifest");

  /**
   * Every run after a stop must get past the state the stop left (else it fails before the next
   * point); a first commit stopped inside Delta leaves a table that was never created, which the
   * next run repairs, saying so in one line; the run after the last stop leaves every table as a
   * load that was never stopped.
   */
  @Test
  void aFirstLoadStoppedAtEachCommitPointInTurnIsFinishedByTheNextRun() throws Exception {
    SparkSession spark = TestSpark.get();
    Path dir = Files.createDirectories(shared.resolve("chain"));
    Warehouse w = Warehouse.at(dir.toString());
    List<String> repaired = new java.util.ArrayList<>();
    LoadJob job =
        new LoadJob(
            vn.extrel.warehouse.config.WarehouseConfig.load(Repo.config()),
            new LoadJob.Options(input.toString(), w, false, "load", 0),
            new LoadListener() {
              @Override
              public void repaired(String runId, String note) {
                repaired.add(note);
              }
            });
    List<String> neverCreated = new java.util.ArrayList<>();
    for (String point : CHAIN) {
      try (AutoCloseable stop = Failpoints.stopAt(point)) {
        assertThatThrownBy(() -> job.run(spark))
            .as("the run after the last stop gets to %s", point)
            .isInstanceOf(Failpoints.Stopped.class);
      }
      String[] table = point.split(":")[1].split("\\.");
      TableId id = new TableId(table[0], table[1]);
      if (Files.isDirectory(dir.resolve(table[0]).resolve(table[1]).resolve("_delta_log"))
          && !TableLog.created(TableLog.local(), w.path(id))) {
        neverCreated.add(id.qualified());
      }
    }
    assertThat(neverCreated)
        .as("first commits stopped inside Delta")
        .contains(
            "ops.load_runs",
            "bronze.source_rows",
            "ops.dq_results",
            "silver.fdi",
            "gold.indicators",
            "ops.files");

    assertThat(job.run(spark).anyFailed()).isFalse();
    assertThat(TableChecksums.of(spark, w, TABLES))
        .as("every table after the run that followed the last stop")
        .isEqualTo(cleanAfter);
    assertThat(repaired.stream().map(n -> n.substring(0, n.indexOf(':'))).toList())
        .as("one line in the run log for each table a stop left never created")
        .containsExactlyElementsOf(neverCreated);
    assertThat(repaired).allMatch(n -> n.contains("a table that was never created"));
  }

  static Map<TableId, Long> counts(SparkSession spark, Warehouse w) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId t : TABLES) {
      out.put(t, w.read(spark, t).count());
    }
    return out;
  }
}
