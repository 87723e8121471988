package vn.extrel.warehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.extrel.warehouse.table.DqResultsTable;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The four checks of the {@code yoy} rule that config/rules/quality.yaml declares ({@code
 * yoy_sanity}), each on small indicators and silver facts where it passes and where it fires, with
 * the other three passing.
 */
class YoyChecksTest {

  /** Gold totals: two years of two FDI indicators, a base each year, a plausible ratio. */
  private static final String GOLD =
      "SELECT * FROM VALUES"
          + " ('fdi_disbursed_usd', 2015, 'total', 100, CAST(NULL AS DECIMAL(38,6)), CAST(NULL AS DOUBLE)),"
          + " ('fdi_disbursed_usd', 2016, 'total', 200, 100, 2.0),"
          + " ('fdi_jobs', 2015, 'total', 50, NULL, NULL),"
          + " ('fdi_jobs', 2016, 'total', 60, 50, 1.2),"
          // Not a total: the checks look at totals only.
          + " ('fdi_jobs', 2016, 'partner', 60, NULL, 99.0)"
          + " AS t(indicator, year, dimension, value, prev_value, yoy_ratio)";

  /** Silver FDI facts: the same unit every year, one status per year within a report. */
  private static final String FDI =
      "SELECT * FROM VALUES"
          + " ('an_giang_fdi', 'disbursed_usd', 2015, 'triệu USD', 'final', 'fdi/2015.xlsx'),"
          + " ('an_giang_fdi', 'disbursed_usd', 2016, 'Triệu USD', 'final', 'fdi/2016.xlsx'),"
          // A later report's final figure beside an earlier one's estimate: two publications.
          + " ('an_giang_fdi', 'disbursed_usd', 2016, 'triệu USD', 'estimated', 'fdi/2015.xlsx')"
          + " AS t(dataset, measure, year, source_unit, status, source_path)";

  private static final String ACTIVITY =
      "SELECT * FROM VALUES ('an_giang_activity', 2016, 'final', 'a.xlsx')"
          + " AS t(dataset, year, status, source_path)";

  /** Failing rows per check (and silver table), from the rule's findings. */
  private static Map<String, Long> failing(String gold, String fdi) {
    return failing(findings(gold, fdi));
  }

  private static Map<String, Long> failing(Map<String, Row> findings) {
    Map<String, Long> out = new TreeMap<>();
    findings.forEach((check, r) -> out.put(check, r.<Long>getAs(DqResultsTable.FAILING_ROWS)));
    return out;
  }

  /** The finding of each check (and silver table). */
  private static Map<String, Row> findings(String gold, String fdi) {
    SparkSession spark = TestSpark.get();
    RuleEngine engine =
        new RuleEngine(RuleCatalog.load(Repo.config().resolve("rules"), "rules"), null, "test");
    Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
    silver.put("fdi", spark.sql(fdi));
    silver.put("activity", spark.sql(ACTIVITY)); // no source_unit: no unit or status checks
    Map<String, Row> out = new TreeMap<>();
    for (Row r : engine.yoy(spark.sql(gold), silver)) {
      String message = r.getAs(DqResultsTable.MESSAGE);
      assertThat(r.<String>getAs(DqResultsTable.RULE)).isEqualTo("yoy_sanity");
      String check = message.split(" ")[1].replace(":", "");
      String target = r.getAs(DqResultsTable.TARGET);
      long n = r.<Long>getAs(DqResultsTable.FAILING_ROWS);
      assertThat(r.<String>getAs(DqResultsTable.STATUS)).isEqualTo(n == 0 ? "pass" : "warn");
      out.put(check + " " + target, r);
    }
    return out;
  }

  private static Map<String, Long> passing() {
    return new TreeMap<>(
        Map.of(
            "missing_base indicators", 0L,
            "ratio_band indicators", 0L,
            "unit_change fdi", 0L,
            "mixed_status fdi", 0L));
  }

  @Test
  void allFourChecksRunAndPassOnConsistentFigures() {
    assertThat(failing(GOLD, FDI)).isEqualTo(passing());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // A year after the first without a value the year before.
        "missing_base indicators|gold|('fdi_jobs', 2016, 'total', 60, 50, 1.2)|('fdi_jobs', 2016, 'total', 60, NULL, NULL)|fdi_jobs 2016",
        // Ten times more than the band allows.
        "ratio_band indicators|gold|('fdi_jobs', 2016, 'total', 60, 50, 1.2)|('fdi_jobs', 2016, 'total', 600, 50, 12.0)|fdi_jobs 2016 ratio 12.00",
        // 2016 written in thousands, 2015 in millions.
        "unit_change fdi|fdi|2016, 'Triệu USD'|2016, 'nghìn USD'|an_giang_fdi disbursed_usd: ",
        // One report gives 2016 both as final and as preliminary.
        "mixed_status fdi|fdi|'estimated', 'fdi/2015.xlsx'|'preliminary', 'fdi/2016.xlsx'|an_giang_fdi 2016 disbursed_usd"
      })
  void eachCheckFiresOnItsOwnQuirkAndTheOthersStillPass(
      String check, String table, String row, String quirk, String firstCase) {
    String gold = table.equals("gold") ? GOLD.replace(row, quirk) : GOLD;
    String fdi = table.equals("fdi") ? FDI.replace(row, quirk) : FDI;
    assertThat(gold.equals(GOLD) && fdi.equals(FDI)).as("the quirk is in the data").isFalse();
    Map<String, Long> expected = passing();
    expected.put(check, 1L);
    Map<String, Row> found = findings(gold, fdi);
    assertThat(failing(found)).isEqualTo(expected);
    // The finding names its case the way every rule does; the checks that pass name none.
    found.forEach(
        (name, r) -> {
          String message = r.getAs(DqResultsTable.MESSAGE);
          if (name.equals(check)) {
            assertThat(message).contains("; first: " + firstCase);
          } else {
            assertThat(message).doesNotContain("; first:");
          }
        });
  }

  /** The load runs them: every check leaves its finding in ops.dq_results. */
  @Test
  void aLoadRecordsAFindingOfEachCheck() {
    SampleWarehouse.get();
    List<String> checks =
        TestSpark.get()
            .sql(
                "SELECT DISTINCT split(message, ' ')[1] FROM ops.dq_results"
                    + " WHERE rule = 'yoy_sanity' ORDER BY 1")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertThat(checks)
        .containsExactlyInAnyOrder("missing_base:", "ratio_band:", "unit_change:", "mixed_status:");
  }
}
