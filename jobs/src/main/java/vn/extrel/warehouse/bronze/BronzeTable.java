package vn.extrel.warehouse.bronze;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.catalog.TableId;

/**
 * {@code bronze.source_rows}: every row of every source file version, as read, in text, with its
 * lineage. Append-only per file version: a re-sent file adds its new version beside the old one, so
 * bronze is the record of what was received; silver holds the current version of each file.
 */
public final class BronzeTable {
  private BronzeTable() {}

  public static final TableId ID = new TableId("bronze", "source_rows");

  public static final String RUN_ID = "run_id";
  public static final String LAYOUT = "layout";
  public static final String TARGET = "target";
  public static final String DATASET = "dataset";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SHEET = "sheet";
  public static final String SHEET_INDEX = "sheet_index";
  public static final String ROW = "row";
  public static final String ROW_CLASS = "row_class";
  public static final String LABEL = "label";
  public static final String TABLE_INDEX = "table_index";
  public static final String LINEAGE_ID = "lineage_id";
  public static final String CONTEXT = "context";
  public static final String CELLS = "cells";
  public static final String ERROR_CODE = "error_code";

  /** Fields of each element of {@link #CELLS}; see {@code BronzeCell}. */
  public static final String CELL_COLUMN = "column";

  public static final String CELL_KEY = "key";
  public static final String CELL_HEADER = "header";
  public static final String CELL_REF = "ref";
  public static final String CELL_KIND = "kind";
  public static final String CELL_TEXT = "text";
  public static final String CELL_UNIT = "unit";

  /** Nested fields stay nullable: Delta cannot enforce NOT NULL inside arrays. */
  public static final StructType CELL =
      new StructType()
          .add(CELL_COLUMN, DataTypes.StringType)
          .add(CELL_KEY, DataTypes.StringType)
          .add(CELL_HEADER, DataTypes.StringType)
          .add(CELL_REF, DataTypes.StringType)
          .add(CELL_KIND, DataTypes.StringType)
          .add(CELL_TEXT, DataTypes.StringType)
          .add(CELL_UNIT, DataTypes.StringType);

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(LAYOUT, DataTypes.StringType, false)
          .add(TARGET, DataTypes.StringType, false)
          .add(DATASET, DataTypes.StringType, false)
          .add(SOURCE_PATH, DataTypes.StringType, false)
          .add(SOURCE_SHA256, DataTypes.StringType, false)
          .add(SHEET, DataTypes.StringType)
          .add(SHEET_INDEX, DataTypes.IntegerType, false)
          .add(ROW, DataTypes.IntegerType, false)
          .add(ROW_CLASS, DataTypes.StringType, false)
          .add(LABEL, DataTypes.StringType)
          .add(TABLE_INDEX, DataTypes.IntegerType, false)
          .add(LINEAGE_ID, DataTypes.StringType, false)
          .add(CONTEXT, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
          .add(CELLS, DataTypes.createArrayType(CELL, true))
          .add(ERROR_CODE, DataTypes.StringType);

  /** The id that ties silver rows to their bronze row. */
  public static String lineageId(String sha256, int sheetIndex, int row) {
    return sha256.substring(0, Math.min(12, sha256.length())) + ":" + sheetIndex + ":" + row;
  }
}
