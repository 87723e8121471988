package vn.extrel.warehouse.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A silver table that layouts feed. Two shapes:
 *
 * <ul>
 *   <li><b>long facts</b> (fdi, trade): one row per value, {@code measure} + {@code value} in base
 *       units, with the cell it came from; a wide source row with four amounts becomes four rows;
 *   <li><b>row facts</b> (activity): one row per source row (per partner when a cell lists
 *       several).
 * </ul>
 */
public final class FactTable implements Serializable {

  public static final String DATASET = "dataset";
  public static final String YEAR = "year";
  public static final String PERIOD = "period";
  public static final String STATUS = "status";
  public static final String MEASURE = "measure";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String SOURCE_UNIT = "source_unit";
  public static final String MULTIPLIER = "multiplier";

  /**
   * What a long fact's row is: {@link #DETAIL} (a member's figure), {@link #TOTAL} (a total row
   * typed in the file) or {@link #FORMULA_TOTAL} (a total row the file computes with a formula over
   * its rows).
   */
  public static final String ROW_ROLE = "row_role";

  public static final String DETAIL = "detail";
  public static final String TOTAL = "total";
  public static final String FORMULA_TOTAL = "formula_total";

  /**
   * The fields by which the fact's table breaks its total down, as the table maps them from its
   * rows ("partner", "sector", "area"); null for a figure of the whole (a key-indicator sheet).
   */
  public static final String BREAKDOWN = "breakdown";

  /** The publication date of the report the fact is in, when known. */
  public static final String PUBLISHED = "published";

  /** The report's edition: its own reference period ("2021") or a declared label. */
  public static final String EDITION = "edition";

  /**
   * Silver amounts: 38 digits, 6 after the point, enough for "2464.322981 triệu USD" in USD
   * exactly.
   */
  public static final DecimalType AMOUNT = DataTypes.createDecimalType(38, 6);

  private final String name;
  private final TableId table;
  private final boolean longFacts;
  private final Map<String, Dimension> dimensions;
  private final Map<String, Measure> measures;
  private final String rowIdColumn;
  private final List<String> keyed;
  private final StructType schema;
  private final int[] keySources;

  private FactTable(
      String name,
      TableId table,
      boolean longFacts,
      List<Dimension> dimensions,
      List<Measure> measures,
      String rowIdColumn,
      List<String> keyed) {
    this.name = name;
    this.table = table;
    this.longFacts = longFacts;
    this.dimensions = new LinkedHashMap<>();
    this.dimensions.put(YEAR, Dimension.of(YEAR, FieldType.YEAR));
    this.dimensions.put(PERIOD, Dimension.of(PERIOD, FieldType.PERIOD));
    this.dimensions.put(STATUS, Dimension.of(STATUS, FieldType.STATUS));
    dimensions.forEach(d -> this.dimensions.put(d.name(), d));
    this.measures = new LinkedHashMap<>();
    measures.forEach(m -> this.measures.put(m.name(), m));
    this.rowIdColumn = rowIdColumn;
    this.keyed = List.copyOf(keyed);
    this.schema = buildSchema();
    this.keySources = new int[schema.size()];
    for (int i = 0; i < keySources.length; i++) {
      String f = schema.fields()[i].name();
      keySources[i] = -1;
      for (String k : keyed) {
        if (f.equals(keyOf(k))) {
          keySources[i] = schema.fieldIndex(k);
        }
      }
    }
  }

  static FactTable longFacts(
      String name,
      TableId table,
      List<Dimension> dims,
      List<Measure> measures,
      List<String> keyed) {
    return new FactTable(name, table, true, dims, measures, null, keyed);
  }

  static FactTable rowFacts(String name, TableId table, String rowIdColumn, List<Dimension> dims) {
    return new FactTable(name, table, false, dims, List.of(), rowIdColumn, List.of());
  }

  /**
   * The member columns that also have a key ({@link MemberKeys}): the few-valued columns indicators
   * are broken down and filtered by, which aggregations group by as numbers instead of text.
   */
  public List<String> keyed() {
    return keyed;
  }

