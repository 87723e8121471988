package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseTables;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ops.LoadRunsTable;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.testing.WarehouseProcess;

/**
 * A real load process ({@code warehouse load} in a JVM of its own) killed with SIGKILL early
 * (bronze written), mid-write (one silver table committed, the others not) and during gold. Readers
 * meanwhile see every table in a committed state, the one before the load or the one after; the
 * next run finishes the job with contents identical, table by table, to a load that was never
 * interrupted.
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

  /** One killed load per point, each on a warehouse of its own. */
  static final Map<String, WarehouseProcess> LOADS = new LinkedHashMap<>();

  /** What a reader saw while each load was stopped at its point. */
  static final Map<String, Map<TableId, Long>> DURING = new LinkedHashMap<>();

  /** The checksums after the rerun that followed each kill. */
  static final Map<String, Map<TableId, String>> RERUN =
      new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void killEachLoadAtItsPointThenRerun() throws Exception {
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
    // The loads to kill start now, side by side, each stopping at its point; meanwhile this JVM
    // runs the same load without interruption, for reference.
    for (String point : POINTS) {
      Path dir = Files.createDirectories(shared.resolve(point));
      LOADS.put(
          point,
          WarehouseProcess.java(
              dir,
              Map.of(
                  "WAREHOUSE_DIR",
                  dir.resolve("warehouse").toString(),
                  "WAREHOUSE_INPUT",
                  input.toString(),
                  Failpoints.ENV,
                  point),
              "load"));
    }
    Loads.load(input, clean);
    cleanAfter = TableChecksums.of(spark, clean, TABLES);
    countsAfter = counts(spark, clean);

    for (String point : POINTS) {
      WarehouseProcess load = LOADS.get(point);
      load.awaitErr(e -> e.contains("FAILPOINT " + point), Duration.ofMinutes(5));
      // A reader while the load is stopped mid-way.
      DURING.put(point, counts(spark, warehouse(point)));
      // Stopped at the point, the process writes nothing more: SIGKILL leaves what the reader saw.
      load.kill();
    }
    // The next runs, side by side in this JVM (each warehouse has its own lock).
    var pool = java.util.concurrent.Executors.newFixedThreadPool(POINTS.size());
    try {
      List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (String point : POINTS) {
        runs.add(
            pool.submit(
                () -> {
                  Loads.load(input, warehouse(point));
                  RERUN.put(point, TableChecksums.of(spark, warehouse(point), TABLES));
                }));
      }
      for (var r : runs) {
        r.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static Warehouse warehouse(String point) {
    return Warehouse.at(shared.resolve(point).resolve("warehouse").toString());
  }

  @AfterAll
  static void noLoadLeftBehind() {
    LOADS.values().forEach(WarehouseProcess::kill);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {Failpoints.AFTER_BRONZE, Failpoints.BETWEEN_SILVER_TABLES, Failpoints.DURING_GOLD})
  void aLoadKilledAtAnyPointIsFinishedByTheNextRun(String point) {
    assertThat(countsAfter.get(IndicatorsTable.ID)).isPositive();
    Map<TableId, Long> during = DURING.get(point);
    for (TableId t : DATA) {
      assertThat(during.get(t))
          .as("%s while the load is stopped at %s: as it was, or as it will be", t, point)
          .isIn(countsBefore.get(t), countsAfter.get(t));
    }
    assertThat(during.get(IndicatorsTable.ID))
        .as("gold shows the last complete load until the new one is committed")
        .isEqualTo(countsBefore.get(IndicatorsTable.ID));
    assertThat(RERUN.get(point))
        .as("the rerun after a kill at %s gives what an uninterrupted load gives", point)
        .isEqualTo(cleanAfter);
  }

  static Map<TableId, Long> counts(SparkSession spark, Warehouse w) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId t : TABLES) {
      out.put(t, w.read(spark, t).count());
    }
    return out;
  }
}
