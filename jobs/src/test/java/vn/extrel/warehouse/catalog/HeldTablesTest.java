package vn.extrel.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.table.PartnerTable;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.util.Rows;

/**
 * Gold reads silver through {@link Warehouse#readHeld}: a small table is held on the driver, a
 * large one is read from its files; the rows are the same either way, and a table no load has
 * written reads as empty.
 */
class HeldTablesTest {

  @TempDir Path dir;

  @Test
  void aSmallTableIsHeldAsLocalRowsALargeOneIsReadFromItsFilesSameRowsEither() {
    SparkSession spark = TestSpark.get();
    Warehouse w = Warehouse.at(dir.toString());
    assertThat(w.readHeld(spark, PartnerTable.ID).count()).isZero();

    List<Row> rows =
        List.of(
            RowFactory.create("KR", "country", "KR", "Hàn Quốc", "Korea", Rows.seq(List.of())),
            RowFactory.create("JP", "country", "JP", "Nhật Bản", "Japan", Rows.seq(List.of("JP"))));
    DeltaWrites.overwrite(
        spark.createDataFrame(rows, PartnerTable.SCHEMA),
        w.path(PartnerTable.ID),
        DeltaWrites.commitInfo("test", "partners", List.of()));

    Dataset<Row> held = w.readHeld(spark, PartnerTable.ID);
    Dataset<Row> large = w.readHeld(spark, PartnerTable.ID, 0);
    assertThat(held.queryExecution().analyzed()).isInstanceOf(LocalRelation.class);
    assertThat(large.queryExecution().analyzed()).isNotInstanceOf(LocalRelation.class);
    assertThat(held.schema()).isEqualTo(w.read(spark, PartnerTable.ID).schema());
    assertThat(sorted(held)).isEqualTo(sorted(large)).hasSize(2);
  }

  static List<String> sorted(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
