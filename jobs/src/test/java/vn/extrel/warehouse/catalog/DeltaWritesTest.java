package vn.extrel.warehouse.catalog;

import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.testing.TestSpark;

/** The row filters loads select file versions with. */
class DeltaWritesTest {
  static final StructType SCHEMA =
      new StructType()
          .add("source_path", DataTypes.StringType)
          .add("source_sha256", DataTypes.StringType);

  static String sha(int i) {
    return String.format("%064x", 1000 + i);
  }

  /**
   * A few versions and a hundred (a first load of a hundred files) select the same way: exactly the
   * listed (path, version) pairs, not another version of a listed path, nor a listed version under
   * another listed path (the same report saved under two names).
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 100})
  void versionsSelectExactlyTheListedPathAndVersionPairs(int files) {
    Map<String, String> wanted = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String path = "trade/xnk-" + i + ".csv";
      wanted.put(path, sha(i));
      rows.add(RowFactory.create(path, sha(i)));
      rows.add(RowFactory.create(path, sha(i + 5000))); // the version before
    }
    // The first file's content saved again under the second file's name.
    rows.add(RowFactory.create("trade/xnk-1.csv", sha(0)));
    rows.add(RowFactory.create("trade/other.csv", sha(0)));
    Dataset<Row> all = TestSpark.get().createDataFrame(rows, SCHEMA);

    List<String> picked =
        all
            .filter(expr(DeltaWrites.versions("source_path", "source_sha256", wanted)))
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + "@" + r.getString(1))
            .sorted()
            .toList();

    assertThat(picked)
        .containsExactlyInAnyOrderElementsOf(
            wanted.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).toList());
  }

  @Test
  void noVersionsSelectNothing() {
    assertThat(DeltaWrites.versions("source_path", "source_sha256", Map.of())).isEqualTo("false");
  }
}
