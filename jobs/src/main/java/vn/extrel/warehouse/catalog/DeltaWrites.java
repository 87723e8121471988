package vn.extrel.warehouse.catalog;

import io.delta.tables.DeltaTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.load.Failpoints;

/**
 * The Delta write patterns the loader uses, each one atomic commit with the run recorded in the
 * commit.
 */
public final class DeltaWrites {
  private DeltaWrites() {}

  /** A SQL string literal. */
  public static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** {@code column IN ('a', 'b')}; {@code false} for an empty set. */
  public static String in(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return "false";
    }
    return column
        + " IN ("
        + values.stream().map(DeltaWrites::literal).collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * Above this many file versions, {@link #versions} names them in IN lists instead of a term per
   * version.
   */
  static final int VERSION_TERMS = 16;

  /** Rows of exactly these (path, sha256) file versions. */
  public static String versions(
      String pathColumn, String shaColumn, Map<String, String> pathToSha) {
    if (pathToSha.isEmpty()) {
      return "false";
    }
    if (pathToSha.size() > VERSION_TERMS) {
      // A term per version, for a hundred files, grows Delta's file-skipping filter past the JVM's
      // method size: Spark logs the generated code as an ERROR and interprets the filter. An IN
      // list is one range check there and one hash look-up per row. A SHA-256 has no '/', so
      // "path/sha" names one version.
      return in(pathColumn, pathToSha.keySet())
          + " AND concat("
          + pathColumn
          + ", '/', "
          + shaColumn
          + ") IN ("
          + pathToSha.entrySet().stream()
              .map(e -> literal(e.getKey() + "/" + e.getValue()))
              .collect(Collectors.joining(", "))
          + ")";
    }
    return pathToSha.entrySet().stream()
        .map(
            e ->
                "("
                    + pathColumn
                    + " = "
                    + literal(e.getKey())
                    + " AND "
                    + shaColumn
                    + " = "
                    + literal(e.getValue())
                    + ")")
        .collect(Collectors.joining(" OR "));
  }

  /**
   * Replaces the rows matching {@code predicate} with {@code rows} in one commit: readers see the
   * old rows or the new ones, never both or neither.
   *
   * @return rows written
   */
  public static long replaceWhere(
      Dataset<Row> rows, String path, String predicate, String userMetadata) {
    return replaceWhere(rows, path, predicate, userMetadata, Map.of());
  }

  /**
   * The same, with table properties ({@code delta.*}) that a write creating the table stores with
   * it (Delta keeps {@code delta.}-prefixed writer options on creation); pass them only then.
   */
  public static long replaceWhere(
      Dataset<Row> rows,
      String path,
      String predicate,
      String userMetadata,
      Map<String, String> tableProperties) {
    beforeCommit(rows.sparkSession(), path, userMetadata);
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        // A table written by an earlier version of the loader gains the columns added since; the
        // loader's version is in the silver fingerprint, so the next load re-reads every file.
        .option("mergeSchema", "true")
        .option("userMetadata", userMetadata)
        .options(tableProperties)
        .save(path);
    afterCommit(path, userMetadata);
    return lastOutputRows(rows.sparkSession(), path);
  }

  /** Replaces the whole table's contents in one commit. */
  public static long overwrite(Dataset<Row> rows, String path, String userMetadata) {
    beforeCommit(rows.sparkSession(), path, userMetadata);
    rows.write()
        .format("delta")
        .mode("overwrite")
        // A whole-table rewrite (gold, the manifest) takes the schema of this version of the
        // loader.
        .option("overwriteSchema", "true")
        .option("userMetadata", userMetadata)
        .save(path);
    afterCommit(path, userMetadata);
    return lastOutputRows(rows.sparkSession(), path);
  }

  public static void append(Dataset<Row> rows, String path, String userMetadata) {
    beforeCommit(rows.sparkSession(), path, userMetadata);
    rows.write().format("delta").mode("append").option("userMetadata", userMetadata).save(path);
    afterCommit(path, userMetadata);
  }

  /**
   * The failpoints before a commit and inside it ({@link Failpoints}): every commit of a load goes
   * through here, so a test can stop a load at any of them.
   */
  private static void beforeCommit(SparkSession spark, String path, String userMetadata) {
    if (!Failpoints.armed()) {
      return;
    }
    Failpoints.hit(Failpoints.commitPoint("before", path, userMetadata));
    String inside = Failpoints.commitPoint("in", path, userMetadata);
    if (inside.equals(Failpoints.armedPoint())) {
      // What Delta has made when a kill stops it inside the commit: the log folders, no commit
      // file.
      try {
        org.apache.hadoop.fs.Path staged =
            new org.apache.hadoop.fs.Path(path + "/_delta_log/_staged_commits");
        staged.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(staged);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Failpoints.hit(inside);
  }

  private static void afterCommit(String path, String userMetadata) {
    if (Failpoints.armed()) {
      Failpoints.hit(Failpoints.commitPoint("after", path, userMetadata));
    }
  }

  /** Delta's setting that tags every commit of the session with this text. */
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  /**
   * Runs {@code action} with every commit it makes tagged {@code userMetadata}: for Delta's own
   * commands (RESTORE, OPTIMIZE, VACUUM), which take no writer option.
   */
  public static <T> T tagged(
      SparkSession spark, String userMetadata, java.util.function.Supplier<T> action) {
    spark.conf().set(USER_METADATA, userMetadata);
    try {
      return action.get();
    } finally {
      spark.conf().unset(USER_METADATA);
    }
  }

  /** Restores the table to {@code version} in one commit tagged {@code userMetadata}. */
  public static List<Row> restore(
      SparkSession spark, String path, long version, String userMetadata) {
    return tagged(
        spark,
        userMetadata,
        () -> DeltaTable.forPath(spark, path).restoreToVersion(version).collectAsList());
  }

  private static long count(com.fasterxml.jackson.databind.JsonNode metrics, String name) {
    com.fasterxml.jackson.databind.JsonNode n = metrics.path(name);
    return n.isMissingNode() ? 0 : Long.parseLong(n.asText());
  }

  /**
   * The rows the last commit wrote, from Delta's own operation metrics; rows a replace copied from
   * the files it rewrote are not counted.
   *
   * @throws java.io.UncheckedIOException when the log cannot be read: the count goes into the
   *     load's totals, where a made-up number would pass unnoticed
   */
  public static long lastOutputRows(SparkSession spark, String path) {
    // Read from the newest commit file itself: asking Delta for its history runs a Spark job.
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path + "/_delta_log");
      org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(conf);
      long v = latestVersion(fs, log);
      if (v < 0) {
        return 0;
      }
      org.apache.hadoop.fs.Path commit =
          new org.apache.hadoop.fs.Path(log, String.format("%020d.json", v));
      try (java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  fs.open(commit), java.nio.charset.StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("{\"commitInfo\"")) {
            com.fasterxml.jackson.databind.JsonNode metrics =
                JSON.readTree(line).path("commitInfo").path("operationMetrics");
            // A replace rewrites the data files it touches: their other rows are copied into the
            // new files and counted in numOutputRows, but they were not written by this load.
            return count(metrics, "numOutputRows") - count(metrics, "numCopiedRows");
          }
        }
      }
      return 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot read the commit just written to " + path + "/_delta_log: " + e.getMessage(), e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The newest commit file in a Delta log folder, without Spark; -1 when there is none. */
  public static long latestVersion(
      org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path log)
      throws java.io.IOException {
    long max = -1;
    if (!fs.exists(log)) {
      return max;
    }
    for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(log)) {
      max = Math.max(max, commitVersion(st.getPath().getName()));
    }
    return max;
  }

  /** The version of a Delta log file name ("00000000000000000012.json" is 12); -1 for others. */
  public static long commitVersion(String name) {
    if (name.length() == 25
        && name.endsWith(".json")
        && name.chars().limit(20).allMatch(Character::isDigit)) {
      return Long.parseLong(name.substring(0, 20));
    }
    return -1;
  }

  /** Short JSON for a commit's userMetadata: which run, which files. */
  public static String commitInfo(String runId, String what, Collection<String> files) {
    List<String> shown = files.stream().limit(20).toList();
    String list =
        shown.stream()
            .map(f -> "\"" + f.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .collect(Collectors.joining(","));
    return "{\"run_id\":\""
        + runId
        + "\",\"step\":\""
        + what
        + "\",\"files\":["
        + list
        + "]"
        + (files.size() > shown.size() ? ",\"more_files\":" + (files.size() - shown.size()) : "")
        + "}";
  }
}
