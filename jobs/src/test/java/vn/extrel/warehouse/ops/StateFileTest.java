package vn.extrel.warehouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.util.HadoopConf;

/** The state file a load leaves for the next nightly (read without Spark). */
class StateFileTest {

  @Test
  void theFingerprintsAreReadBack(@TempDir Path dir) throws Exception {
    Warehouse w = Warehouse.at(dir.toString());
    new StateFile(
            3, "silver-1", "gold-1", null, List.of(), List.of(), Map.of("gold.indicators", 7L))
        .write(w, HadoopConf.withoutSpark());

    StateFile read = StateFile.readLocal(dir).orElseThrow();

    assertThat(read.filesVersion()).isEqualTo(3);
    assertThat(read.silverFingerprint()).isEqualTo("silver-1");
    assertThat(read.goldFingerprint()).isEqualTo("gold-1");
    assertThat(read.tableVersions()).containsEntry("gold.indicators", 7L);
  }

  /**
   * A file written before the fingerprints had their names (referenceHash, indicatorsHash) keeps
   * them: the first load after an upgrade does not take a changed fingerprint for a changed
   * configuration and parse every file again.
   */
  @Test
  void aFileOfAnEarlierVersionKeepsItsFingerprints(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("_state"));
    Files.writeString(
        dir.resolve("_state/manifest.json"),
        "{\"filesVersion\": 3, \"referenceHash\": \"silver-1\", \"indicatorsHash\": \"gold-1\","
            + " \"rulesHash\": null, \"entries\": [], \"headline\": []}");

    StateFile read = StateFile.readLocal(dir).orElseThrow();

    assertThat(read.silverFingerprint()).isEqualTo("silver-1");
    assertThat(read.goldFingerprint()).isEqualTo("gold-1");
  }
}
