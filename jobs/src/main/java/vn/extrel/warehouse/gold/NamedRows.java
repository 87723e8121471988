package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.IndicatorsTable;

/** The rows of both kinds of indicator (summed, counted) named the same way. */
final class NamedRows {
  private NamedRows() {}

  /** A part's rows with their names, member, unit and status, in gold's columns. */
  static Dataset<Row> of(
      Dataset<Row> labelled, List<IndicatorDefinition> defs, UserDefinedFunction names) {
    Column member = lit(IndicatorsTable.TOTAL_MEMBER);
    Column memberName = lit("Tổng số");
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        if (b.isEmpty()) {
          continue;
        }
        List<Column> values = new ArrayList<>();
        List<Column> readable = new ArrayList<>();
        for (String c : b) {
          Column v = coalesce(col(c).cast(DataTypes.StringType), lit(IndicatorsTable.NONE_MEMBER));
          values.add(v);
          readable.add(coalesce(names.apply(functions.concat(lit(c + ":"), v)), v));
        }
        Column is = col("dimension").equalTo(IndicatorDefinition.dimensionLabel(b));
        member = when(is, concat_ws("/", values.toArray(Column[]::new))).otherwise(member);
        memberName =
            when(is, concat_ws(" / ", readable.toArray(Column[]::new))).otherwise(memberName);
      }
    }
    Column nameVi = lit(null).cast(DataTypes.StringType);
    Column nameEn = lit(null).cast(DataTypes.StringType);
    Column unit = lit(null).cast(DataTypes.StringType);
    for (IndicatorDefinition d : defs) {
      Column is = col(IndicatorsTable.INDICATOR).equalTo(d.id());
      nameVi = when(is, lit(d.nameVi())).otherwise(nameVi);
      nameEn = when(is, lit(d.nameEn())).otherwise(nameEn);
      unit = when(is, lit(d.unit())).otherwise(unit);
    }
    return labelled.select(
        col(IndicatorsTable.INDICATOR),
        nameVi.as(IndicatorsTable.NAME_VI),
        nameEn.as(IndicatorsTable.NAME_EN),
        col(FactTable.YEAR).as(IndicatorsTable.YEAR),
        col("dimension").as(IndicatorsTable.DIMENSION),
        member.as(IndicatorsTable.MEMBER),
        memberName.as(IndicatorsTable.MEMBER_NAME),
        col(IndicatorsTable.VALUE),
        unit.as(IndicatorsTable.UNIT),
        when(col("status_rank").equalTo(2), "estimated")
            .when(col("status_rank").equalTo(1), "preliminary")
            .otherwise("final")
            .as(IndicatorsTable.STATUS),
        col(IndicatorsTable.SOURCE_ROWS),
        col("pub"),
        col(LongFigures.CUT));
  }
}
