package vn.extrel.warehouse.gold;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.reference.CodeList;
import vn.extrel.warehouse.reference.Partner;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FieldType;

/** The readable names of the members gold shows, from the reference data. */
final class MemberNames {
  private MemberNames() {}

  /** A lookup from "column:member" to a readable Vietnamese name (partners, codes). */
  static UserDefinedFunction of(Reference reference) {
    Map<String, String> names = new LinkedHashMap<>();
    for (FactTable t : FactTables.all()) {
      for (Dimension d : t.dimensions().values()) {
        if (d.type() == FieldType.PARTNER) {
          for (Partner p : reference.partners().all()) {
            String name = p.nameVi() != null ? p.nameVi() : p.nameEn();
            if (name != null) {
              names.put(d.name() + "_id:" + p.id(), name);
              if (p.isCountry()) {
                names.put(d.name() + "_country:" + p.id(), name);
              }
            }
          }
        } else if (d.type() == FieldType.CODE) {
          reference
              .codeList(d.codeList())
              .ifPresent(
                  list -> {
                    for (CodeList.Code c : list.codes().values()) {
                      names.put(d.name() + ":" + c.code(), c.vi() != null ? c.vi() : c.code());
                    }
                  });
        }
      }
    }
    // A function over a captured map, not a literal tree of 2 × n expressions for the optimizer to
    // walk.
    UDF1<String, String> lookup = names::get;
    return functions.udf(lookup, DataTypes.StringType);
  }
}
