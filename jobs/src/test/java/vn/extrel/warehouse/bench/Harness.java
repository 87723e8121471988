package vn.extrel.warehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseTables;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.generate.DataGenerator;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.silver.MemberKeys;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.testing.Repo;

/**
 * The benchmark harness (not a test): the goals of docs/BENCHMARKS.md, each measured against its
 * baseline in this one JVM (ratios, not absolute times, are what count), each measurement repeated
 * {@code --reps} times (median). Run by {@code bin/benchmark harness --scale S}.
 */
public final class Harness {
  private Harness() {}

  /**
   * @param value the measured figure (a ratio, seconds, ...) in the goal's terms; NaN when the goal
   *     is not one number
   * @param limit the goal's bound on {@code value}
   * @param ratio value against limit (≤ 1 is met for an upper bound)
   */
  record Goal(
      String id,
      String workload,
      String goal,
      String measured,
      Boolean met,
      double value,
      double limit,
      String unit) {

    double ratio() {
      return Double.isNaN(value) || limit == 0 ? Double.NaN : value / limit;
    }
  }

  static final List<Goal> goals = new ArrayList<>();

  /** How a goal measured in a JVM of its own reaches the report of the whole run. */
  static final String GOAL_LINE = "GOAL\t";

  static final String CHILD = "extrel.harness.child";
  static final List<String> notes = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    double scale = 0.01;
    int reps = 3;
    java.util.Set<String> goalsRun = null; // all goals
    // Goal 6 on silver.trade repeated N times: millions of rows from a small load.
    int g6Copies = 1;
    // Goal 6: unmeasured rounds of the query in each engine first. Spark's first runs in a JVM
    // compile its code (JIT and generated classes: the first run at full scale took seconds, later
    // ones under one); DuckDB is native code. An analyst's session (SQL shell, Connect server) is
    // long-lived, so the warm figure is the one that counts; the first run is reported beside it.
    int g6Warmup = 10;
    Path work = Path.of("target/benchmarks");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--g6-copies" -> g6Copies = Integer.parseInt(args[++i]);
        case "--g6-warmup" -> g6Warmup = Integer.parseInt(args[++i]);
        case "--goals" -> goalsRun = java.util.Set.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path data = work.resolve("data-" + scale);
    DataGenerator gen = new DataGenerator(20161231L, scale);
    if (!Files.exists(data.resolve(".complete"))) {
      long t0 = System.nanoTime();
      DataGenerator.Summary s = gen.generateAll(data);
      Files.writeString(data.resolve(".complete"), "");
      say(
          "generated %d files, %,d rows, %,d MB in %.1f s",
          s.files(), s.rows(), s.bytes() >> 20, secs(t0));
    }
    Path tradeOnly = work.resolve("input-trade-" + scale);
    if (!Files.exists(tradeOnly)) {
      // Hard links, not symbolic ones: a load skips symbolic links inside its input folder.
      Files.createDirectories(tradeOnly.resolve("trade"));
      try (var files = Files.list(data.resolve("trade"))) {
        for (Path f : files.toList()) {
          Files.createLink(tradeOnly.resolve("trade").resolve(f.getFileName()), f);
        }
      }
    }
    long tradeBytes = sizeOf(data.resolve("trade"));
    SparkSession spark = SparkSessions.getOrCreate();
    WarehouseConfig config = WarehouseConfig.load(Repo.config());
    say(
        "Spark %s, %d cores, scale %s: trade CSV %,d MB; %d repetitions, medians",
        spark.version(), Runtime.getRuntime().availableProcessors(), scale, tradeBytes >> 20, reps);

    // Warm-up: the first load of a JVM pays class loading and code generation; one trade file is
    // enough for that (at scale 1 the whole trade set would take a quarter of an hour).
    Path warmupInput = work.resolve("input-warmup-" + scale);
    if (!Files.exists(warmupInput)) {
      Files.createDirectories(warmupInput.resolve("trade"));
      try (var files = Files.list(data.resolve("trade"))) {
        Path first = files.sorted().findFirst().orElseThrow();
        Files.createLink(warmupInput.resolve("trade").resolve(first.getFileName()), first);
      }
    }
    load(config, warmupInput, work.resolve("wh-warmup"));
    delete(work.resolve("wh-warmup"));

