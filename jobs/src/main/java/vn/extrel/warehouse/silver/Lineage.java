package vn.extrel.warehouse.silver;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Lineage columns every silver row carries, so any value leads back to its file, sheet and cell.
 */
public final class Lineage {
  private Lineage() {}

  /** The bronze row the value came from: {@code <sha256 prefix>:<sheet>:<row>}. */
  public static final String LINEAGE_ID = "lineage_id";

  public static final String LAYOUT = "layout";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SHEET = "sheet";
  public static final String ROW = "row";

  /** The A1 reference of the cell a long fact was read from. */
  public static final String CELL = "cell";

  /** The cell's text exactly as read. */
  public static final String RAW_TEXT = "raw_text";

  /**
   * The parsing rule that turned the text into the value ("vi+grouped", "number-cell × 1000000").
   */
  public static final String RULE = "rule";

  /** For row facts: target field to A1 reference. */
  public static final String CELLS = "cells";

  public static final String RUN_ID = "run_id";

  static List<StructField> rowLevel() {
    return List.of(
        DataTypes.createStructField(LINEAGE_ID, DataTypes.StringType, false),
        DataTypes.createStructField(LAYOUT, DataTypes.StringType, false),
        DataTypes.createStructField(SOURCE_PATH, DataTypes.StringType, false),
        DataTypes.createStructField(SOURCE_SHA256, DataTypes.StringType, false),
        DataTypes.createStructField(SHEET, DataTypes.StringType, true),
        DataTypes.createStructField(ROW, DataTypes.IntegerType, false));
  }

  /**
   * What a row of silver.activity is of, as explain and the yearly review name it: its date, type,
   * partner (with its country) and title.
   */
  public static String describeActivity(Row r) {
    return r.getAs("date")
        + " "
        + r.getAs("activity_type")
        + " "
        + r.getAs("partner_name")
        + " ("
        + r.getAs("partner_country")
        + "): "
        + r.getAs("title");
  }
}
