package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.gold.VintagesTable;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.silver.ExcludedRowsTable;
import vn.extrel.warehouse.silver.PartnerTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * A warehouse changed by anything but a load is noticed: {@code status} lists the tables, {@code
 * nightly} stops instead of saying "nothing to do" over them, and {@code load --force} rewrites
 * them from the sources. Changed the three ways issue 25 found: rows doubled, rows deleted, a table
 * replaced by plain Parquet files.
 */
class ChangedOutsideALoadTest {

  static Cli.Result cli(Warehouse w, Path input, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--warehouse", w.root(), "--config", Repo.config().toString()));
    if (List.of("load", "nightly").contains(args[0])) {
      all.addAll(List.of("--input", input.toString()));
    }
    if (args[0].equals("nightly")) {
      all.add("--no-exports");
    }
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void statusAndNightlySayWhichTablesAndLoadForceRewritesThem(@TempDir Path dir) {
    // One report of the sample: two loads of it cost a fraction of two of the whole sample.
    Path input =
        Loads.input(
            dir,
            Map.of(
                "trade/xuat-nhap-khau-2014-2016.csv",
                Repo.data().resolve("trade/xuat-nhap-khau-2014-2016.csv")));
    Warehouse w = Loads.warehouse(dir);
    assertThat(cli(w, input, "load").code()).isZero();
    List<TableId> data = dataTables();
    Map<TableId, String> loaded = TableChecksums.of(TestSpark.get(), w, present(w, data));
    assertThat(cli(w, input, "status").out()).contains("Tables: each last changed by a load");

    Cli.Result changed =
        cli(
            w,
            input,
            "sql",
            "--allow-write",
            "-e",
            "INSERT INTO gold.indicators SELECT * FROM gold.indicators;"
                + " DELETE FROM silver.trade WHERE year = 2016;"
                + " INSERT OVERWRITE DIRECTORY '"
                + w.localDir().resolve("silver/excluded_rows")
                + "' USING parquet SELECT 1 AS a");
    assertThat(changed.code()).as(changed.err()).isZero();

    Cli.Result status = cli(w, input, "status");
    assertThat(status.code()).isZero();
    assertThat(status.out())
        .contains("Tables changed outside a load")
        .containsPattern(
            "gold.indicators: version \\d+ \\(WRITE at 20\\d\\d-.*\\) was not written by a load")
        .containsPattern("silver.trade: version \\d+ \\(DELETE at .*\\) was not written by a load")
        .contains("silver.excluded_rows: its Delta log is gone");

    Cli.Result nightly = cli(w, input, "nightly");
    assertThat(nightly.code()).isEqualTo(1);
    assertThat(nightly.out()).doesNotContain("nothing to do");
    assertThat(nightly.err().strip().lines()).hasSize(1);
    assertThat(nightly.err())
        .startsWith("error: the warehouse was changed outside a load: ")
        .contains("gold.indicators", "silver.trade", "silver.excluded_rows")
        .contains("Nothing was loaded")
        .contains("'warehouse load --force'");
    assertThat(cli(w, input, "status").out())
        .as("the refused night is in the log of runs")
        .contains("failed")
        .contains("changed outside a load");

    Cli.Result repair = cli(w, input, "load", "--force");
    assertThat(repair.code()).as(repair.err()).isZero();
    assertThat(repair.out())
        .contains("Repaired (changed outside a load):")
        .containsPattern("gold.indicators: restored to version \\d+, then reloaded")
        .containsPattern("silver.trade: restored to version \\d+, then reloaded")
        .containsPattern(
            "silver.excluded_rows: moved aside to .*_damaged/.*/silver/excluded_rows, then"
                + " reloaded");
    assertThat(TableChecksums.of(TestSpark.get(), w, present(w, data)))
        .as("every table as the sources say")
        .isEqualTo(loaded);
    assertThat(cli(w, input, "status").out()).contains("Tables: each last changed by a load");
    Cli.Result quiet = cli(w, input, "nightly");
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.out()).contains("nothing to do");
  }

  /** The tables that hold facts and their lineage (not the operational log). */
  static List<TableId> dataTables() {
    List<TableId> out = new ArrayList<>(List.of(BronzeTable.ID));
    Targets.all().forEach(t -> out.add(t.table()));
    out.addAll(
        List.of(
            QuarantineTable.ID,
            ExcludedRowsTable.ID,
            PartnerTable.ID,
            IndicatorsTable.ID,
            VintagesTable.ID));
    return out;
  }

  static List<TableId> present(Warehouse w, List<TableId> tables) {
    List<TableId> found = vn.extrel.warehouse.catalog.WarehouseCatalog.discover(TestSpark.get(), w);
    return tables.stream().filter(found::contains).toList();
  }
}
