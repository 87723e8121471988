package vn.extrel.warehouse.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;

/**
 * The one place that builds a SparkSession, for the CLI, the scheduler, spark-submit and the tests
 * alike.
 *
 * <p>Every non-default setting carries its reason. When the session runs under spark-submit, the
 * master and anything the submitter set win over the defaults here; only the Delta wiring is
 * forced.
 */
public final class SparkSessions {

  private SparkSessions() {}

  static final String CODEGEN_MODE = "spark.sql.codegen.factoryMode";
  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /**
   * Input below which a load evaluates its expressions instead of compiling them: generating and
   * compiling Java for every query costs seconds in a fresh JVM and pays off only on millions of
   * rows (the sample load in a new process: 68-69 s compiled, 45-52 s evaluated;
   * docs/BENCHMARKS.md).
   */
  public static final long CODEGEN_INPUT_BYTES = 64L * 1024 * 1024;

  /** Undoes a temporary setting. */
  public interface Restore extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * For a run over {@code inputBytes} of source files: below {@link #CODEGEN_INPUT_BYTES}, until
   * closed, no code generation, and no adaptive execution with one shuffle partition. Adaptive
   * execution runs every shuffle of a query as a Spark job of its own and plans the rest of the
   * query again after each one; on a few thousand rows it ends by coalescing every shuffle into one
   * partition anyway, so one partition from the start gives the same tasks and the same files at
   * half the jobs (the sample load: 171 jobs adaptive, 91 not; docs/BENCHMARKS.md). Settings made
   * by the user or spark-submit win; a run that finds a mode already set (another run of the same
   * session) leaves it alone.
   */
  public static Restore forInput(SparkSession spark, long inputBytes) {
    if (inputBytes >= CODEGEN_INPUT_BYTES) {
      return () -> {};
    }
    Map<String, String> small = new LinkedHashMap<>();
    if (!spark.conf().contains(CODEGEN_MODE) && !spark.conf().contains(WHOLE_STAGE)) {
      small.put(WHOLE_STAGE, "false");
      small.put(CODEGEN_MODE, "NO_CODEGEN");
    }
    if (!spark.conf().contains(ADAPTIVE)) {
      small.put(ADAPTIVE, "false");
      small.put(SHUFFLE_PARTITIONS, "1");
    }
    // What was set before, to set again on close (a key that was not set goes back to unset, not
    // to its default: getOption would give the default, and setting it would read as a choice).
    Map<String, Optional<String>> before = new LinkedHashMap<>();
    small.forEach(
        (k, v) -> {
          before.put(
              k, spark.conf().contains(k) ? Optional.of(spark.conf().get(k)) : Optional.empty());
          spark.conf().set(k, v);
        });
    return () ->
        before.forEach(
            (k, v) -> {
              if (v.isPresent()) {
                spark.conf().set(k, v.get());
              } else {
                spark.conf().unset(k);
              }
            });
  }

  /**
   * For a one-shot command (a query, an export, a notebook) over a warehouse: on local disk and
   * below {@link #CODEGEN_INPUT_BYTES}, no code generation for the rest of the process; queries
   * over a larger warehouse, or one on object storage, compile as usual.
   */
  public static void forCommand(SparkSession spark, Warehouse warehouse) {
    java.nio.file.Path dir = warehouse.localDir();
    if (dir != null) {
      var unused = forInput(spark, localBytes(dir, CODEGEN_INPUT_BYTES));
    }
  }

  /** The bytes under {@code dir}, counted until {@code enough}. */
  static long localBytes(java.nio.file.Path dir, long enough) {
    long[] total = {0};
    try (var files = java.nio.file.Files.walk(dir)) {
      files
          .filter(java.nio.file.Files::isRegularFile)
          .takeWhile(f -> total[0] < enough)
          .forEach(
              f -> {
                try {
                  total[0] += java.nio.file.Files.size(f);
                } catch (java.io.IOException e) {
                  // a file removed meanwhile (VACUUM) counts as nothing
                }
              });
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return enough;
    }
    return total[0];
  }

