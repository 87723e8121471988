package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.ops.TableChecksums;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.S3Server;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The input and the warehouse on S3: the sample files are uploaded to a real S3 API server on
 * loopback (S3Proxy), loaded from there into a warehouse there through s3a://, and the indicators
 * equal those of the same files loaded on local disk. Runs in Maven's {@code s3} profile, on unless
 * {@code -DskipS3}.
 */
class ObjectStorageTest {
  private static final String BUCKET = "extrel";
  private static final String INPUT = "s3a://" + BUCKET + "/inbox";
  private static final String WAREHOUSE = "s3a://" + BUCKET + "/warehouse";

  @TempDir static Path dir;
  private static S3Server s3;
  private static Map<String, String> settings;

  @BeforeAll
  static void startServerAndUpload() throws Exception {
    s3 = S3Server.start(dir, BUCKET);
    // This machine's files of a warehouse on S3 (lock, event log) go here, not to
    // ~/.extrel-warehouse.
    System.setProperty("warehouse.local.dir", dir.resolve("local").toString());
    settings = s3.s3aSettings(BUCKET);
    // The session's Hadoop settings (what spark.hadoop.* gives a submitted job), and the JVM's
    // spark.hadoop.* properties, which the nightly's no-Spark path reads.
    Configuration hadoop = TestSpark.get().sparkContext().hadoopConfiguration();
    settings.forEach(
        (k, v) -> {
          hadoop.set(k, v);
          System.setProperty("spark.hadoop." + k, v);
        });
    // Object by object, as an office's upload would put them; S3 has no folders to create.
    FileSystem s3fs = new org.apache.hadoop.fs.Path(INPUT).getFileSystem(hadoop);
    try (var files = Files.walk(Repo.data())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        s3fs.copyFromLocalFile(
            new org.apache.hadoop.fs.Path(f.toUri()),
            new org.apache.hadoop.fs.Path(INPUT + "/" + Repo.data().relativize(f)));
      }
    }
  }

  @AfterAll
  static void stopServer() {
    if (settings != null) {
      Configuration hadoop = TestSpark.get().sparkContext().hadoopConfiguration();
      settings
          .keySet()
          .forEach(
              k -> {
                hadoop.unset(k);
                System.clearProperty("spark.hadoop." + k);
              });
    }
    System.clearProperty("warehouse.local.dir");
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aLoadFromAndToS3GivesTheIndicatorsOfALocalLoad() {
    SparkSession spark = TestSpark.get();
    Cli.Result r = load("load");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("7 seen, 7 loaded")
        .containsPattern("fdi_disbursed_usd\\s+2016\\s+17,250,000 USD\\s+4\\.4");

    // Stored by the S3 server, not on a local path that happens to look like one.
    Path blobs = dir.resolve("blobs").resolve(BUCKET);
    assertThat(blobs.resolve("warehouse/gold/indicators/_delta_log/00000000000000000000.json"))
        .exists();
    assertThat(blobs.resolve("inbox")).isDirectory();
    assertThat(dir.resolve("local/s3a_extrel_warehouse/_locks/load.lock"))
        .as("the load lock of a warehouse on S3 is kept on this machine")
        .exists();

    Warehouse onS3 = Warehouse.at(WAREHOUSE);
    Warehouse local = SampleWarehouse.get();
    List<TableId> compared = List.of(IndicatorsTable.ID);
    assertThat(TableChecksums.of(spark, onS3, compared))
        .as("gold.indicators loaded on S3 equals gold.indicators loaded on local disk")
        .isEqualTo(TableChecksums.of(spark, local, compared));
    assertThat(spark.read().format("delta").load(onS3.path(IndicatorsTable.ID)).count())
        .isEqualTo(spark.read().format("delta").load(local.path(IndicatorsTable.ID)).count());

    // The nightly rerun decides from the state file on S3, without Spark, and commits nothing.
    long before = StateFile.latestVersion(onS3, IndicatorsTable.ID, hadoop());
    Cli.Result again = load("nightly");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("nothing to do").contains("7 seen, 0 loaded, 7 unchanged");
    assertThat(StateFile.latestVersion(onS3, IndicatorsTable.ID, hadoop())).isEqualTo(before);
    assertThat(s3.log()).as("S3Proxy logged no error").noneMatch(l -> l.contains("ERROR"));
  }

  private static Cli.Result load(String command) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command,
                "--input",
                INPUT,
                "--warehouse",
                WAREHOUSE,
                "--config",
                Repo.config().toString(),
                "--no-progress"));
    if (command.equals("nightly")) {
      args.add("--no-exports"); // load writes no exports, and has no such option
    }
    return Cli.run(args.toArray(String[]::new));
  }

  private static Configuration hadoop() {
    return TestSpark.get().sparkContext().hadoopConfiguration();
  }
}
