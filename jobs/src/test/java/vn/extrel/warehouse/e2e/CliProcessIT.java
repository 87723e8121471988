package vn.extrel.warehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.testing.Repo;

/**
 * The README's commands as a user runs them: {@code bin/warehouse load} in one process, then {@code
 * bin/warehouse sql} in another, against the same warehouse folder.
 */
class CliProcessIT {

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Repo.root().resolve("bin/warehouse").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Repo.root().toFile());
    pb.environment().put("WAREHOUSE_DIR", dir.resolve("warehouse").toString());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bin/warehouse " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void loadThenQueryFromASecondProcess() throws Exception {
    Result load = run("load");
    assertThat(load.code()).as(load.err()).isZero();
    assertThat(load.out())
        .containsPattern("fdi_disbursed_usd\\s+2016\\s+17,250,000 USD\\s+4\\.4")
        .containsPattern("fdi_jobs\\s+2016\\s+6,785 person")
        .contains("1 quarantined");

    Result sql =
        run(
            "sql",
            "-e",
            "SELECT value, round(yoy_ratio,1) FROM gold.indicators WHERE indicator='fdi_disbursed_usd' AND year=2016"
                + " AND dimension='total'; "
                + "SELECT value FROM gold.indicators WHERE indicator='fdi_jobs' AND year=2016 AND dimension='total'; "
                + "SELECT member, CAST(value AS INT) AS n FROM gold.indicators WHERE indicator='activity_count' AND year=2016"
                + " AND dimension='activity_type/partner_country' AND member IN ('agreement/KHM','mou/LAO') ORDER BY member",
            "--format",
            "csv");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.out())
        .isEqualTo(
            "value,\"round(yoy_ratio, 1)\"\n17250000,4.4\n\nvalue\n6785\n\nmember,n\nagreement/KHM,4\nmou/LAO,1\n");

    Result history = run("sql", "-e", "DESCRIBE HISTORY gold.indicators", "--format", "csv");
    assertThat(history.code()).isZero();
    assertThat(history.out()).contains("WRITE").contains("CREATE TABLE");

    Result again = run("load");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("nothing to do").contains("0 loaded, 7 unchanged");
  }
}
