package vn.extrel.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.table.LoadRunsTable;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Readers (the SQL shell, the Spark Connect server, checksums) bind the tables they can open and
 * name the ones they cannot: a table a kill left never created, one whose newest commit is cut
 * short.
 */
class WarehouseCatalogTest {

  @TempDir Path dir;

  @Test
  void aTableNeverCreatedOrCutShortIsNotBoundAndIsNamed() throws Exception {
    SparkSession spark = TestSpark.get();
    Warehouse w = Warehouse.at(dir.toString());
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("run_id", org.apache.spark.sql.types.DataTypes.StringType);
    for (TableId t : List.of(LoadRunsTable.ID, new TableId("ops", "files"))) {
      DeltaWrites.append(
          spark.createDataFrame(List.of(RowFactory.create("r1")), schema),
          w.path(t),
          DeltaWrites.commitInfo("r1", "test", List.of()));
    }
    Path commit = dir.resolve("ops/files/_delta_log/00000000000000000000.json");
    byte[] whole = Files.readAllBytes(commit);
    Files.write(commit, java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.createDirectories(dir.resolve("silver/fdi/_delta_log/_staged_commits"));

    assertThat(WarehouseCatalog.bind(spark, w, java.util.Map.of()))
        .as("the tables readers can open")
        .containsExactly(LoadRunsTable.ID);
    assertThat(WarehouseCatalog.unavailable(spark, w))
        .containsEntry(
            new TableId("silver", "fdi"),
            "its Delta log holds no commit (a first write stopped by a kill or a full disk); the"
                + " next load repairs it")
        .hasEntrySatisfying(
            new TableId("ops", "files"), why -> assertThat(why).contains("cut short"))
        .containsEntry(new TableId("gold", "indicators"), WarehouseCatalog.NOT_LOADED)
        .doesNotContainKey(LoadRunsTable.ID);
    WarehouseCatalog.unbind(spark);
  }
}