    // Goals 1 and 2: the trade CSVs into bronze (and silver), against bare Spark CSV -> Delta.
    StructType csv = new StructType();
    for (String c :
        List.of(
            "nam",
            "xnk",
            "thi_truong",
            "nhom_hang",
            "tri_gia",
            "ma_hs",
            "cua_khau",
            "doanh_nghiep",
            "so_to_khai")) {
      csv = csv.add(c, DataTypes.StringType);
    }
    StructType schema = csv;
    if (goalsRun == null || goalsRun.contains("1") || goalsRun.contains("2")) {
      long silverRows = 0;
      List<Double> bare = new ArrayList<>();
      List<Double> bronze = new ArrayList<>();
      List<Double> bronzeSilver = new ArrayList<>();
      for (int r = 0; r < reps; r++) {
        Path out = work.resolve("bare-" + r);
        delete(out);
        long t0 = System.nanoTime();
        spark
            .read()
            .schema(schema)
            .option("header", "true")
            .option("sep", ";")
            .csv(data.resolve("trade").toString())
            .write()
            .format("delta")
            .save(out.toAbsolutePath().toString());
        bare.add(secs(t0));
        LoadResult res = load(config, tradeOnly, work.resolve("wh-trade-" + r));
        silverRows = res.rowsRead();
        bronze.add(res.stageMillis().get("bronze") / 1000.0);
        bronzeSilver.add(
            (res.stageMillis().get("bronze") + res.stageMillis().get("silver")) / 1000.0);
        delete(out);
        delete(work.resolve("wh-trade-" + r));
      }
      double g1 = median(bronze) / median(bare);
      double g2 = median(bronzeSilver) / median(bare);
      goal(
          "1",
          "trade CSV into bronze",
          "≤ 1.2x bare",
          String.format(
              Locale.ROOT, "%.2fx (bronze %.1f s, bare %.1f s)", g1, median(bronze), median(bare)),
          g1 <= 1.2,
          g1,
          1.2,
          "x bare");
      goal(
          "2",
          "into bronze + silver",
          "≤ 2.0x bare",
          String.format(
              Locale.ROOT,
              "%.2fx (%.1f s; silver alone %.1f s, %,.0f rows/s)",
              g2,
              median(bronzeSilver),
              median(bronzeSilver) - median(bronze),
              silverRows / Math.max(1e-9, median(bronzeSilver) - median(bronze))),
          g2 <= 2.0,
          g2,
          2.0,
          "x bare");
    }

    // The whole generated set: the warehouse goals 4, 5 and 6 run on.
    Path whDir = work.resolve("wh-full-" + scale);
    Map<String, Long> fullStages = Map.of();
    if (goalsRun == null || !Files.exists(whDir)) {
      delete(whDir);
      long tFull = System.nanoTime();
      LoadResult full = load(config, data, whDir);
      fullStages = full.stageMillis();
      say(
          "full load: %.1f s, stages %s, status %s",
          secs(tFull), full.stageMillis(), full.status());
    }

