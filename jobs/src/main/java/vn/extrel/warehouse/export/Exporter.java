package vn.extrel.warehouse.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.extrel.warehouse.catalog.TableId;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseTables;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.ops.StateFile;
import vn.extrel.warehouse.util.Hashing;

/**
 * Writes a table or a query's result to CSV (UTF-8 with BOM, so Excel shows Vietnamese), XLSX
 * (typed numbers with formats, a styled frozen header), JSON (with the indicators' metadata and the
 * Delta versions it came from) or Parquet; text a spreadsheet would run as a formula is made inert.
 * Each file is written beside its target and moved into place, then its manifest {@code
 * <file>.manifest.json} (rows, SHA-256, source and versions) the same way; what a killed export
 * left beside its target is cleared by the next.
 */
public final class Exporter {

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][\\w]*\\.[A-Za-z_][\\w]*");
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** What was written. */
  public record Result(
      Path file,
      ExportFormat format,
      long rows,
      String sha256,
      String source,
      Map<String, Long> versions) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final IndicatorCatalog indicators;
  private final ColumnTitles titles;

  public Exporter(
      SparkSession spark, Warehouse warehouse, IndicatorCatalog indicators, ColumnTitles titles) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.indicators = indicators;
    this.titles = titles;
  }

  /**
   * @param source a table or view name ({@code gold.indicators}, {@code gold.fdi_yoy}) or a SELECT
   * @param locale {@code vi} or {@code en}: column titles in CSV and XLSX
   */
  public Result export(String source, ExportFormat format, Path out, String locale) {
    if (!"vi".equals(locale) && !"en".equals(locale)) {
      throw new UserException("unknown --locale '" + locale + "'; use vi or en");
    }
    Map<String, Long> versions = versions(source);
    Dataset<Row> df = read(source, versions);
    Path target = out.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      clearLeftovers(target);
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      long rows =
          switch (format) {
            case CSV -> csv(df, tmp, locale);
            case XLSX -> xlsx(df, tmp, locale, source);
            case JSON -> json(df, tmp, source, versions);
            case PARQUET -> parquet(df, tmp);
          };
      // The file's old manifest goes first: a kill between the file and its manifest then leaves a
      // file without one, which the next night writes again (never a manifest of another file).
      Files.deleteIfExists(manifestOf(target));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      vn.extrel.warehouse.load.Failpoints.hit(EXPORT_WRITTEN);
      Result r =
          new Result(
              target,
              format,
              rows,
              Hashing.sha256(target.toUri().toString(), new org.apache.hadoop.conf.Configuration()),
              source,
              versions);
      manifest(r);
      return r;
    } catch (IOException e) {
      throw new UserException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The Delta version of every warehouse table the source reads, to pin it and to record it. */
  Map<String, Long> versions(String source) {
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
      long version =
          StateFile.latestVersion(warehouse, t, spark.sparkContext().hadoopConfiguration());
      if (version >= 0) {
        out.put(t.qualified(), version);
      }
    }
    return out;
  }

  private Dataset<Row> read(String source, Map<String, Long> versions) {
    String s = source.trim();
    if (TABLE_NAME.matcher(s).matches()) {
      for (TableId t : WarehouseTables.all().keySet()) {
        if (t.qualified().equalsIgnoreCase(s) && versions.containsKey(t.qualified())) {
          // Pinned to the version recorded, even if a load commits meanwhile.
          return spark.sql(
              "SELECT * FROM delta.`"
                  + warehouse.path(t)
                  + "` VERSION AS OF "
                  + versions.get(t.qualified()));
        }
      }
      return spark.table(s);
    }
    return spark.sql(s);
  }

  private long csv(Dataset<Row> df, Path file, String locale) throws IOException {
    StructField[] fields = df.schema().fields();
    long n = 0;
    try (OutputStream os = Files.newOutputStream(file);
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8)); ) {
      w.write('\uFEFF');
      List<String> header = new ArrayList<>();
      for (StructField f : fields) {
        header.add(Cells.inert(titles.title(f.name(), locale)));
      }
      try (CSVPrinter p =
          new CSVPrinter(
              w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build())) {
        for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); ) {
          Row r = it.next();
          List<Object> values = new ArrayList<>(fields.length);
          for (int i = 0; i < fields.length; i++) {
            values.add(csvValue(r, i, fields[i].dataType()));
          }
          p.printRecord(values);
          n++;
        }
      }
    }
    return n;
  }

  private static Object csvValue(Row r, int i, DataType type) {
    if (r.isNullAt(i)) {
      return "";
    }
    Object v = r.get(i);
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() < 0
          ? d.setScale(0).toPlainString()
          : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return Cells.inert(text(v));
  }

  private static String text(Object v) {
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof scala.collection.Iterable<?>
        || v instanceof Row
        || v instanceof scala.collection.Map<?, ?>) {
      // As JSON ({"partner": "Thái Lan"}), which any reader of the file can parse; Scala's own
      // text ("HashMap(partner -> Thái Lan)") no reader can.
      try {
        return JSON.writeValueAsString(plain(v));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.valueOf(v);
  }

  /** A Spark value as plain Java: maps (keys in order), lists, structs by field name. */
  private static Object plain(Object v) {
    if (v instanceof scala.collection.Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m)
          .forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof Row r) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < r.length(); i++) {
        out.put(r.schema() == null ? "_" + i : r.schema().fields()[i].name(), plain(r.get(i)));
      }
      return out;
    }
    if (v instanceof scala.collection.Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(it).forEach(x -> out.add(plain(x)));
      return out;
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    return v instanceof BigDecimal || v instanceof Number || v instanceof Boolean || v == null
        ? v
        : String.valueOf(v);
  }

  private long xlsx(Dataset<Row> df, Path file, String locale, String source) throws IOException {
    StructField[] fields = df.schema().fields();
    long n = 0;
    try (OutputStream os = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(os, "extrel-warehouse", "1.0");
      Worksheet ws = wb.newWorksheet(sheetName(source));
      for (int c = 0; c < fields.length; c++) {
        String title = titles.title(fields[c].name(), locale);
        ws.value(0, c, Cells.inert(title));
        ws.style(0, c).bold().fillColor("DDEBF7").set();
        ws.width(c, Math.max(10, Math.min(40, title.length() + 4)));
      }
      ws.freezePane(0, 1);
      String[] formats = new String[fields.length];
      for (int c = 0; c < fields.length; c++) {
        formats[c] = numberFormat(fields[c]);
      }
      int r = 1;
      for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); r++) {
        Row row = it.next();
        for (int c = 0; c < fields.length; c++) {
          if (row.isNullAt(c)) {
            continue;
          }
          Object v = row.get(c);
          if (v instanceof Number num) {
            ws.value(r, c, num);
            if (formats[c] != null) {
              ws.style(r, c).format(formats[c]).set();
            }
          } else if (v instanceof Boolean b) {
            ws.value(r, c, b);
          } else if (v instanceof java.sql.Date d) {
            ws.value(r, c, d.toLocalDate());
            ws.style(r, c).format("yyyy-mm-dd").set();
          } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
          } else if (v instanceof java.sql.Timestamp t) {
            ws.value(r, c, t.toInstant().toString());
          } else if (v instanceof Instant t) {
            ws.value(r, c, t.toString());
          } else {
            ws.value(r, c, Cells.inert(text(v)));
          }
        }
        n++;
      }
      wb.finish();
    }
    return n;
  }

  /** Whole numbers with thousands separators; ratios and percentages with their decimals. */
  static String numberFormat(StructField f) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.IntegerType) && f.name().equals("year")) {
      return null;
    }
    if (t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.LongType)
        || t.equals(DataTypes.ShortType)) {
      return "#,##0";
    }
    if (t instanceof DecimalType d) {
      if (f.name().endsWith("_pct")) {
        return "#,##0.0";
      }
      if (f.name().contains("ratio")) {
        return "0.00";
      }
      return d.scale() == 0 ? "#,##0" : "#,##0.##";
    }
    if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
      return f.name().contains("ratio") ? "0.00" : "#,##0.##";
    }
    return null;
  }

  private static String sheetName(String source) {
    String s = TABLE_NAME.matcher(source.trim()).matches() ? source.trim() : "query";
    s = s.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }

  private long json(Dataset<Row> df, Path file, String source, Map<String, Long> versions)
      throws IOException {
    StructField[] fields = df.schema().fields();
    long n = 0;
    try (JsonGenerator g = JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("source", source);
      g.writeStringField("exported_at", Instant.now().toString());
      g.writeObjectField("delta_versions", versions);
      g.writeArrayFieldStart("indicators");
      Set<String> used = usedIndicators(df, fields);
      for (IndicatorDefinition d : indicators.indicators()) {
        if (used == null || used.contains(d.id())) {
          ObjectNode o = JSON.createObjectNode();
          o.put("id", d.id()).put("unit", d.unit());
          o.putPOJO("name", d.name());
          if (d.description() != null) {
            o.put("description", d.description());
          }
          g.writeTree(o);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rows");
      for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); ) {
        Row r = it.next();
        g.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
          g.writeFieldName(fields[i].name());
          if (r.isNullAt(i)) {
            g.writeNull();
            continue;
          }
          Object v = r.get(i);
          if (v instanceof BigDecimal d) {
            g.writeNumber(
                d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros());
          } else if (v instanceof Integer x) {
            g.writeNumber(x);
          } else if (v instanceof Long x) {
            g.writeNumber(x);
          } else if (v instanceof Double x) {
            g.writeNumber(x);
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else {
            g.writeString(text(v));
          }
        }
        g.writeEndObject();
        n++;
      }
      g.writeEndArray();
      g.writeNumberField("row_count", n);
      g.writeEndObject();
    }
    return n;
  }

  /** The indicators the rows name (an {@code indicator} column), or null: all of them. */
  private static Set<String> usedIndicators(Dataset<Row> df, StructField[] fields) {
    for (StructField f : fields) {
      if (f.name().equals(IndicatorsTable.INDICATOR)) {
        Set<String> ids = new LinkedHashSet<>();
        for (Row r : df.select(f.name()).distinct().collectAsList()) {
          ids.add(r.getString(0));
        }
        return ids;
      }
    }
    return null;
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
