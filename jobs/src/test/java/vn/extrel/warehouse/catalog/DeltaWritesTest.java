package vn.extrel.warehouse.catalog;

import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Cli;
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

  /**
   * A load of a hundred files replaces their rows in one commit by that filter: the rows of the
   * listed versions are replaced, the other versions' rows stay.
   */
  @Test
  void aHundredVersionsAreReplacedInOneCommitAndNothingElse(@TempDir Path dir) {
    SparkSession spark = TestSpark.get();
    Map<String, String> wanted = new LinkedHashMap<>();
    List<Row> before = new ArrayList<>();
    List<Row> after = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String path = "trade/xnk-" + i + ".csv";
      wanted.put(path, sha(i));
      before.add(RowFactory.create(path, sha(i)));
      before.add(RowFactory.create(path, sha(i + 5000))); // kept: another version
      after.add(RowFactory.create(path, sha(i)));
    }
    // Where a warehouse keeps silver.trade, so that `warehouse history` can read the table's log.
    Warehouse w = Warehouse.at(dir.toString());
    String table = w.path(Targets.TRADE.table());
    spark.createDataFrame(before, SCHEMA).write().format("delta").save(table);
    String predicate = DeltaWrites.versions("source_path", "source_sha256", wanted);

    long written =
        DeltaWrites.replaceWhere(
            spark.createDataFrame(after, SCHEMA).coalesce(1), table, predicate, "test");

    assertThat(written)
        .as("rows written, not the other versions' rows Delta copied")
        .isEqualTo(100);
    Dataset<Row> now = spark.read().format("delta").load(table);
    assertThat(now.count()).isEqualTo(200);
    assertThat(now.filter(expr(predicate)).count()).isEqualTo(100);
    assertThat(spark.sql("DESCRIBE HISTORY delta.`" + table + "`").count())
        .as("the table's creation and one commit")
        .isEqualTo(2);
    Cli.Result history =
        Cli.run(
            "history", "silver.trade", "--limit", "1", "--format", "csv", "--warehouse", w.root());
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out().lines().skip(1).findFirst().orElseThrow())
        .as("history's rows_written and rows_deleted for the replace")
        .endsWith(",100,100");
  }

  @Test
  void noVersionsSelectNothing() {
    assertThat(DeltaWrites.versions("source_path", "source_sha256", Map.of())).isEqualTo("false");
  }

  /**
   * The rows a write reports go into the load's totals: a log that cannot be read is an error, not
   * a count of -1.
   */
  @Test
  void rowsWrittenCannotBeCountedFromALogThatCannotBeRead(@TempDir Path dir) throws Exception {
    Warehouse w = Warehouse.at(dir.toString());
    // The newest commit of the log is a folder: opening it fails as on a damaged disk.
    java.nio.file.Files.createDirectories(
        dir.resolve("silver/trade/_delta_log/00000000000000000000.json"));
    String table = w.path(Targets.TRADE.table());

    assertThatThrownBy(() -> DeltaWrites.lastOutputRows(TestSpark.get(), table))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("cannot read the commit just written to " + table);
  }
}
