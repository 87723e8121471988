package vn.extrel.warehouse.silver;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.ingest.BronzeCell;
import vn.extrel.warehouse.ingest.ExcelDates;
import vn.extrel.warehouse.ingest.HeaderMatcher;
import vn.extrel.warehouse.ingest.TableContext;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.NumberLocale;
import vn.extrel.warehouse.parse.NumberParser;
import vn.extrel.warehouse.parse.ParsedNumber;
import vn.extrel.warehouse.parse.Periods;
import vn.extrel.warehouse.parse.Reasons;
import vn.extrel.warehouse.parse.Unit;
import vn.extrel.warehouse.reference.CodeList;
import vn.extrel.warehouse.reference.Partner;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.Dimension;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.FieldType;
import vn.extrel.warehouse.table.Lineage;
import vn.extrel.warehouse.table.Measure;
import vn.extrel.warehouse.table.RowClass;
import vn.extrel.warehouse.util.Text;

/**
 * Turns one bronze data row into typed silver values under its layout: numbers by the column's
 * locale and unit, years, periods, dates, partners and codes. A row with any problem yields no
 * facts, only the problems, each naming the column, the cell and the fix.
 */
public final class SilverParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One thing wrong with a row. */
  public record Problem(
      String reason,
      String column,
      String cell,
      String raw,
      String message,
      List<String> suggestions)
      implements Serializable {}

  /** The outcome for one row: facts (column name to value) or problems. */
  public record Parsed(
      List<Map<String, Object>> facts, List<Problem> problems, Map<String, String> rawValues)
      implements Serializable {}

  private static final Pattern SPLIT = Pattern.compile("\\s*[;,\\n]\\s*");
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("d/M/uuuu"),
          DateTimeFormatter.ofPattern("d-M-uuuu"),
          DateTimeFormatter.ofPattern("d.M.uuuu"),
          DateTimeFormatter.ISO_LOCAL_DATE);

  private static final int I_LAYOUT = BronzeTable.SCHEMA.fieldIndex(BronzeTable.LAYOUT);
  private static final int I_DATASET = BronzeTable.SCHEMA.fieldIndex(BronzeTable.DATASET);
  private static final int I_PATH = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SOURCE_PATH);
  private static final int I_SHA = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SOURCE_SHA256);
  private static final int I_SHEET = BronzeTable.SCHEMA.fieldIndex(BronzeTable.SHEET);
  private static final int I_ROW = BronzeTable.SCHEMA.fieldIndex(BronzeTable.ROW);
  private static final int I_ROW_CLASS = BronzeTable.SCHEMA.fieldIndex(BronzeTable.ROW_CLASS);

  private final Map<String, Layout> layouts;
  private final Reference reference;
  private final String runId;
  private final TableHeaders headers;

  /**
   * @param headers the headers of the tables whose rows will be parsed
   */
  public SilverParser(
      Map<String, Layout> layouts, Reference reference, String runId, TableHeaders headers) {
    this.layouts = Map.copyOf(layouts);
    this.reference = reference;
    this.runId = runId;
    this.headers = headers;
  }

  /**
   * A measure cell of a row, read in the source's own unit (for checks against the file's totals).
   */
  public record MeasureValue(
      String column, String key, String cell, BigDecimal value, String header)
      implements Serializable {}

  /** The measure cells of a bronze row (data or total) that read as numbers; others are skipped. */
  public List<MeasureValue> measures(Row bronze) {
    Layout layout = layouts.get(bronze.getString(I_LAYOUT));
    FactTable target = FactTables.ALL.get(layout.target());
    List<MeasureValue> out = new ArrayList<>();
    for (BronzeCell c : headers.cells(bronze)) {
      String spec = c.column();
      Layout.ColumnSpec cs = spec == null ? null : layout.columns().get(spec);
      if (cs == null) {
        continue;
      }
      Measure m = target.measures().get(cs.field() == null ? spec : cs.field());
      if (m == null || Unit.PERCENT.equals(m.baseUnit())) {
        continue; // ratios do not add up to their total
      }
      BronzeCell cell = c;
      ParsedNumber n = parseNumber(layout, cs, m, cell);
      if (!n.failed() && n.value() != null) {
        out.add(new MeasureValue(spec, cell.key(), cell.ref(), n.value(), c.header()));
      }
    }
    return out;
  }

  public Parsed parse(Row bronze) {
    Layout layout = layouts.get(bronze.getString(I_LAYOUT));
    FactTable target = FactTables.ALL.get(layout.target());
    boolean totalRow = RowClass.TOTAL.wire().equals(bronze.getString(I_ROW_CLASS));
    Map<String, String> context = headers.context(bronze);
    Map<String, String> fieldOverride = sectionFields(layout, context.get(TableContext.SECTION));

    Map<String, List<BronzeCell>> bySpec = new LinkedHashMap<>();
    Map<String, String> raw = new LinkedHashMap<>();
    for (BronzeCell c : headers.cells(bronze)) {
      BronzeCell cell = c;
      if (cell.column() == null) {
        raw.put(cell.ref(), cell.text());
      } else {
        bySpec.computeIfAbsent(cell.column(), k -> new ArrayList<>()).add(cell);
        raw.put(
            cell.key() == null ? cell.column() : cell.column() + "[" + cell.key() + "]",
            cell.text());
      }
    }
    List<String> breakdown =
        target.isLongFacts()
            ? breakdown(layout, target, headers.mappedColumns(bronze), fieldOverride)
            : List.of();

    List<Problem> problems = new ArrayList<>();
    Map<String, Object> dims = new LinkedHashMap<>();
    Map<String, String> cellsOfFields = new LinkedHashMap<>();
    List<Partner> partners = new ArrayList<>();
    String partnerWritten = null;
    Partner country = null;
    Integer periodYear = null;

    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      String spec = e.getKey();
      Layout.ColumnSpec cs = e.getValue();
      String field = fieldOverride.getOrDefault(spec, cs.field() == null ? spec : cs.field());
      if (totalRow && breakdown.contains(field)) {
        continue; // a total row's label ("Tổng cộng") sits in the column its table breaks down by
      }
      List<BronzeCell> cells = bySpec.getOrDefault(spec, List.of());
      boolean present = cells.stream().anyMatch(c -> !Text.isBlank(c.text()));
      if (!present) {
        if (cs.isRequired() && !totalRow) {
          problems.add(
              new Problem(
                  Reasons.MISSING_REQUIRED,
                  spec,
                  null,
                  null,
                  "required column '" + spec + "' is empty in this row; fill it in the file",
                  List.of()));
        }
        continue;
      }
      Dimension d = target.dimensions().get(field);
      if (d == null) {
        continue; // a measure, read below
      }
      BronzeCell cell = cells.get(0);
      cellsOfFields.put(field, cell.ref());
      switch (d.type()) {
        case PARTNER -> {
          partnerWritten = Text.squish(cell.text());
          List<String> names =
              cs.isMultiple() ? List.of(SPLIT.split(partnerWritten)) : List.of(partnerWritten);
          for (String n : names) {
            if (n.isBlank()) {
              continue;
            }
            Optional<Partner> p = reference.partners().resolve(n);
            if (p.isPresent()) {
              partners.add(p.get());
            } else {
              partners.add(null);
              problems.add(unknownPartner(spec, cell, n));
            }
          }
        }
        case COUNTRY -> {
          Optional<Partner> p = reference.partners().resolve(cell.text());
          if (p.isEmpty()) {
            problems.add(unknownPartner(spec, cell, Text.squish(cell.text())));
          } else {
            country =
                p.get().isCountry()
                    ? p.get()
                    : reference.partners().byId(p.get().country()).orElse(p.get());
          }
        }
        default -> {
          Object v = parseDimension(d, cs, spec, cell, problems);
          if (v != null) {
            dims.put(d.name(), v);
          }
          if (d.type() == FieldType.PERIOD) {
            // "Quý I/2016" also gives the year, unless a year column says otherwise.
            Integer y = Periods.find(cell.text()).year();
            if (y != null) {
              periodYear = y;
            }
          }
        }
      }
    }
    if (periodYear != null) {
      dims.putIfAbsent(FactTable.YEAR, periodYear);
    }

    // Unresolved partners are forgiven when the row names a country: the country is what indicators
    // count.
    if (country != null && partners.contains(null)) {
      problems.removeIf(
          p ->
              Reasons.UNKNOWN_PARTNER.equals(p.reason())
                  && !isCountrySpec(layout, target, p.column()));
      partners.removeIf(p -> p == null);
      if (partners.isEmpty()) {
        partners.add(null);
      }
    }
    for (Map.Entry<String, String> c : layout.constants().entrySet()) {
      Dimension d = target.dimensions().get(c.getKey());
      if (!dims.containsKey(c.getKey()) && d != null) {
        Object v =
            parseDimension(
                d, null, "constants." + c.getKey(), BronzeCell.fixed(c.getValue()), problems);
        if (v != null) {
          dims.put(d.name(), v);
        }
      }
    }
    fromContext(dims, context, problems);
    if (!dims.containsKey(FactTable.YEAR) && dims.get("date") instanceof java.sql.Date date) {
      dims.put(FactTable.YEAR, date.toLocalDate().getYear());
    }
    dims.putIfAbsent(FactTable.PERIOD, Periods.FULL_YEAR);
    dims.putIfAbsent(FactTable.STATUS, Periods.FINAL);

    Map<String, Object> base = new LinkedHashMap<>();
    base.put(FactTable.DATASET, bronze.getString(I_DATASET));
    base.putAll(dims);
    String lineageId = BronzeTable.lineageId(bronze);
    base.put(Lineage.LINEAGE_ID, lineageId);
    base.put(Lineage.LAYOUT, layout.id());
    base.put(Lineage.SOURCE_PATH, bronze.getString(I_PATH));
    base.put(Lineage.SOURCE_SHA256, bronze.getString(I_SHA));
    base.put(Lineage.SHEET, bronze.isNullAt(I_SHEET) ? null : bronze.getString(I_SHEET));
    base.put(Lineage.ROW, bronze.getInt(I_ROW));
    base.put(Lineage.RUN_ID, runId);

    List<Map<String, Object>> facts = new ArrayList<>();
    if (target.isLongFacts()) {
      base.put(FactTable.BREAKDOWN, breakdown.isEmpty() ? null : String.join("/", breakdown));
      String published = context.get(TableContext.PUBLISHED);
      base.put(FactTable.PUBLISHED, published == null ? null : java.sql.Date.valueOf(published));
      base.put(FactTable.EDITION, context.get(TableContext.EDITION));
      longFacts(
          layout,
          target,
          fieldOverride,
          bySpec,
          base,
          partners,
          partnerWritten,
          totalRow,
          facts,
          problems);
    } else {
      if (!base.containsKey(FactTable.YEAR)) {
        problems.add(
            new Problem(
                Reasons.MISSING_REQUIRED,
                "date",
                null,
                null,
                "the row has no date or year; fill the date column",
                List.of()));
      }
      checkCountry(partners, country, problems, layout);
      base.put(Lineage.CELLS, cellsOfFields);
      base.put(target.rowIdColumn().orElseThrow(), lineageId);
      List<Partner> each =
          partners.isEmpty() ? java.util.Collections.singletonList(null) : partners;
      for (Partner p : each) {
        Map<String, Object> f = new LinkedHashMap<>(base);
        putPartner(f, "partner", p, country, partnerWritten);
        facts.add(f);
      }
    }
    if (!problems.isEmpty()) {
      return new Parsed(List.of(), problems, raw);
    }
    return new Parsed(facts, List.of(), raw);
  }

  /**
   * The member fields a table takes from its rows (after its section's overrides), in name order:
   * what the table breaks its total down by. Fields set by the layout for the whole file
   * (constants, a column's set:) are not among them.
   */
  private static List<String> breakdown(
      Layout layout, FactTable target, List<String> mapped, Map<String, String> fieldOverride) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (String spec : mapped) {
      Layout.ColumnSpec cs = layout.columns().get(spec);
      if (cs == null) {
        continue;
      }
      String field = fieldOverride.getOrDefault(spec, cs.field() == null ? spec : cs.field());
      Dimension d = target.dimensions().get(field);
      if (d != null && d.isMember()) {
        out.add(field);
      }
    }
    return List.copyOf(out);
  }

  private boolean isCountrySpec(Layout layout, FactTable target, String spec) {
    Layout.ColumnSpec cs = layout.columns().get(spec);
    if (cs == null) {
      return false;
    }
    Dimension d = target.dimensions().get(cs.field() == null ? spec : cs.field());
    return d != null && d.type() == FieldType.COUNTRY;
  }

  private void checkCountry(
      List<Partner> partners, Partner country, List<Problem> problems, Layout layout) {
    if (country == null) {
      return;
    }
    for (Partner p : partners) {
      if (p != null && p.country() != null && !p.country().equals(country.id())) {
        problems.add(
            new Problem(
                Reasons.PARTNER_COUNTRY_MISMATCH,
                "country",
                null,
                country.nameVi(),
                "partner "
                    + p.id()
                    + " ("
                    + p.nameVi()
                    + ") belongs to "
                    + p.country()
                    + " but the row says "
                    + country.id()
                    + " ("
                    + country.nameVi()
                    + "); correct one of the two cells",
                List.of()));
      }
    }
  }

  private static void putPartner(
      Map<String, Object> f, String name, Partner p, Partner country, String written) {
    f.put(name + "_id", p == null ? (country == null ? null : country.id()) : p.id());
    f.put(name + "_country", p == null ? (country == null ? null : country.id()) : p.country());
    f.put(name + "_name", written);
  }

  /** The measure and unit a key-indicator row names (its label and unit cells), or a problem. */
  private record RowMeasure(Measure measure, String unit, Problem problem) {}

  private RowMeasure rowMeasure(
      Layout layout, FactTable target, Map<String, List<BronzeCell>> bySpec) {
    BronzeCell label = null;
    BronzeCell unitCell = null;
    for (Map.Entry<String, List<BronzeCell>> e : bySpec.entrySet()) {
      String field = layout.fieldOf(e.getKey());
      if (Layout.MEASURE_FIELD.equals(field) && !e.getValue().isEmpty()) {
        label = e.getValue().get(0);
      } else if (Layout.UNIT_FIELD.equals(field) && !e.getValue().isEmpty()) {
        unitCell = e.getValue().get(0);
      }
    }
    if (label == null || Text.isBlank(label.text())) {
      return new RowMeasure(
          null,
          null,
          new Problem(
              Reasons.MISSING_REQUIRED,
              Layout.MEASURE_FIELD,
              null,
              null,
              "the row names no indicator in its label column; fill it, or add the row's text to"
                  + " rows.ignore to leave it out",
              List.of()));
    }
    String name = Text.squish(label.text());
    for (Map.Entry<String, List<String>> m : layout.measures().entrySet()) {
      if (HeaderMatcher.matches(name, m.getValue())) {
        String unit = null;
        if (unitCell != null && !Text.isBlank(unitCell.text())) {
          if (Unit.parse(unitCell.text()) == null) {
            return new RowMeasure(
                null,
                null,
                new Problem(
                    Reasons.UNIT_UNKNOWN,
                    Layout.UNIT_FIELD,
                    unitCell.ref(),
                    unitCell.text(),
                    unitCell.ref()
                        + ": '"
                        + Text.clip(Text.squish(unitCell.text()), 40)
                        + "' is not a unit this warehouse knows; write e.g. Triệu USD, Nghìn USD,"
                        + " Dự án, Người",
                    List.of()));
          }
          unit = Text.squish(unitCell.text());
        }
        return new RowMeasure(target.measures().get(m.getKey()), unit, null);
      }
    }
    return new RowMeasure(
        null,
        null,
        new Problem(
            Reasons.UNKNOWN_MEASURE,
            Layout.MEASURE_FIELD,
            label.ref(),
            label.text(),
            label.ref()
                + ": '"
                + Text.clip(name, 60)
                + "' is none of the layout's measures "
                + layout.measures().keySet()
                + "; add it to the aliases of the measure it is under measures:, or to rows.ignore to"
                + " leave the row out",
            List.of()));
  }

  private void longFacts(
      Layout layout,
      FactTable target,
      Map<String, String> fieldOverride,
      Map<String, List<BronzeCell>> bySpec,
      Map<String, Object> base,
      List<Partner> partners,
      String partnerWritten,
      boolean totalRow,
      List<Map<String, Object>> facts,
      List<Problem> problems) {
    Partner partner = partners.isEmpty() ? null : partners.get(0);
    RowMeasure rowMeasure = null;
    if (layout.rowsAreMeasures()) {
      rowMeasure = rowMeasure(layout, target, bySpec);
      if (rowMeasure.problem() != null) {
        problems.add(rowMeasure.problem());
        return;
      }
    }
    for (Map.Entry<String, Layout.ColumnSpec> e : layout.columns().entrySet()) {
      String spec = e.getKey();
      Layout.ColumnSpec cs = e.getValue();
      String field = fieldOverride.getOrDefault(spec, cs.field() == null ? spec : cs.field());
      Measure m =
          Layout.VALUE_FIELD.equals(field) && rowMeasure != null
              ? rowMeasure.measure()
              : target.measures().get(field);
      if (m == null) {
        continue;
      }
      for (BronzeCell column : bySpec.getOrDefault(spec, List.of())) {
        // A key-indicator row's own unit ("Triệu USD" in its unit cell) wins over its column's.
        BronzeCell cell =
            rowMeasure != null && rowMeasure.unit() != null
                ? column.withUnit(rowMeasure.unit())
                : column;
        ParsedNumber n = parseNumber(layout, cs, m, cell);
        if (n.failed()) {
          problems.add(
              new Problem(
                  n.reason(),
                  spec,
                  cell.ref(),
                  cell.text(),
                  cell.ref() + ": " + n.message(),
                  List.of()));
          continue;
        }
        if (n.value() == null) {
          continue;
        }
        Unit unit = Unit.parse(cell.unit());
        if (rowMeasure != null) {
          Problem p = unitProblem(m, unit, cell);
          if (p != null) {
            problems.add(p);
            continue;
          }
        }
        BigDecimal multiplier = unit == null ? BigDecimal.ONE : unit.multiplier();
        Map<String, Object> f = new LinkedHashMap<>(base);
        if (cell.key() != null) {
          f.put(FactTable.YEAR, Integer.parseInt(cell.key()));
          // A year column's header may say more: "Ước tính năm 2019" (an estimate), "6 tháng
          // đầu năm 2021" (the first half).
          ColumnWords words = columnWords(cell.header());
          if (words.period() != null) {
            f.put(FactTable.PERIOD, words.period());
          }
          if (words.status() != null) {
            f.put(FactTable.STATUS, words.status());
          }
        }
        if (!f.containsKey(FactTable.YEAR)) {
          problems.add(
              new Problem(
                  Reasons.MISSING_REQUIRED,
                  FactTable.YEAR,
                  null,
                  null,
                  "the row has no year: no year column, and the layout's period.year found none",
                  List.of()));
          return;
        }
        for (Map.Entry<String, String> s : cs.set().entrySet()) {
          Dimension d = target.dimensions().get(s.getKey());
          Object v =
              parseDimension(
                  d, null, spec + ".set." + s.getKey(), BronzeCell.fixed(s.getValue()), problems);
          f.put(d.name(), v);
        }
        for (Dimension d : target.dimensions().values()) {
          if (d.type() == FieldType.PARTNER) {
            putPartner(
                f, d.name(), totalRow ? null : partner, null, totalRow ? null : partnerWritten);
          }
        }
        f.put(FactTable.MEASURE, m.name());
        f.put(FactTable.VALUE, n.value().multiply(multiplier).setScale(6, RoundingMode.HALF_UP));
        f.put(
            FactTable.UNIT,
            m.baseUnit() != null ? m.baseUnit() : unit == null ? null : unit.base());
        f.put(FactTable.SOURCE_UNIT, cell.unit());
        f.put(FactTable.MULTIPLIER, multiplier.setScale(6, RoundingMode.HALF_UP));
        f.put(
            FactTable.ROW_ROLE,
            !totalRow
                ? FactTable.DETAIL
                : cell.formula() ? FactTable.FORMULA_TOTAL : FactTable.TOTAL);
        f.put(Lineage.CELL, cell.ref());
        f.put(Lineage.RAW_TEXT, cell.text());
        f.put(
            Lineage.RULE,
            multiplier.compareTo(BigDecimal.ONE) == 0
                ? n.rule()
                : n.rule() + " ×" + multiplier.toPlainString() + " (" + cell.unit() + ")");
        facts.add(f);
      }
    }
  }

  /** A key-indicator row's unit against its measure: money in USD, counts in no or a count unit. */
  private static Problem unitProblem(Measure m, Unit unit, BronzeCell cell) {
    if (m.baseUnit() == null) {
      return null;
    }
    if (unit == null) {
      return Unit.USD.equals(m.baseUnit())
          ? new Problem(
              Reasons.UNIT_UNKNOWN,
              Layout.UNIT_FIELD,
              cell.ref(),
              cell.text(),
              cell.ref()
                  + ": the row holds money but gives no unit (no unit cell, none in the header or a"
                  + " 'Đơn vị tính' line); fill the row's unit cell, e.g. Triệu USD",
              List.of())
          : null;
    }
    boolean fits =
        unit.base().equals(m.baseUnit())
            || (Unit.COUNT.equals(unit.base()) && !Unit.USD.equals(m.baseUnit()));
    return fits
        ? null
        : new Problem(
            Reasons.UNIT_MISMATCH,
            Layout.UNIT_FIELD,
            cell.ref(),
            cell.unit(),
            cell.ref()
                + ": the row's unit '"
                + cell.unit()
                + "' does not fit "
                + m.name()
                + " (stored in "
                + m.baseUnit()
                + "); the warehouse does not convert currencies: correct the unit cell, or map the"
                + " row's label to another measure",
            List.of());
  }

  /** What a year column's header says besides the year: its period and status, if any. */
  private record ColumnWords(String period, String status) {}

  private transient Map<String, ColumnWords> columnWords;

  private ColumnWords columnWords(String header) {
    if (header == null) {
      return new ColumnWords(null, null);
    }
    if (columnWords == null) {
      columnWords = new java.util.concurrent.ConcurrentHashMap<>();
    }
    return columnWords.computeIfAbsent(
        header,
        h -> {
          Periods.Found f = Periods.find(h);
          return new ColumnWords(f.period(), f.status());
        });
  }

  private ParsedNumber parseNumber(
      Layout layout, Layout.ColumnSpec cs, Measure m, BronzeCell cell) {
    ParsedNumber n;
    if ("n".equals(cell.kind())) {
      n = NumberParser.parseStored(cell.text());
    } else if ("e".equals(cell.kind())) {
      return ParsedNumber.error(
          Reasons.FORMULA_ERROR,
          "the cell shows the error " + cell.text() + "; fix the formula in the file");
    } else {
      NumberLocale locale =
          NumberLocale.of(cs.locale() != null ? cs.locale() : layout.number().locale());
      String amb = cs.ambiguous() != null ? cs.ambiguous() : layout.number().ambiguous();
      NumberParser.Ambiguity a =
          "thousands".equals(amb)
              ? NumberParser.Ambiguity.THOUSANDS
              : NumberParser.Ambiguity.QUARANTINE;
      n = NumberParser.parseText(cell.text(), locale, m.integer(), a);
    }
    return m.integer() ? NumberParser.requireInteger(n, cell.text()) : n;
  }

  private Object parseDimension(
      Dimension d, Layout.ColumnSpec cs, String spec, BronzeCell cell, List<Problem> problems) {
    String text = Text.squish(cell.text());
    switch (d.type()) {
      case TEXT:
        return text;
      case YEAR:
        {
          Integer y = year(cell);
          if (y == null) {
            problems.add(
                new Problem(
                    Reasons.BAD_YEAR,
                    spec,
                    cell.ref(),
                    cell.text(),
                    ref(cell) + "'" + Text.clip(text, 40) + "' is not a year; write it as 2016",
                    List.of()));
          }
          return y;
        }
      case PERIOD:
        {
          Periods.Found f = Periods.find(text);
          if (f.period() == null) {
            problems.add(
                new Problem(
                    Reasons.BAD_PERIOD,
                    spec,
                    cell.ref(),
                    cell.text(),
                    ref(cell)
                        + "'"
                        + Text.clip(text, 40)
                        + "' is not a period such as 'Năm 2016', 'Quý I/2016' or '6 tháng đầu năm'",
                    List.of()));
          }
          return f.period();
        }
      case STATUS:
        {
          String s = Periods.status(Text.foldWords(text));
          if (s == null) {
            problems.add(
                new Problem(
                    Reasons.UNKNOWN_CODE,
                    spec,
                    cell.ref(),
                    cell.text(),
                    ref(cell)
                        + "'"
                        + Text.clip(text, 40)
                        + "' is not a status; use 'chính thức', 'sơ bộ' or 'ước tính'",
                    List.of()));
          }
          return s;
        }
      case DATE:
        {
          String format = cs == null ? null : cs.dateFormat();
          LocalDate date = date(cell, format);
          if (date == null) {
            problems.add(
                new Problem(
                    Reasons.BAD_DATE,
                    spec,
                    cell.ref(),
                    cell.text(),
                    ref(cell)
                        + "'"
                        + Text.clip(text, 40)
                        + "' is not a date; write it as "
                        + dateAdvice(format),
                    List.of()));
            return null;
          }
          return java.sql.Date.valueOf(date);
        }
      case CODE:
        {
          CodeList list = reference.codeList(d.codeList()).orElseThrow();
          Optional<String> code = list.resolve(text);
          if (code.isEmpty()) {
            List<String> accepted = new ArrayList<>();
            list.codes().values().forEach(c -> accepted.add(c.code() + " (" + c.vi() + ")"));
            problems.add(
                new Problem(
                    Reasons.UNKNOWN_CODE,
                    spec,
                    cell.ref(),
                    cell.text(),
                    ref(cell)
                        + "'"
                        + Text.clip(text, 40)
                        + "' is not a known "
                        + list.name()
                        + "; use one of "
                        + accepted
                        + ", or add it as an alias in config/reference/codes.yaml",
                    accepted));
            return null;
          }
          return code.get();
        }
      default:
        return text;
    }
  }

  private static String ref(BronzeCell cell) {
    return cell.ref() == null ? "" : cell.ref() + ": ";
  }

  private Problem unknownPartner(String spec, BronzeCell cell, String name) {
    List<String> suggestions = reference.partners().suggest(name, 3);
    return new Problem(
        Reasons.UNKNOWN_PARTNER,
        spec,
        cell.ref(),
        cell.text(),
        ref(cell)
            + "partner '"
            + Text.clip(name, 60)
            + "' is not in the partner list"
            + (suggestions.isEmpty()
                ? ""
                : "; did you mean " + String.join(", ", suggestions) + "?")
            + " If it is a new spelling, add it to the partner's aliases in config/reference/partners.yaml",
        suggestions);
  }

  private static Integer year(BronzeCell cell) {
    String t = cell.text().trim();
    if ("n".equals(cell.kind())) {
      try {
        BigDecimal v = new BigDecimal(t);
        if (v.stripTrailingZeros().scale() <= 0) {
          int y = v.intValueExact();
          return y >= 1900 && y <= 2100 ? y : null;
        }
      } catch (ArithmeticException | NumberFormatException e) {
        return null;
      }
      return null;
    }
    if (t.matches("(19|20)\\d{2}")) {
      return Integer.parseInt(t);
    }
    Periods.Found f = Periods.find(t);
    return f.year();
  }

  /** How to write a date, in the layout's own format when it names one. */
  private static String dateAdvice(String format) {
    if (format == null) {
      return "dd/MM/yyyy, e.g. 15/03/2016";
    }
    try {
      return format
          + ", e.g. "
          + LocalDate.of(2016, 3, 5)
              .format(DateTimeFormatter.ofPattern(format.replace("yyyy", "uuuu")));
    } catch (IllegalArgumentException e) {
      return format;
    }
  }

  private static LocalDate date(BronzeCell cell, String format) {
    String t = cell.text().trim();
    try {
      if ("d".equals(cell.kind())) {
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
      }
      if ("n".equals(cell.kind())) {
        return ExcelDates.fromSerial(Double.parseDouble(t), false).toLocalDate();
      }
    } catch (RuntimeException e) {
      return null;
    }
    List<DateTimeFormatter> formats =
        format == null
            ? DATE_FORMATS
            : List.of(DateTimeFormatter.ofPattern(format.replace("yyyy", "uuuu")));
    for (DateTimeFormatter f : formats) {
      try {
        return LocalDate.parse(t, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  private void fromContext(
      Map<String, Object> dims, Map<String, String> context, List<Problem> problems) {
    if (!dims.containsKey(FactTable.YEAR) && context.get(TableContext.YEAR) != null) {
      try {
        dims.put(FactTable.YEAR, Integer.parseInt(context.get(TableContext.YEAR).trim()));
      } catch (NumberFormatException e) {
        problems.add(
            new Problem(
                Reasons.BAD_YEAR,
                "period.year",
                null,
                context.get(TableContext.YEAR),
                "the year found in the title or file name, '"
                    + context.get(TableContext.YEAR)
                    + "', is not a year; fix the layout's period.year pattern",
                List.of()));
      }
    }
    if (!dims.containsKey(FactTable.PERIOD) && context.get(TableContext.PERIOD) != null) {
      dims.put(FactTable.PERIOD, context.get(TableContext.PERIOD));
    }
    if (!dims.containsKey(FactTable.STATUS) && context.get(TableContext.STATUS) != null) {
      dims.put(FactTable.STATUS, context.get(TableContext.STATUS));
    }
  }

  /** Compiled section patterns, per layout; built on first use in each executor. */
  private transient Map<String, List<Pattern>> sectionPatterns;

  private Map<String, String> sectionFields(Layout layout, String section) {
    if (section == null || layout.sections().isEmpty()) {
      return Map.of();
    }
    if (sectionPatterns == null) {
      sectionPatterns = new java.util.concurrent.ConcurrentHashMap<>();
    }
    List<Pattern> patterns =
        sectionPatterns.computeIfAbsent(
            layout.id(),
            k ->
                layout.sections().stream()
                    .map(
                        sec ->
                            Pattern.compile(
                                sec.match(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList());
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(section).find()) {
        return layout.sections().get(i).fields();
      }
    }
    return Map.of();
  }

  public String runId() {
    return runId;
  }
}
