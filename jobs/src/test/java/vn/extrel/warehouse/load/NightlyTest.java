package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A second nightly run on the same input skips every file and changes nothing, not even a commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyTest {

  @TempDir static Path exports;
  Warehouse w;
  SparkSession spark;
  List<TableId> tables;
  Map<TableId, String> checksumsBefore;
  Map<TableId, Long> versionsBefore;
  Cli.Result r;

  @BeforeAll
  void aSecondNightlyOnTheSampleWarehouse() {
    w = SampleWarehouse.get();
    spark = TestSpark.get();
    tables = List.copyOf(WarehouseTables.all().keySet());
    checksumsBefore = TableChecksums.of(spark, w, tables);
    versionsBefore = versions(w, tables);
    r =
        Cli.run(
            "nightly",
            "--input",
            Repo.data().toString(),
            "--warehouse",
            w.root(),
            "--config",
            Repo.config().toString(),
            "--run-date",
            "2026-11-27",
            "--exports-dir",
            exports.toString(),
            "--no-progress");
  }

  @Test
  void itSkipsEveryFileAndStillPrintsTheIndicators() {
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("nothing to do")
        .contains("7 seen, 0 loaded, 7 unchanged, 0 failed")
        .containsPattern("fdi_disbursed_usd\\s+2016\\s+17,250,000 USD\\s+4\\.4");
  }

  @Test
  void noTableGetsACommitOrChanges() {
    assertThat(versions(w, tables)).as("no table got a new commit").isEqualTo(versionsBefore);
    assertThat(TableChecksums.of(spark, w, tables)).isEqualTo(checksumsBefore);
  }

  @Test
  void theNightsDeclaredExportsAreWrittenEvenWhenNoFileChanged() {
    assertThat(exports.resolve("2026-11-27/fdi-yoy.xlsx")).exists();
    assertThat(r.out()).contains("Export 2026-11-27/fdi-yoy.xlsx");
  }

  static Map<TableId, Long> versions(Warehouse w, List<TableId> tables) {
    Map<TableId, Long> v = new LinkedHashMap<>();
    tables.forEach(
        t -> v.put(t, StateFile.latestVersion(w, t, new org.apache.hadoop.conf.Configuration())));
    return v;
  }
}
