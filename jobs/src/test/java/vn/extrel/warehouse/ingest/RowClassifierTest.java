package vn.extrel.warehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.RowClass;

class RowClassifierTest {

  static final Layout LAYOUT =
      new Layout(
          "t", null, "fdi", "d", null, null, null, null, null, null, null, null, null, null, null,
          null, null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Tổng cộng|true|total",
        "TỔNG SỐ|true|total",
        "Cộng|true|total",
        "Cộng hòa Séc|true|data",
        "Hàn Quốc|true|data",
        "Trong đó: vốn ODA|true|subtotal",
        "Phân theo một số địa phương|false|section",
        "I. Xuất khẩu|false|section",
        "Nguồn: Sở Kế hoạch và Đầu tư|false|note",
        "Nguồn vốn ODA|true|data",
        "Ghi chú: số liệu sơ bộ|false|note",
        "(*) Không kể dầu thô|false|note",
        "An Giang, ngày 10 tháng 01 năm 2017|false|note",
        "Người lập biểu|false|note"
      })
  void rowsAreClassifiedByTheirLabel(String label, boolean hasValues, String expected) {
    assertThat(new RowClassifier(LAYOUT).classify(label, hasValues, 2))
        .isEqualTo(RowClass.of(expected));
  }
}
