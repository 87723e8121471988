package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;

/** {@code warehouse explain} names the source cells behind a figure and behind its base year. */
class ExplainCommandTest {

  static Warehouse warehouse;

  @BeforeAll
  static void load() {
    warehouse = SampleWarehouse.get();
  }

  static String explain(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "explain";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--warehouse";
    all[args.length + 2] = warehouse.root();
    all[args.length + 3] = "--config";
    all[args.length + 4] = Repo.config().toString();
    Cli.Result r = Cli.run(all);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void fdiDisbursed2016NamesTheCellsOf2016And2015() {
    String out = explain("fdi_disbursed_usd", "--year", "2016");
    assertThat(out)
        .contains("value      17,250,000 USD")
        .contains("ratio      4.40 = 17,250,000 / 3,920,000")
        .contains("measure = 'disbursed_usd'")
        .contains("Source cells of 2016 (5):")
        .contains("fdi/Bao-cao-FDI-An-Giang-2016.xlsx  sha256 ")
        .contains("sheet 'FDI 2016'")
        .containsPattern(
            "E8\\s+\"6.8\"\\s+number-cell ×1000000 \\(triệu USD\\)\\s+=\\s+6,800,000\\s+Nhật Bản \\(JPN\\)")
        .contains("Source cells of 2015 (5):")
        .contains("fdi/Bao-cao-FDI-An-Giang-2015.xlsx")
        .containsPattern("E12\\s+\"0.2\".*Mỹ \\(USA\\)");
  }

  @Test
  void anActivityCountListsTheActivitiesBehindIt() {
    String out =
        explain(
            "activity_count",
            "--year",
            "2016",
            "--dimension",
            "activity_type/partner_country",
            "--member",
            "mou/LAO");
    assertThat(out)
        .contains("value      1 activity")
        .contains("Source cells of 2016 (1):")
        .contains("Champasak")
        .contains("sheet '2016'");
  }
}
