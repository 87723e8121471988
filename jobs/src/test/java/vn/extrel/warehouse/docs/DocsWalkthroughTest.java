package vn.extrel.warehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.check.CheckJob;
import vn.extrel.warehouse.cli.CheckCommand;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Loads;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The onboarding walk-through of docs/LAYOUTS.md, done as the page says: the layout and the alias
 * are taken from the page, and the outputs the page shows must be what the program prints.
 */
class DocsWalkthroughTest {

  @TempDir Path dir;

  static final Pattern BLOCK =
      Pattern.compile(
          "<!-- (file|append to|output of): ([^>]+?) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  static Map<String, String> blocks() throws IOException {
    String page = Files.readString(Repo.root().resolve("docs/LAYOUTS.md"), StandardCharsets.UTF_8);
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      out.put(m.group(1) + ": " + m.group(2).trim(), m.group(3));
    }
    return out;
  }

  String check(Path config, Path file) {
    CheckJob.FileCheck c = new CheckJob(WarehouseConfig.load(config)).check(file, null, 2);
    StringWriter sw = new StringWriter();
    CheckCommand.print(c, new PrintWriter(sw));
    return sw.toString().replace(dir.toString() + "/", "");
  }

  static void assertShows(String actual, String pageBlock) {
    for (String line : pageBlock.lines().filter(l -> !l.isBlank()).toList()) {
      assertThat(actual).as("the page shows this line").contains(line.strip());
    }
  }

  @Test
  void theOnboardingWalkThroughWorksAsWritten() throws IOException {
    Map<String, String> page = blocks();
    assertThat(page)
        .containsKeys(
            "file: layouts/an-giang-fdi-projects.yaml", "append to: reference/partners.yaml",
            "output of: check in the yearly folder", "output of: check without layout",
            "output of: check with layout", "output of: check with alias");
    Path config = dir.resolve("config");
    ConfigCopy.copyTree(Repo.config(), config);
    Path yearly = dir.resolve("data/fdi/danh-sach-du-an-fdi-2016.xlsx");
    Files.createDirectories(yearly.getParent());
    Files.copy(Repo.root().resolve("docs/examples/danh-sach-du-an-fdi-2016.xlsx"), yearly);

    // 1. Among the yearly reports, the yearly layout claims it and says what the header holds
    // instead.
    assertShows(check(config, yearly), page.get("output of: check in the yearly folder"));
    Path file = dir.resolve("data/fdi-du-an/danh-sach-du-an-fdi-2016.xlsx");
    Files.createDirectories(file.getParent());
    Files.move(yearly, file);
    assertShows(check(config, file), page.get("output of: check without layout"));

    // 2-3. The layout from the page: one row quarantined for the unknown spelling, the total
    // reconciled.
    Files.writeString(
        config.resolve("layouts/an-giang-fdi-projects.yaml"),
        page.get("file: layouts/an-giang-fdi-projects.yaml"));
    assertShows(check(config, file), page.get("output of: check with layout"));

    // 4. The alias from the page: every row loads.
    Files.writeString(
        config.resolve("reference/partners.yaml"),
        "\n" + page.get("append to: reference/partners.yaml"),
        StandardOpenOption.APPEND);
    String clean = check(config, file);
    assertShows(clean, page.get("output of: check with alias"));
    assertThat(clean).doesNotContain("QUARANTINED");

    // 5. The load puts the figures in silver.fdi, each with its cell.
    Warehouse w = Loads.warehouse(dir);
    Loads.load(WarehouseConfig.load(config), dir.resolve("data"), w);
    List<Row> sgp =
        w.read(TestSpark.get(), FactTables.FDI.table())
            .filter("dataset = 'an_giang_fdi_projects' AND partner_id = 'SGP'")
            .orderBy("cell")
            .select("measure", "value", "cell")
            .collectAsList();
    assertThat(sgp)
        .extracting(
            r ->
                r.getString(0)
                    + "="
                    + r.getDecimal(1).stripTrailingZeros().toPlainString()
                    + "@"
                    + r.getString(2))
        .containsExactly("registered_usd=3500000@E8", "disbursed_usd=1900000@F8", "jobs=640@G8");
  }
}