    // Goal 4: nightly with nothing changed, a new process each time, wall clock.
    Warehouse w = Warehouse.at(whDir.toString());
    if (goalsRun == null || goalsRun.contains("4")) {
      load(config, data, whDir); // in step with the input, should an earlier run have changed it
      Map<TableId, Long> versions = versions(w);
      List<Double> nothing = new ArrayList<>();
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        Process p =
            new ProcessBuilder(
                    Repo.root().resolve("bin/warehouse").toString(),
                    "nightly",
                    "--input",
                    data.toString(),
                    "--warehouse",
                    whDir.toString(),
                    "--config",
                    Repo.config().toString(),
                    "--no-exports",
                    "--no-progress")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("nightly-nothing.out").toFile())
                .start();
        int code = p.waitFor();
        nothing.add(secs(t0));
        if (code != 0) {
          throw new IllegalStateException(
              "nightly failed: " + Files.readString(work.resolve("nightly-nothing.out")));
        }
      }
      boolean noCommit = versions(w).equals(versions);
      goal(
          "4",
          "nightly, nothing changed",
          "≤ 2 s wall, no commit",
          String.format(
              Locale.ROOT,
              "%.2f s, %s",
              median(nothing),
              noCommit ? "no new commit" : "NEW COMMITS"),
          median(nothing) <= 2.0 && noCommit,
          median(nothing),
          2.0,
          "s");
    }

    // Goal 5: 1 % of the files changed, against loading just those files into an empty warehouse.
    if (goalsRun == null || goalsRun.contains("5")) {
      List<Double> changed = new ArrayList<>();
      List<Double> alone = new ArrayList<>();
      for (int r = 1; r <= reps; r++) {
        Path before = work.resolve("before-change");
        delete(before);
        Files.createDirectories(before);
        copyTree(data, before);
        gen.change(data, 1.0, r);
        List<String> which = changedFiles(before, data);
        long t0 = System.nanoTime();
        LoadResult res = load(config, data, whDir);
        changed.add(secs(t0));
        Path only = work.resolve("changed-only");
        delete(only);
        for (String f : which) {
          Files.createDirectories(only.resolve(f).getParent());
          Files.copy(data.resolve(f), only.resolve(f));
        }
        Path empty = work.resolve("wh-empty");
        delete(empty);
        long t1 = System.nanoTime();
        load(config, only, empty);
        alone.add(secs(t1));
        say(
            "change round %d: %s -> %.1f s in the warehouse (%s), %.1f s alone",
            r, which, changed.get(changed.size() - 1), res.status(), alone.get(alone.size() - 1));
        delete(before);
      }
      Files.deleteIfExists(
          data.resolve(".complete")); // the data changed: generate afresh next time
      double g5 = median(changed) / median(alone);
      goal(
          "5",
          "1 % of files changed",
          "≤ 3x loading them alone",
          String.format(
              Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", g5, median(changed), median(alone)),
          g5 <= 3.0,
          g5,
          3.0,
          "x alone");
    }

    // Goal 6: the year-over-year trade indicators, Spark against DuckDB on the same Parquet files.
    if (goalsRun != null && goalsRun.contains("6")) {
      Path parquet = work.resolve("silver-trade.parquet");
      Path keys = work.resolve("member-keys.parquet");
      delete(parquet);
      delete(keys);
      Dataset<Row> tradeRows =
          spark
              .read()
              .format("delta")
              .load(w.path(new TableId("silver", "trade")))
              .where("measure = 'value_usd'")
              .selectExpr(
                  "year",
                  "flow_key",
                  "partner_country_key",
                  "product_group_key",
                  "CAST(value AS DOUBLE) AS value")
              // --g6-copies N: the same rows N times, for goal 6 at millions of rows from a small
              // load
              .crossJoin(spark.range(g6Copies).withColumnRenamed("id", "copy"))
              .drop("copy");
      StructType tradeSchema = tradeRows.schema();
      // One file per core, as a table written by several tasks is: a single file of one row
      // group would be read by one thread in either engine.
      tradeRows
          .repartition(spark.sparkContext().defaultParallelism())
          .write()
          .parquet(parquet.toAbsolutePath().toString());
      w.read(spark, MemberKeys.ID).coalesce(1).write().parquet(keys.toAbsolutePath().toString());
      StructType keysSchema = MemberKeys.SCHEMA;
      long rows = spark.read().parquet(parquet.toAbsolutePath().toString()).count();
      String sql = yoySql("trade_rows", "member_keys");
      List<Double> sparkTimes = new ArrayList<>();
      List<Double> duckTimes = new ArrayList<>();
      long sparkCount = 0;
      long duckCount = 0;
      double sparkFirst = 0;
      double duckFirst = 0;
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
        for (int r = 0; r < g6Warmup + reps; r++) {
          long t0 = System.nanoTime();
          spark
              .read()
              .schema(tradeSchema) // known: no job to read it from the files' footers
              .parquet(parquet.toAbsolutePath().toString())
              .createOrReplaceTempView("trade_rows");
          spark
              .read()
              .schema(keysSchema)
              .parquet(keys.toAbsolutePath().toString())
              .createOrReplaceTempView("member_keys");
          sparkCount = spark.sql(sql).collectAsList().size();
          double sparkSecs = secs(t0);
          long t1 = System.nanoTime();
          try (Statement st = duck.createStatement()) {
            st.execute(
                "CREATE OR REPLACE VIEW member_keys AS SELECT * FROM read_parquet('"
                    + keys.toAbsolutePath()
                    + "/*.parquet')");
            st.execute(
                "CREATE OR REPLACE VIEW trade_rows AS SELECT * FROM read_parquet('"
                    + parquet.toAbsolutePath()
                    + "/*.parquet')");
            try (ResultSet rs = st.executeQuery(sql)) {
              duckCount = 0;
              while (rs.next()) {
                duckCount++;
              }
            }
          }
          double duckSecs = secs(t1);
          if (r == 0) {
            sparkFirst = sparkSecs;
            duckFirst = duckSecs;
          }
          if (r >= g6Warmup) {
            sparkTimes.add(sparkSecs);
            duckTimes.add(duckSecs);
          }
        }
      }
      if (sparkCount != duckCount) {
        notes.add("goal 6: Spark gave " + sparkCount + " rows, DuckDB " + duckCount);
      }
      double g6 = median(sparkTimes) / median(duckTimes);
      goal(
          "6",
          "YoY indicators over " + String.format(Locale.ROOT, "%,d", rows) + " trade rows",
          "≤ 5x DuckDB",
          String.format(
              Locale.ROOT,
              "%.2fx (Spark %.2f s, DuckDB %.2f s, %d result rows, after %d unmeasured runs"
                  + " of each; the first run: Spark %.2f s, DuckDB %.2f s)%s",
              g6,
              median(sparkTimes),
              median(duckTimes),
              sparkCount,
              g6Warmup,
              sparkFirst,
              duckFirst,
              fullStages.containsKey("gold")
                  ? String.format(
                      Locale.ROOT,
                      "; gold stage of the full load %.1f s",
                      fullStages.get("gold") / 1000.0)
                  : ""),
          g6 <= 5.0,
          g6,
          5.0,
          "x DuckDB");
    }

    // Goal 7: a warm session's small operations on a small Delta table.
    if (goalsRun == null || goalsRun.contains("7")) {
      Path small = work.resolve("small-table");
      delete(small);
      String t = "delta.`" + small.toAbsolutePath() + "`";
      spark.sql(
          "CREATE TABLE " + t + " (id BIGINT, year INT, partner STRING, value DOUBLE) USING delta");
      spark.sql(
          "INSERT INTO "
              + t
              + " SELECT id, 2008 + id % 10, 'P' || (id % 30), id * 1.5 FROM range(1000)");
      Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
      int[] next = {1000};
      ops.put(
          "small append (10 rows)",
          () ->
              spark.sql(
                  "INSERT INTO "
                      + t
                      + " SELECT id, 2017, 'P1', 1.0 FROM range("
                      + next[0]
                      + ", "
                      + (next[0] += 10)
                      + ")"));
      ops.put("count", () -> spark.sql("SELECT count(*) FROM " + t).collectAsList());
      ops.put(
          "tiny MERGE (10 rows)",
          () ->
              spark.sql(
                  "MERGE INTO "
                      + t
                      + " d USING (SELECT id, 2.0 AS value FROM range(0, 10)) s ON d.id = s.id WHEN MATCHED THEN UPDATE SET d.value = s.value"));
      ops.put(
          "small group-by",
          () ->
              spark
                  .sql("SELECT year, partner, sum(value) FROM " + t + " GROUP BY year, partner")
                  .collectAsList());
      Map<String, Double> goal7 =
          Map.of(
              "small append (10 rows)",
              0.4,
              "count",
              0.25,
              "tiny MERGE (10 rows)",
              2.0,
              "small group-by",
              0.35);
      StringBuilder m7 = new StringBuilder();
      boolean met7 = true;
      for (var e : ops.entrySet()) {
        e.getValue().get(); // warm
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < Math.max(reps, 5); r++) {
          long t0 = System.nanoTime();
          e.getValue().get();
          times.add(secs(t0));
        }
        double ms = median(times) * 1000;
        met7 &= ms <= goal7.get(e.getKey()) * 1000;
        m7.append(String.format(Locale.ROOT, "%s %.0f ms; ", e.getKey(), ms));
      }
      goal("7", "warm session", "400 / 250 / 2000 / 350 ms", m7.toString().trim(), met7);
    }

    // Goal 6 of the whole run: in a JVM of its own (DuckDB and Spark side by side in it, as
    // always), not in this one after the loads above; their heap and caches made Spark's side
    // slower by a varying margin (docs/BENCHMARKS.md).
    if (goalsRun == null) {
      spark.stop();
      goalApart("6", work, scale, reps, g6Copies, g6Warmup);
    }
    goals.sort(java.util.Comparator.comparing(Goal::id));

    StringBuilder md = new StringBuilder();
    md.append("| # | workload | goal | measured | met |\n|---|---|---|---|---|\n");
    for (Goal g : goals) {
      md.append("| ")
          .append(g.id())
          .append(" | ")
          .append(g.workload())
          .append(" | ")
          .append(g.goal())
          .append(" | ")
          .append(g.measured())
          .append(" | ")
          .append(g.met() ? "met" : "**not met**")
          .append(" |\n");
    }
    for (String n : notes) {
      md.append("\n").append(n).append("\n");
    }
    Path report = work.resolve("harness-" + scale + ".md");
    Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
    writeJson(work.resolve("harness-" + scale + ".json"), scale);
    System.out.println();
    System.out.print(md);
    System.out.println("\nwritten to " + report);
    spark.stop();
  }

  /** Runs {@code --goals id} in a new JVM with this one's flags and keeps the goal it reports. */
  static void goalApart(String id, Path work, double scale, int reps, int g6Copies, int g6Warmup)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-D" + CHILD + "=true");
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Harness.class.getName(),
            "--work",
            work.toString(),
            "--scale",
            "" + scale,
            "--reps",
            "" + reps,
            "--g6-copies",
            "" + g6Copies,
            "--g6-warmup",
            "" + g6Warmup,
            "--goals",
            id));
    say("goal %s in a JVM of its own", id);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(GOAL_LINE)) {
          String[] f = line.substring(GOAL_LINE.length()).split("\t", -1);
          goals.add(
              new Goal(
                  f[0],
                  f[1],
                  f[2],
                  f[3] + " (a JVM of its own)",
                  Boolean.valueOf(f[4]),
                  Double.parseDouble(f[5]),
                  Double.parseDouble(f[6]),
                  f[7]));
        }
      }
    }
    if (p.waitFor() != 0) {
      notes.add("goal " + id + ": its JVM failed with exit code " + p.exitValue());
    }
  }

  /**
   * The trade indicators of config/indicators.yaml (export and import value; total, by partner
   * country, by product group) with their year-over-year ratio, change and share, in SQL both
   * engines run, as the gold stage computes them: one scan summing to (flow, year, partner country,
   * product group) by the members' keys, grouping sets over that small result, window functions
   * over the years, then the keys of the few result rows turned back into members.
   */
  static String yoySql(String view, String memberKeys) {
    return """
        WITH fine AS (
          SELECT flow_key, year, partner_country_key, product_group_key, sum(value) AS value
            FROM %1$s
           GROUP BY flow_key, year, partner_country_key, product_group_key),
        base AS (
          SELECT flow_key, year, partner_country_key, product_group_key,
                 2 * grouping(partner_country_key) + grouping(product_group_key) AS g,
                 sum(value) AS value
            FROM fine
           GROUP BY GROUPING SETS ((flow_key, year), (flow_key, year, partner_country_key),
                                   (flow_key, year, product_group_key))),
        series AS (
          SELECT flow_key, g, coalesce(partner_country_key, product_group_key) AS member_key, year,
                 value,
                 value / lag(value) OVER (PARTITION BY flow_key, g, partner_country_key,
                                          product_group_key ORDER BY year) AS yoy_ratio,
                 value / sum(value) OVER (PARTITION BY flow_key, g, year) AS share
            FROM base)
        SELECT CASE s.flow_key WHEN %3$d THEN 'export' WHEN %4$d THEN 'import' END AS flow,
               CASE s.g WHEN 3 THEN 'total' WHEN 1 THEN 'partner_country' ELSE 'product_group' END
                 AS dimension,
               coalesce(m.member, 'all') AS member, s.year, s.value, s.yoy_ratio,
               100 * (s.yoy_ratio - 1) AS yoy_change_pct, s.share
          FROM series s LEFT JOIN %2$s m ON m.key = s.member_key
        """
        .formatted(view, memberKeys, MemberKeys.of("export"), MemberKeys.of("import"));
  }

  static LoadResult load(WarehouseConfig config, Path input, Path warehouse) {
    return new LoadJob(
            config,
            new LoadJob.Options(
                input.toAbsolutePath().toString(),
                Warehouse.at(warehouse.toString()),
                false,
                "load",
                600_000))
        .run(SparkSessions.getOrCreate());
  }

  static Map<TableId, Long> versions(Warehouse w) {
    Map<TableId, Long> v = new LinkedHashMap<>();
    for (TableId t : WarehouseTables.all().keySet()) {
      v.put(t, StateFile.latestVersion(w, t, new org.apache.hadoop.conf.Configuration()));
    }
    return v;
  }

  static List<String> changedFiles(Path before, Path after) throws IOException {
    List<String> out = new ArrayList<>();
    try (var files = Files.walk(after)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = after.relativize(f).toString();
        Path old = before.resolve(rel);
        if (!rel.startsWith(".") && (!Files.exists(old) || Files.mismatch(old, f) != -1)) {
          out.add(rel);
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path dst = to.resolve(from.relativize(f).toString());
        Files.createDirectories(dst.getParent());
        Files.createLink(dst, f); // hard link: the generator replaces files, never edits them
      }
    }
  }

  static long sizeOf(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void delete(Path p) throws IOException {
    if (Files.exists(p)) {
      try (var files = Files.walk(p)) {
        for (Path f : files.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  static void goal(String id, String workload, String goal, String measured, boolean met) {
    goal(id, workload, goal, measured, met, Double.NaN, Double.NaN, "");
  }

  static void goal(
      String id,
      String workload,
      String goal,
      String measured,
      boolean met,
      double value,
      double limit,
      String unit) {
    goals.add(new Goal(id, workload, goal, measured, met, value, limit, unit));
    if (Boolean.getBoolean(CHILD)) {
      System.out.println(
          GOAL_LINE
              + String.join(
                  "\t", id, workload, goal, measured, "" + met, "" + value, "" + limit, unit));
    }
    say("goal %s (%s): %s -> %s", id, workload, measured, met ? "met" : "not met");
  }

  /** The report as JSON, one object per goal, for scripts and the next session. */
  static void writeJson(Path file, double scale) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
    root.put("date", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
    root.put("scale", scale);
    root.put("commit", commit());
    com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("goals");
    for (Goal g : goals) {
      com.fasterxml.jackson.databind.node.ObjectNode o = list.addObject();
      o.put("goal", g.id());
      o.put("workload", g.workload());
      o.put("target", g.goal());
      if (Double.isNaN(g.value())) {
        o.putNull("measured");
        o.putNull("limit");
        o.putNull("ratio");
      } else {
        o.put("measured", g.value());
        o.put("limit", g.limit());
        o.put("ratio", g.ratio());
      }
      o.put("unit", g.unit());
      o.put("met", g.met());
      o.put("text", g.measured());
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  /** The commit the harness ran at, with "+changes" when the tree had uncommitted changes. */
  static String commit() {
    try {
      Process p = new ProcessBuilder("git", "describe", "--always", "--dirty=+changes").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void say(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, fmt + "%n", args);
    System.out.flush();
  }
}
