package vn.extrel.warehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * An analyst adds an indicator to config/indicators.yaml and runs a load: it appears in
 * gold.indicators, with no Java written and no source file read again.
 */
class NewIndicatorTest {

  @TempDir Path dir;

  @Test
  void anIndicatorAddedInYamlAppearsAfterTheNextLoad() {
    Path config = ConfigCopy.of(dir);
    ConfigCopy.edit(
        config,
        "indicators.yaml",
        "\nindicators:\n",
        """

        indicators:
          - id: fdi_workers_per_project
            name: {vi: Lao động FDI (tổng số người), en: Workers in FDI firms by partner}
            unit: person
            source: fdi
            measure: jobs
            filter: {dataset: [an_giang_fdi]}
            breakdowns: [total, partner_country]

        """);
    Warehouse w = copyOf(SampleWarehouse.get(), dir.resolve("warehouse"));

    LoadResult r = Loads.load(WarehouseConfig.load(config), Repo.data(), w);

    assertThat(r.files()).allMatch(f -> !f.seen() || f.status().equals(FileStatus.UNCHANGED));
    List<Row> rows =
        w.read(TestSpark.get(), IndicatorsTable.ID)
            .filter("indicator = 'fdi_workers_per_project' AND year = 2016 AND dimension = 'total'")
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<java.math.BigDecimal>getAs("value")).isEqualByComparingTo("6785");
    assertThat(rows.get(0).<String>getAs("name_vi")).isEqualTo("Lao động FDI (tổng số người)");
    assertThat(
            w.read(TestSpark.get(), vn.extrel.warehouse.table.DqResultsTable.ID)
                .filter("rule = 'province_fdi_unique'")
                .count())
        .as("a gold-only recompute keeps the table-wide rule results of silver")
        .isEqualTo(1);
  }

  /** The sample warehouse's folder, copied: this test must not change the shared one. */
  static Warehouse copyOf(Warehouse sample, Path to) {
    return Warehouse.at(ConfigCopy.copyTree(sample.localDir(), to).toString());
  }
}
