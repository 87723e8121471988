package vn.extrel.warehouse.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Measure;

/**
 * Settles each mapped column's unit: the header's, else the unit line's, else the layout's. The
 * file's own unit wins; a layout unit that contradicts it stops the file (never a silent 1000x).
 */
final class UnitResolver {

  private final Layout layout;
  private final FactTable target;
  private final String file;
  private final String sheetName;

  UnitResolver(Layout layout, FactTable target, String file, String sheetName) {
    this.layout = layout;
    this.target = target;
    this.file = file;
    this.sheetName = sheetName;
  }

  /** The columns with their units, in column order; {@code unitLine} may be null. */
  Map<Integer, MappedColumn> settle(
      Map<Integer, MappedColumn> mapped, String unitLine, int headerRow) {
    Map<Integer, MappedColumn> result = new TreeMap<>();
    for (Map.Entry<Integer, MappedColumn> e : mapped.entrySet()) {
      MappedColumn m = e.getValue();
      Layout.ColumnSpec spec = layout.columns().get(m.spec());
      String field = spec.field() == null ? m.spec() : spec.field();
      Unit fromFile = null;
      String whereInFile = null;
      if (Unit.fromHeader(m.header()) != null) {
        fromFile = Unit.fromHeader(m.header());
        whereInFile = "its header '" + m.header() + "'";
      } else if (m.measure() && unitLine != null && lineUnit(unitLine, field) != null) {
        // A sheet's unit line speaks for its amounts, not for its counts ("Số dự án" beside "triệu
        // USD"); a line for two units ("Nghìn tấn; Triệu USD") gives each measure its own.
        fromFile = lineUnit(unitLine, field);
        whereInFile = "the line '" + unitLine + "'";
      }
      String written = fromFile == null ? spec.unit() : fromFile.written();
      if (fromFile != null && spec.unit() != null && !Unit.parse(spec.unit()).sameAs(fromFile)) {
        throw TableErrors.unitConflict(
            file, sheetName, headerRow, m.spec(), spec.unit(), fromFile.written(), whereInFile);
      }
      if (m.measure() && !Layout.VALUE_FIELD.equals(field)) {
        checkUnit(m, field, written, headerRow);
      }
      result.put(e.getKey(), m.withUnit(written));
    }
    return Collections.unmodifiableMap(result);
  }

  /** The unit a unit line gives a measure: the one of its units that fits the measure. */
  private Unit lineUnit(String line, String field) {
    for (Unit u : Unit.fromUnitLineAll(line)) {
      if (fits(u, field)) {
        return u;
      }
    }
    return null;
  }

  private boolean fits(Unit unit, String field) {
    Measure measure = target.measures().get(field);
    return unit != null
        && measure != null
        && (measure.baseUnit() == null || measure.baseUnit().equals(unit.base()));
  }

  private void checkUnit(MappedColumn m, String field, String written, int headerRow) {
    Measure measure = target.measures().get(field);
    if (measure == null || measure.baseUnit() == null) {
      return;
    }
    Unit unit = Unit.parse(written);
    if (unit == null) {
      if (Unit.USD.equals(measure.baseUnit())) {
        throw TableErrors.noUnit(file, sheetName, headerRow, m.spec(), m.header());
      }
      return; // counts: "Số dự án" needs no unit
    }
    if (!unit.base().equals(measure.baseUnit())
        && !(Unit.COUNT.equals(unit.base()) && !Unit.USD.equals(measure.baseUnit()))) {
      throw TableErrors.unitMismatch(file, sheetName, m.spec(), written, measure.baseUnit());
    }
  }
}
