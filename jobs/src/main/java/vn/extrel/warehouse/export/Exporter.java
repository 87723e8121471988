package vn.extrel.warehouse.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.TableId;
import vn.extrel.warehouse.table.WarehouseTables;
import vn.extrel.warehouse.util.Hashing;

/**
 * Writes a table or a query's result to CSV (UTF-8 with BOM, so Excel shows Vietnamese), XLSX
 * ({@link XlsxExport}), JSON (with the indicators' metadata and the Delta versions it came from) or
 * Parquet; text a spreadsheet would run as a formula is made inert. Each file is written beside its
 * target and moved into place, then its manifest {@code <file>.manifest.json} (rows, SHA-256,
 * source and the Delta version of every table read) the same way; what a killed export left beside
 * its target is cleared by the next.
 *
 * <p>Those versions are what was read. A table named alone, and the tables behind an indicator
 * workbook's lineage, are read at the version recorded. A view or a SELECT is planned by Spark
 * against the newest versions, so the export checks them again once the file is written: when a
 * load committed meanwhile, it reads again (up to {@link #ATTEMPTS} times) rather than record a
 * version it did not read.
 */
public final class Exporter {

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][\\w]*\\.[A-Za-z_][\\w]*");
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** Reads of a view or a SELECT before giving up on a warehouse that keeps changing. */
  static final int ATTEMPTS = 3;

  /** What was written. */
  public record Result(
      Path file,
      ExportFormat format,
      long rows,
      String sha256,
      String source,
      Map<String, Long> versions) {}

  /**
   * The versions of the tables a source reads, and which of them Spark reads at its newest (a view
   * or a SELECT) rather than at the version recorded.
   */
  private record Reads(Map<String, Long> versions, Set<TableId> unpinned) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final WarehouseConfig config;
  private final IndicatorCatalog indicators;
  private final ExportTitles titles;
  private Runnable beforeReading = () -> {};

  public Exporter(
      SparkSession spark, Warehouse warehouse, WarehouseConfig config, ExportTitles titles) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
    this.indicators = config.indicators();
    this.titles = titles;
  }

  /** Runs between recording the versions and reading: where a test commits, as a load might. */
  void beforeReading(Runnable hook) {
    this.beforeReading = hook;
  }

  /**
   * @param source a table or view name ({@code gold.indicators}, {@code gold.fdi_yoy}) or a SELECT
   * @param locale {@code vi} or {@code en}: titles in CSV and XLSX, number formats in XLSX
   */
  public Result export(String source, ExportFormat format, Path out, String locale) {
    ExportLocale loc = ExportLocale.of(locale);
    Path target = out.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      clearLeftovers(target);
      for (int attempt = 1; ; attempt++) {
        Reads reads = reads(source);
        Map<String, Long> versions = new LinkedHashMap<>(reads.versions());
        beforeReading.run();
        Dataset<Row> df = read(source, versions, reads.unpinned());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        long rows;
        try {
          rows =
              switch (format) {
                case CSV -> new TextExport(titles, indicators).csv(df, tmp, loc);
                case XLSX -> xlsx(df, tmp, loc, source, versions);
                case JSON -> new TextExport(titles, indicators).json(df, tmp, source, versions);
                case PARQUET -> parquet(df, tmp);
              };
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Map<String, Long> moved = changed(reads);
        if (!moved.isEmpty()) {
          Files.deleteIfExists(tmp);
          if (attempt == ATTEMPTS) {
            throw ExportErrors.keptChanging(source, moved, ATTEMPTS);
          }
          continue;
        }
        // The file's old manifest goes first: a kill between the file and its manifest then leaves
        // a file without one, which the next night writes again (never a manifest of another file).
        Files.deleteIfExists(manifestOf(target));
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        vn.extrel.warehouse.util.Failpoints.hit(EXPORT_WRITTEN);
        Result r =
            new Result(
                target,
                format,
                rows,
                Hashing.sha256(
                    target.toUri().toString(), new org.apache.hadoop.conf.Configuration()),
                source,
                Map.copyOf(versions));
        manifest(r);
        return r;
      }
    } catch (IOException e) {
      throw ExportErrors.cannotWrite(target, e);
    }
  }

  /** The Delta version of every warehouse table the source reads, to pin it and to record it. */
  Map<String, Long> versions(String source) {
    return reads(source).versions();
  }

  private Reads reads(String source) {
    Set<TableId> tables = new LinkedHashSet<>();
    String lower = source.toLowerCase(Locale.ROOT);
    for (TableId t : WarehouseTables.all().keySet()) {
      if (lower.matches("(?s).*\\b" + Pattern.quote(t.qualified()) + "\\b.*")) {
        tables.add(t);
      }
    }
    // The gold views are views of gold.indicators.
    for (String view : indicators.views().keySet()) {
      if (lower.matches("(?s).*\\bgold\\." + Pattern.quote(view) + "\\b.*")) {
        tables.add(IndicatorsTable.ID);
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (TableId t : tables) {
      long version = latest(t);
      if (version >= 0) {
        out.put(t.qualified(), version);
      }
    }
    boolean bare =
        TABLE_NAME.matcher(source.trim()).matches()
            && tables.size() == 1
            && tables.iterator().next().qualified().equalsIgnoreCase(source.trim());
    return new Reads(out, bare ? Set.of() : tables);
  }

  private long latest(TableId t) {
    return StateFile.latestVersion(warehouse, t, spark.sparkContext().hadoopConfiguration());
  }

  /** The tables read at their newest whose version is no longer the one recorded. */
  private Map<String, Long> changed(Reads reads) {
    Map<String, Long> moved = new LinkedHashMap<>();
    for (TableId t : reads.unpinned()) {
      Long was = reads.versions().get(t.qualified());
      long now = latest(t);
      if (was == null ? now >= 0 : was != now) {
        moved.put(t.qualified(), now);
      }
    }
    return moved;
  }

  private Dataset<Row> read(String source, Map<String, Long> versions, Set<TableId> unpinned) {
    String s = source.trim();
    if (unpinned.isEmpty()) {
      for (TableId t : WarehouseTables.all().keySet()) {
        if (t.qualified().equalsIgnoreCase(s) && versions.containsKey(t.qualified())) {
          return Pinned.read(spark, warehouse, t, versions.get(t.qualified()));
        }
      }
    }
    if (TABLE_NAME.matcher(s).matches()) {
      return spark.table(s);
    }
    // Analysed here, under the guard: an export reads; its own Parquet write comes later.
    try (ReadOnlyGuard.Scope guard =
        ReadOnlyGuard.guard(spark, ReadOnlyGuard.Access.READ_ONLY, READ_ONLY_HINT)) {
      return spark.sql(s);
    }
  }

  /** Ends the refusal of a source that is not a query. */
  static final String READ_ONLY_HINT = "Export takes a table name or a query";

  private long xlsx(
      Dataset<Row> df, Path file, ExportLocale locale, String source, Map<String, Long> versions)
      throws IOException {
    XlsxExport x = new XlsxExport(titles, locale);
    if (!XlsxExport.isIndicatorRows(df.schema().fields())) {
      return x.table(df, file, sheetName(source));
    }
    // The lineage sheet reads silver and the file loads at their versions of now, recorded with
    // the rest.
    Map<String, Long> now = new LinkedHashMap<>();
    for (TableId t : IndicatorLineage.tables(indicators.indicators())) {
      long v = latest(t);
      if (v >= 0) {
        now.put(t.qualified(), v);
      }
    }
    IndicatorLineage.Result lineage =
        IndicatorLineage.of(
            spark,
            warehouse,
            indicators.indicators(),
            config.layouts(),
            df,
            now,
            XlsxExport.MAX_CELLS);
    lineage.read().forEach(versions::putIfAbsent);
    return x.report(df, file, source, lineage, versions);
  }

  private static String sheetName(String source) {
    return TABLE_NAME.matcher(source.trim()).matches() ? source.trim() : "query";
  }

  private long parquet(Dataset<Row> df, Path file) throws IOException {
    Path dir = Files.createTempDirectory(file.getParent(), ".parquet");
    try {
      Dataset<Row> cached = df.cache();
      long n = cached.count();
      cached.coalesce(1).write().mode("overwrite").parquet(dir.resolve("out").toString());
      cached.unpersist();
      try (var parts = Files.list(dir.resolve("out"))) {
        Path part =
            parts
                .filter(p -> p.getFileName().toString().endsWith(".parquet"))
                .findFirst()
                .orElseThrow(() -> new IOException("Spark wrote no Parquet file"));
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return n;
    } finally {
      deleteTree(dir);
    }
  }

  /** The failpoint between an export file and its manifest. */
  public static final String EXPORT_WRITTEN = "export-written";

  /** The manifest that goes with an export file. */
  public static Path manifestOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".manifest.json");
  }

  /** Temporary files and folders are this old before another export takes them for a crash's. */
  static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(30);

  /**
   * Removes what an export of {@code target} killed part-way left beside it: its hidden {@code
   * .<name>*.tmp} file, and Spark's {@code .parquet*} folders. Only those older than {@link
   * #LEFTOVER_AGE}, so an export running at the same time keeps its own.
   */
  static void clearLeftovers(Path target) throws IOException {
    String prefix = "." + target.getFileName();
    java.time.Instant before = java.time.Instant.now().minus(LEFTOVER_AGE);
    try (var siblings = Files.list(target.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        boolean ours =
            (name.startsWith(prefix) && name.endsWith(".tmp"))
                || (name.startsWith(".parquet") && Files.isDirectory(p));
        if (ours && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
          deleteTree(p);
        }
      }
    }
  }

  private void manifest(Result r) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("file", r.file().getFileName().toString())
        .put("format", r.format().extension())
        .put("rows", r.rows())
        .put("sha256", r.sha256())
        .put("source", r.source())
        .put("exported_at", Instant.now().toString());
    m.putPOJO("delta_versions", r.versions());
    Path mf = manifestOf(r.file());
    Path tmp = Files.createTempFile(mf.getParent(), "." + r.file().getFileName(), ".tmp");
    Files.writeString(
        tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m), StandardCharsets.UTF_8);
    Files.move(tmp, mf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