  /** The name of a keyed column's key column: {@code partner_country_key}. */
  public static String keyOf(String column) {
    return column + MemberKeys.KEY_SUFFIX;
  }

  public String name() {
    return name;
  }

  public TableId table() {
    return table;
  }

  public boolean isLongFacts() {
    return longFacts;
  }

  public Map<String, Dimension> dimensions() {
    return dimensions;
  }

  public Map<String, Measure> measures() {
    return measures;
  }

  public Optional<String> rowIdColumn() {
    return Optional.ofNullable(rowIdColumn);
  }

  /** True when a layout may map a column to this field or measure. */
  public boolean accepts(String field) {
    return dimensions.containsKey(field) || measures.containsKey(field);
  }

  /** The stored columns a dimension becomes: a partner becomes id, country and name as written. */
  public static List<StructField> columnsOf(Dimension d) {
    if (!d.stored()) {
      return List.of();
    }
    return switch (d.type()) {
      case PARTNER ->
          List.of(
              DataTypes.createStructField(d.name() + "_id", DataTypes.StringType, true),
              DataTypes.createStructField(d.name() + "_country", DataTypes.StringType, true),
              DataTypes.createStructField(d.name() + "_name", DataTypes.StringType, true));
      default -> List.of(DataTypes.createStructField(d.name(), typeOf(d.type()), true));
    };
  }

  private static DataType typeOf(FieldType t) {
    return switch (t) {
      case YEAR -> DataTypes.IntegerType;
      case DATE -> DataTypes.DateType;
      default -> DataTypes.StringType;
    };
  }

  /**
   * Table properties at creation. File statistics (min/max for data skipping) only for the columns
   * loads replace rows by and analysts filter by; Delta's default, the first 32 columns, made every
   * written row update a hundred statistics (half an evaluated silver write's time).
   */
  public java.util.Map<String, String> properties() {
    List<String> stats = new ArrayList<>();
    for (String c : List.of(DATASET, YEAR, MEASURE, Lineage.SOURCE_PATH)) {
      if (java.util.Arrays.asList(schema.fieldNames()).contains(c)) {
        stats.add(c);
      }
    }
    return java.util.Map.of("delta.dataSkippingStatsColumns", String.join(",", stats));
  }

  /** The Spark schema of the silver table, column order included. */
  public StructType schema() {
    return schema;
  }

  /**
   * For each column of {@link #schema()}: the index of the member column it is the key of, or -1
   * for a column that is not a key.
   */
  public int[] keySources() {
    return keySources.clone();
  }

  private StructType buildSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(DATASET, DataTypes.StringType, false));
    if (rowIdColumn != null) {
      fields.add(DataTypes.createStructField(rowIdColumn, DataTypes.StringType, false));
    }
    for (Dimension d : dimensions.values()) {
      fields.addAll(columnsOf(d));
    }
    for (String k : keyed) {
      fields.add(DataTypes.createStructField(keyOf(k), DataTypes.LongType, true));
    }
    if (longFacts) {
      fields.add(DataTypes.createStructField(MEASURE, DataTypes.StringType, false));
      fields.add(DataTypes.createStructField(VALUE, AMOUNT, true));
      fields.add(DataTypes.createStructField(UNIT, DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(SOURCE_UNIT, DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(MULTIPLIER, AMOUNT, true));
      fields.add(DataTypes.createStructField(ROW_ROLE, DataTypes.StringType, false));
      fields.add(DataTypes.createStructField(BREAKDOWN, DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(PUBLISHED, DataTypes.DateType, true));
      fields.add(DataTypes.createStructField(EDITION, DataTypes.StringType, true));
    }
    fields.addAll(Lineage.rowLevel());
    if (longFacts) {
      fields.add(DataTypes.createStructField(Lineage.CELL, DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(Lineage.RAW_TEXT, DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(Lineage.RULE, DataTypes.StringType, true));
    } else {
      fields.add(
          DataTypes.createStructField(
              Lineage.CELLS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
              true));
    }
    fields.add(DataTypes.createStructField(Lineage.RUN_ID, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  @Override
  public String toString() {
    return name;
  }
}
