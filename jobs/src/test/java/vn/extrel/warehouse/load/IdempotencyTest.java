package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ops.FilesTable;
import vn.extrel.warehouse.silver.ExcludedRowsTable;
import vn.extrel.warehouse.silver.PartnerTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/** Loading the same input twice changes no table and doubles no row. */
class IdempotencyTest {

  static final List<TableId> DATA_TABLES =
      List.of(
          BronzeTable.ID,
          Targets.FDI.table(),
          Targets.TRADE.table(),
          Targets.ACTIVITY.table(),
          QuarantineTable.ID,
          ExcludedRowsTable.ID,
          PartnerTable.ID,
          IndicatorsTable.ID,
          FilesTable.ID);

  @Test
  void aSecondLoadOfTheSameInputSkipsEveryFileAndWritesNothing() {
    Warehouse w = SampleWarehouse.get();
    SparkSession spark = TestSpark.get();
    Map<TableId, Long> versions = new LinkedHashMap<>();
    Map<TableId, Long> counts = new LinkedHashMap<>();
    for (TableId t : DATA_TABLES) {
      versions.put(t, DeltaWrites.version(spark, w.path(t)));
      counts.put(t, w.read(spark, t).count());
    }
    LoadResult again = Loads.load(Repo.data(), w);

    assertThat(again.status()).isEqualTo("nothing_to_do");
    assertThat(again.files())
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(FileOutcome.UNCHANGED));
    for (TableId t : DATA_TABLES) {
      assertThat(DeltaWrites.version(spark, w.path(t)))
          .as("version of " + t)
          .isEqualTo(versions.get(t));
      assertThat(w.read(spark, t).count()).as("rows of " + t).isEqualTo(counts.get(t));
    }
    long distinct =
        w.read(spark, Targets.FDI.table()).select("lineage_id", "measure").distinct().count();
    assertThat(distinct).isEqualTo(counts.get(Targets.FDI.table()));
  }
}
