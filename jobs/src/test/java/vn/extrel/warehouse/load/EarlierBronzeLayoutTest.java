package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A warehouse whose bronze table has the layout of earlier versions (a {@code cells} array per
 * row), or whose silver tables have no member keys, is not written to: the load stops first and
 * says how to go on.
 */
class EarlierBronzeLayoutTest {

  @Test
  void aLoadIntoABronzeTableOfTheEarlierLayoutStopsAndSaysWhatToDo(@TempDir Path dir) {
    SparkSession spark = TestSpark.get();
    Warehouse w = Loads.warehouse(dir.resolve("warehouse"));
    StructType earlier =
        new StructType()
            .add(BronzeTable.SOURCE_PATH, DataTypes.StringType)
            .add(BronzeTable.SOURCE_SHA256, DataTypes.StringType)
            .add(
                "cells",
                DataTypes.createArrayType(
                    new StructType()
                        .add("ref", DataTypes.StringType)
                        .add("text", DataTypes.StringType)));
    spark
        .createDataFrame(List.of(), earlier)
        .write()
        .format("delta")
        .option("userMetadata", EARLIER_LOAD)
        .save(w.path(BronzeTable.ID));
    Path input = tradeInput(dir);

    assertThatThrownBy(() -> Loads.load(input, w))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("bronze.source_rows")
        .hasMessageContaining("earlier version")
        .hasMessageContaining("--warehouse NEW_FOLDER");
    assertThat(w.read(spark, BronzeTable.ID).schema().fieldNames())
        .as("the old table is left as it was")
        .containsExactly(BronzeTable.SOURCE_PATH, BronzeTable.SOURCE_SHA256, "cells");
    assertThat(Files.exists(dir.resolve("warehouse/silver"))).as("nothing else written").isFalse();
  }

  @Test
  void aLoadIntoASilverTableWithoutMemberKeysStopsAndSaysWhatToDo(@TempDir Path dir) {
    SparkSession spark = TestSpark.get();
    Warehouse w = Loads.warehouse(dir.resolve("warehouse"));
    StructType earlier = new StructType();
    for (var f : FactTables.TRADE.schema().fields()) {
      if (!f.name().endsWith("_key")) {
        earlier = earlier.add(f);
      }
    }
    spark
        .createDataFrame(List.of(), earlier)
        .write()
        .format("delta")
        .option("userMetadata", EARLIER_LOAD)
        .save(w.path(FactTables.TRADE.table()));
    Path input = tradeInput(dir);

    assertThatThrownBy(() -> Loads.load(input, w))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("silver.trade")
        .hasMessageContaining("flow_key")
        .hasMessageContaining("--warehouse NEW_FOLDER");
    assertThat(w.read(spark, FactTables.TRADE.table()).schema().fieldNames())
        .as("the old table is left as it was")
        .doesNotContain("flow_key");
  }

  /** What an earlier version's load wrote into its commits, as this one does. */
  static final String EARLIER_LOAD =
      vn.extrel.warehouse.catalog.DeltaWrites.commitInfo(
          "20250101T000000-0001", "bronze", List.of());

  /** One trade file of the sample. */
  private static Path tradeInput(Path dir) {
    return Loads.input(
        dir.resolve("input"),
        Map.of(
            "trade/xuat-nhap-khau-2014-2016.csv",
            Repo.data().resolve("trade/xuat-nhap-khau-2014-2016.csv")));
  }
}