  /** Settings without which the warehouse does not work at all. */
  static Map<String, String> required() {
    Map<String, String> conf = new LinkedHashMap<>();
    // Delta Lake's SQL commands (DESCRIBE HISTORY, RESTORE, VERSION AS OF) and its catalog; the
    // read-only guard's check rule, in every session (it acts only where a front end switches it
    // on).
    conf.put(
        "spark.sql.extensions",
        "io.delta.sql.DeltaSparkSessionExtension," + ReadOnlyGuard.Extension.class.getName());
    conf.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    // No Hive metastore: the warehouse folder is the catalog, re-bound by every process (see
    // WarehouseCatalog),
    // so a SQL shell never locks out a running load the way an embedded Derby metastore would.
    conf.put("spark.sql.catalogImplementation", "in-memory");
    // Indicator years and dates are calendar values; pin the zone so no machine shifts them.
    conf.put("spark.sql.session.timeZone", "UTC");
    // Tables are created by their first write; these defaults give every new table its retention.
    // Time
    // travel answers "as published on": a year of log keeps a year of versions reachable; files a
    // newer
    // version replaced stay 30 days for readers and restores (VACUUM removes them after that).
    conf.put(
        "spark.databricks.delta.properties.defaults.logRetentionDuration", "interval 365 days");
    conf.put(
        "spark.databricks.delta.properties.defaults.deletedFileRetentionDuration",
        "interval 30 days");
    // Fail instead of silently producing null on bad casts and overflowing arithmetic.
    conf.put("spark.sql.ansi.enabled", "true");
    // Named parameters (:year) bound by the analyser, as up to Spark 4.0. Spark 4.2 substitutes
    // them while parsing, through ParserInterface.parsePlanWithParameters, which Delta 4.4's parser
    // does not pass on (it keeps the interface's default, which drops them): spark.sql(text, args)
    // then fails with UNBOUND_SQL_PARAMETER. Notebook parameters stand where constants do.
    conf.put("spark.sql.legacy.parameterSubstitution.constantsOnly", "true");
    // The in-memory catalog makes an empty folder per database; keep those out of the user's
    // working folder.
    conf.put(
        "spark.sql.warehouse.dir",
        java.nio.file.Path.of(
                System.getProperty("java.io.tmpdir"),
                "extrel-catalog-" + System.getProperty("user.name"))
            .toUri()
            .toString());
    return conf;
  }

  /** Defaults for one machine; a cluster submit overrides any of them. */
  static Map<String, String> localDefaults() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.master", "local[*]");
    conf.put("spark.app.name", "extrel-warehouse");
    // Local mode talks only to itself: loopback avoids a laptop's odd hostname and any firewall
    // prompt.
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.driver.bindAddress", "127.0.0.1");
    // The province's tables are megabytes, not terabytes: 200 shuffle partitions would be 200 tiny
    // tasks.
    conf.put("spark.sql.shuffle.partitions", "4");
    // Delta's default of 50 snapshot partitions costs seconds per table on a laptop for a log of a
    // few files.
    conf.put("spark.databricks.delta.snapshotPartitions", "2");
    // VACUUM lists a table's folders in this many tasks (default 10000): minutes per table on two
    // cores for a folder of a few dozen files.
    conf.put("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
    // A CLI run is short-lived; the UI only costs start-up time and a port.
    conf.put("spark.ui.enabled", "false");
    // Spark's own progress bar would interleave with the CLI's output.
    conf.put("spark.ui.showConsoleProgress", "false");
    // Adaptive execution stays Spark's default (on), left unset so that a load over small input can
    // tell a user's choice from the default (see forInput).
    return conf;
  }

  /**
   * Builds (or returns the running) session.
   *
   * @param overrides settings that win over the local defaults, e.g. from tests or the command line
   */
  public static SparkSession getOrCreate(Map<String, String> overrides) {
    SparkConf submitted = new SparkConf(); // picks up spark.* system properties set by spark-submit
    SparkSession.Builder builder = SparkSession.builder();
    for (Map.Entry<String, String> e : localDefaults().entrySet()) {
      if (!submitted.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    overrides.forEach(builder::config);
    String master =
        overrides.getOrDefault(
            "spark.master", submitted.get("spark.master", localDefaults().get("spark.master")));
    if (master.startsWith("local")) {
      // One JVM: the local file system without a forked process per file (see LocalFiles). A
      // cluster's executors keep Hadoop's own.
      LocalFiles.SETTINGS.forEach(
          (k, v) -> {
            if (!submitted.contains("spark.hadoop." + k)) {
              builder.config("spark.hadoop." + k, v);
            }
          });
    }
    required().forEach(builder::config);
    return builder.getOrCreate();
  }

  public static SparkSession getOrCreate() {
    return getOrCreate(Map.of());
  }
}
