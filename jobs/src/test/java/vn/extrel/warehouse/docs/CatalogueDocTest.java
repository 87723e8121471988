package vn.extrel.warehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportCatalog;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Repo;

/** The catalogue in docs/ is the one the definitions generate, and follows them. */
class CatalogueDocTest {

  static String generate(Path config) {
    return CatalogueDoc.markdown(WarehouseConfig.load(config), ExportCatalog.load(config));
  }

  @Test
  void theCommittedCatalogueIsTheGeneratedOne() throws IOException {
    String committed =
        Files.readString(Repo.root().resolve("docs/CATALOG.md"), StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/CATALOG.md is stale: run bin/warehouse catalog --out docs/CATALOG.md")
        .isEqualTo(generate(Repo.config()));
    assertThat(committed)
        .contains("| `fdi_disbursed_usd` | Vốn FDI thực hiện (giải ngân) | FDI disbursed | USD |")
        .contains("### gold.indicators")
        .contains("| `yoy_ratio` | double | Gấp (lần) | Ratio to previous year |");
  }

  @Test
  void aNewIndicatorInTheYamlAppearsInTheCatalogue(@TempDir Path dir) {
    Path config = ConfigCopy.of(dir);
    ConfigCopy.edit(
        config,
        "indicators.yaml",
        "  - id: fdi_jobs\n",
        "  - id: fdi_jobs_per_project\n"
            + "    name: {vi: Lao động bình quân mỗi dự án, en: Workers per project}\n"
            + "    unit: person\n"
            + "    source: fdi\n"
            + "    measure: jobs\n"
            + "    filter: {dataset: [an_giang_fdi]}\n"
            + "    breakdowns: [total]\n\n"
            + "  - id: fdi_jobs\n");
    assertThat(generate(config))
        .contains(
            "| `fdi_jobs_per_project` | Lao động bình quân mỗi dự án | Workers per project | person |");
  }
}
