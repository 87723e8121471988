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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.table.IndicatorsTable;

/**
 * Rows to the text formats: CSV (UTF-8 with a BOM, so Excel shows Vietnamese; numbers in plain
 * digits; text a spreadsheet would run made inert) and JSON (the rows with the metadata of the
 * indicators in them and the Delta versions read).
 */
final class TextExport {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final ExportTitles titles;
  private final IndicatorCatalog indicators;

  TextExport(ExportTitles titles, IndicatorCatalog indicators) {
    this.titles = titles;
    this.indicators = indicators;
  }

  long csv(Dataset<Row> df, Path file, ExportLocale locale) throws IOException {
    StructField[] fields = df.schema().fields();
    long n = 0;
    try (OutputStream os = Files.newOutputStream(file);
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8)); ) {
      w.write('\uFEFF');
      List<String> header = new ArrayList<>();
      for (StructField f : fields) {
        header.add(Cells.inert(titles.title(f.name(), locale.code())));
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
    if ((v instanceof Double || v instanceof Float)
        && Double.isFinite(((Number) v).doubleValue())) {
      // Never 1.0E-4: plain digits, as a spreadsheet reads them in any locale.
      BigDecimal d = BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros();
      return d.signum() == 0 ? "0" : d.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return Cells.inert(text(v));
  }

  static String text(Object v) {
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
        throw new java.io.UncheckedIOException(e);
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

  long json(Dataset<Row> df, Path file, String source, Map<String, Long> versions)
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
}
