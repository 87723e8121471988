package vn.extrel.warehouse.gold;

import java.util.ArrayList;
import java.util.List;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.IndicatorsTable;

/**
 * The one GROUPING SETS query behind the counted indicators of a table of rows: its dimension
 * columns, its sets, and the SQL that labels each row by its breakdown and keeps the wanted ones.
 *
 * @param dims every column some breakdown groups by, in first-seen order
 * @param sets the distinct grouping sets, as SQL
 * @param label a CASE naming each (indicator, gid) by its breakdown's label
 * @param wanted the condition keeping the (indicator, gid) pairs some indicator asks for
 */
record GroupingSets(List<String> dims, List<String> sets, String label, String wanted) {

  static GroupingSets of(List<IndicatorDefinition> defs) {
    List<String> dims = dimensions(defs);
    // gid: bit (n-1-i) is set when dims[i] is not in the row's grouping set.
    List<String> sets = new ArrayList<>();
    StringBuilder label = new StringBuilder("CASE");
    StringBuilder wanted = new StringBuilder();
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        int gid = 0;
        for (int i = 0; i < dims.size(); i++) {
          if (!b.contains(dims.get(i))) {
            gid |= 1 << (dims.size() - 1 - i);
          }
        }
        String set =
            "("
                + String.join(", ", concat(List.of(IndicatorsTable.INDICATOR, FactTable.YEAR), b))
                + ")";
        if (!sets.contains(set)) {
          sets.add(set);
        }
        String cond = "indicator = '" + d.id() + "' AND gid = " + gid;
        label
            .append(" WHEN ")
            .append(cond)
            .append(" THEN '")
            .append(IndicatorDefinition.dimensionLabel(b))
            .append("'");
        wanted.append(wanted.length() == 0 ? "" : " OR ").append("(").append(cond).append(")");
      }
    }
    label.append(" END");
    return new GroupingSets(
        List.copyOf(dims), List.copyOf(sets), label.toString(), wanted.toString());
  }

  /** Every column some indicator's breakdown groups by, each once. */
  private static List<String> dimensions(List<IndicatorDefinition> defs) {
    List<String> dims = new ArrayList<>();
    for (IndicatorDefinition d : defs) {
      for (List<String> b : d.breakdownColumns()) {
        b.stream().filter(c -> !dims.contains(c)).forEach(dims::add);
      }
    }
    return dims;
  }

  /** The query over the tagged rows of a view: every (indicator, breakdown) at once. */
  String query(String view) {
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      bits.add("shiftleft(grouping(" + dims.get(i) + "), " + (dims.size() - 1 - i) + ")");
    }
    String gidExpr = dims.isEmpty() ? "0" : String.join(" + ", bits);
    String dimSelect = dims.isEmpty() ? "" : String.join(", ", dims) + ", ";
    String rank = "CASE status WHEN 'estimated' THEN 2 WHEN 'preliminary' THEN 1 ELSE 0 END";
    // Distinct counts do not roll up: the grouping sets run over the rows themselves.
    return "SELECT indicator, year, "
        + dimSelect
        + gidExpr
        + " AS gid, CAST(count(DISTINCT v) AS DECIMAL(38,6)) AS value, count(1) AS"
        + " source_rows, max("
        + rank
        + ") AS status_rank FROM "
        + view
        + " GROUP BY GROUPING SETS ("
        + String.join(", ", sets)
        + ")";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
