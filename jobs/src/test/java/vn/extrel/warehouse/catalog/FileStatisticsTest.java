package vn.extrel.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.silver.ExcludedRowsTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * Silver's data files carry min/max statistics for the columns loads replace rows by and analysts
 * filter by, and for no others: Delta's default (the first 32 columns) made every written row
 * update about a hundred statistics.
 */
class FileStatisticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void silverFilesHaveStatisticsOnlyForTheColumnsLoadsAndAnalystsFilterBy() throws Exception {
    SparkSession spark = TestSpark.get();
    Warehouse w = SampleWarehouse.get();
    List<TableId> tables = new ArrayList<>();
    Targets.all().forEach(t -> tables.add(t.table()));
    tables.add(QuarantineTable.ID);
    tables.add(ExcludedRowsTable.ID);
    List<TableId> checked = new ArrayList<>();
    for (TableId t : tables) {
      Set<String> columns = new TreeSet<>();
      int files = 0;
      for (Row r :
          spark
              .read()
              .json(w.path(t) + "/_delta_log/*.json")
              .where("add IS NOT NULL AND add.stats IS NOT NULL")
              .select("add.stats")
              .collectAsList()) {
        files++;
        JsonNode stats = JSON.readTree(r.getString(0));
        stats.path("nullCount").fieldNames().forEachRemaining(columns::add);
      }
      if (files == 0) {
        continue; // a table the sample gives no rows
      }
      assertThat(columns)
          .as("columns with file statistics in %s", t)
          .contains("source_path")
          .isSubsetOf("dataset", "year", "measure", "source_path");
      checked.add(t);
    }
    // Each table of facts the sample fills was looked at, not skipped for want of files.
    List<TableId> facts = new ArrayList<>();
    Targets.all().forEach(t -> facts.add(t.table()));
    assertThat(checked).containsAll(facts);
  }
}
