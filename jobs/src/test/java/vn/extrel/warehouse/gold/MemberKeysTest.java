package vn.extrel.warehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.MemberKeys;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Silver's member keys: each is Spark SQL's {@code xxhash64} of its member, so an analyst can
 * compute one; the gold stage groups by them and gives the indicators their members back from
 * {@code silver.member_keys}, which it fills from silver when a member is missing there.
 */
class MemberKeysTest {

  static SparkSession spark;

  @BeforeAll
  static void load() {
    SampleWarehouse.get();
    spark = TestSpark.get();
  }

  @Test
  void aKeyIsSparkSqlXxhash64OfItsMemberAndNullForNoMember() {
    for (String member : List.of("KOR", "Hàn Quốc", "Gạo", "export", "")) {
      long sql =
          spark
              .sql("SELECT xxhash64(" + DeltaWrites.literal(member) + ")")
              .collectAsList()
              .get(0)
              .getLong(0);
      assertThat(MemberKeys.of(member)).as(member).isEqualTo(sql);
    }
    assertThat(MemberKeys.of(null)).isNull();
  }

  @Test
  void everyKeyedColumnOfTheSampleHoldsTheKeyOfItsMember() {
    for (FactTable t : List.of(FactTables.TRADE, FactTables.FDI)) {
      for (String c : t.keyed()) {
        Row r =
            spark
                .sql(
                    "SELECT count(*), count("
                        + c
                        + "), count_if(NOT ("
                        + FactTable.keyOf(c)
                        + " <=> CASE WHEN "
                        + c
                        + " IS NULL THEN NULL ELSE xxhash64("
                        + c
                        + ") END)) FROM "
                        + t.table().qualified())
                .collectAsList()
                .get(0);
        if (t == FactTables.TRADE) {
          assertThat(r.getLong(1)).as(t + "." + c + " has members").isPositive();
        }
        assertThat(r.getLong(2)).as(t + "." + c + ": rows whose key is not its member's").isZero();
      }
    }
  }

  @Test
  void theIndicatorsNameTheMembersSilverHolds() {
    List<String> silver =
        strings(
            "SELECT DISTINCT product_group FROM silver.trade "
                + "WHERE measure = 'value_usd' AND product_group IS NOT NULL ORDER BY 1");
    List<String> gold =
        strings(
            "SELECT DISTINCT member FROM gold.indicators "
                + "WHERE indicator LIKE 'trade%' AND dimension = 'product_group' ORDER BY 1");
    assertThat(silver).isNotEmpty();
    assertThat(gold).isEqualTo(silver);
    assertThat(
            strings(
                "SELECT member FROM silver.member_keys k JOIN (SELECT DISTINCT product_group_key"
                    + " FROM silver.trade) t ON t.product_group_key = k.key ORDER BY 1"))
        .containsAll(silver);
  }

  @Test
  void membersMissingFromMemberKeysAreLookedUpInSilverAndKept(@TempDir Path dir) {
    Warehouse sample = SampleWarehouse.get();
    Path copy = dir.resolve("warehouse");
    ConfigCopy.copyTree(sample.localDir(), copy);
    Warehouse w = Warehouse.at(copy.toString());
    long known = w.read(spark, MemberKeys.ID).count();
    assertThat(known).isPositive();
    DeltaWrites.overwrite(
        spark.createDataFrame(List.of(), MemberKeys.SCHEMA),
        w.path(MemberKeys.ID),
        "test: members forgotten");

    IndicatorBuilder builder =
        new IndicatorBuilder(
            SampleWarehouse.config().indicators(),
            SampleWarehouse.config().reference(),
            SampleWarehouse.config().layouts());
    List<Row> rebuilt = indicators(builder.build(spark, w, "test").indicators());

    assertThat(rebuilt).isEqualTo(indicators(spark.table("gold.indicators")));
    assertThat(w.read(spark, MemberKeys.ID).count())
        .as("the members gold needed are kept again")
        .isPositive();
    assertThat(
            w.read(spark, MemberKeys.ID)
                .groupBy(MemberKeys.KEY)
                .count()
                .filter("count > 1")
                .count())
        .as("one member per key")
        .isZero();
  }

  private static List<Row> indicators(Dataset<Row> gold) {
    return gold.selectExpr(
            "indicator",
            "dimension",
            "member",
            "member_name",
            "year",
            "value",
            "yoy_ratio",
            "share_pct")
        .orderBy("indicator", "dimension", "member", "year")
        .collectAsList();
  }

  private static List<String> strings(String sql) {
    return spark.sql(sql).collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
