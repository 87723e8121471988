package vn.extrel.warehouse.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.partner}: the partner dimension (countries, foreign provinces, organisations) with
 * names.
 */
public final class PartnerTable {
  private PartnerTable() {}

  public static final TableId ID = new TableId("silver", "partner");

  public static final String PARTNER_ID = "partner_id";
  public static final String KIND = "kind";
  public static final String COUNTRY = "country";
  public static final String NAME_VI = "name_vi";
  public static final String NAME_EN = "name_en";
  public static final String ALIASES = "aliases";

  public static final StructType SCHEMA =
      new StructType()
          .add(PARTNER_ID, DataTypes.StringType, false)
          .add(KIND, DataTypes.StringType, false)
          .add(COUNTRY, DataTypes.StringType)
          .add(NAME_VI, DataTypes.StringType)
          .add(NAME_EN, DataTypes.StringType)
          .add(ALIASES, DataTypes.createArrayType(DataTypes.StringType, true));
}
