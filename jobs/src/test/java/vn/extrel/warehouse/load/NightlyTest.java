package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
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
class NightlyTest {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path exports;

  @Test
  void aSecondNightlyRunSkipsEveryFileAndMakesNoCommit() {
    Warehouse w = SampleWarehouse.get();
    SparkSession spark = TestSpark.get();
    List<TableId> tables = List.copyOf(WarehouseTables.all().keySet());
    Map<TableId, String> before = TableChecksums.of(spark, w, tables);
    Map<TableId, Long> versions = versions(w, tables);

    Cli.Result r =
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
    String summary = r.out();

    assertThat(r.code()).as(summary + r.err()).isZero();
    assertThat(summary)
        .contains("nothing to do")
        .contains("7 seen, 0 loaded, 7 unchanged, 0 failed");
    assertThat(summary).containsPattern("fdi_disbursed_usd\\s+2016\\s+17,250,000 USD\\s+4\\.4");
    assertThat(versions(w, tables)).as("no table got a new commit").isEqualTo(versions);
    assertThat(TableChecksums.of(spark, w, tables)).isEqualTo(before);
    assertThat(exports.resolve("2026-11-27/fdi-yoy.xlsx"))
        .as("the night's declared exports are written even when no file changed")
        .exists();
    assertThat(summary).contains("Export 2026-11-27/fdi-yoy.xlsx");
  }

  static Map<TableId, Long> versions(Warehouse w, List<TableId> tables) {
    Map<TableId, Long> v = new LinkedHashMap<>();
    tables.forEach(
        t -> v.put(t, StateFile.latestVersion(w, t, new org.apache.hadoop.conf.Configuration())));
    return v;
  }
}
