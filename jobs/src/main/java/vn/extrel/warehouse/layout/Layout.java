package vn.extrel.warehouse.layout;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one kind of report (a spreadsheet layout) maps onto a silver table. Read from one YAML file
 * in {@code config/layouts/}; the schema is documented in docs/LAYOUTS.md and checked by {@link
 * LayoutLoader}.
 *
 * @param id unique name of the layout, e.g. {@code an-giang-fdi-by-partner}
 * @param target the silver table the rows feed: {@code fdi}, {@code trade} or {@code activity}
 * @param dataset the value of the {@code dataset} column, which keeps sources apart in one table
 * @param columns source columns by local name; each maps to a target field or measure
 * @param constants fixed values for target fields, e.g. {@code area: An Giang}
 * @param source the YAML file this layout came from (set by the loader)
 */
public record Layout(
    String id,
    String description,
    String target,
    String dataset,
    Match match,
    Sheets sheets,
    Format format,
    TableSpec table,
    NumberSpec number,
    PeriodSpec period,
    LinkedHashMap<String, ColumnSpec> columns,
    RowRules rows,
    List<SectionSpec> sections,
    Map<String, String> constants,
    PublicationSpec publication,
    LinkedHashMap<String, List<String>> measures,
    String source)
    implements Serializable {

  /** Joins the ids of the layouts that share a workbook. */
  public static final String ID_SEPARATOR = ",";

  /** The pseudo-field of a column whose text names the row's measure (key-indicator sheets). */
  public static final String MEASURE_FIELD = "measure";

  /** The pseudo-field of a column that holds the values of the measure the row names. */
  public static final String VALUE_FIELD = "value";

  /** The pseudo-field of a column that holds each row's unit ("Triệu USD", "Dự án"). */
  public static final String UNIT_FIELD = "unit";

  public Layout {
    sheets = sheets == null ? Sheets.FIRST : sheets;
    format = format == null ? Format.AUTO : format;
    table = table == null ? TableSpec.DEFAULT : table;
    number = number == null ? NumberSpec.DEFAULT : number;
    period = period == null ? PeriodSpec.NONE : period;
    columns = columns == null ? new LinkedHashMap<>() : columns;
    rows = rows == null ? RowRules.DEFAULT : rows;
    sections = sections == null ? List.of() : List.copyOf(sections);
    constants = constants == null ? Map.of() : Map.copyOf(constants);
    publication = publication == null ? PublicationSpec.DEFAULT : publication;
    measures = measures == null ? new LinkedHashMap<>() : measures;
  }

  /** True for a key-indicator layout: rows name measures, columns name years or periods. */
  public boolean rowsAreMeasures() {
    return !measures.isEmpty();
  }

  /** The target field a column feeds: its {@code field}, else its own name. */
  public String fieldOf(String column) {
    ColumnSpec c = columns.get(column);
    return c == null || c.field() == null ? column : c.field();
  }

  public Layout withSource(String file) {
    return new Layout(
        id,
        description,
        target,
        dataset,
        match,
        sheets,
        format,
        table,
        number,
        period,
        columns,
        rows,
        sections,
        constants,
        publication,
        measures,
        file);
  }

  /**
   * Which files the layout claims, by glob (relative to the input folder) or by regex on that path.
   */
  public record Match(List<String> files, String regex) implements Serializable {
    public Match {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * What a file of this layout is: a publication with a date and an edition, and whether its rows
   * are statistics (each value key once: a later publication's value replaces an earlier one's) or
   * records (transactions, summed across files).
   *
   * @param date where the publication date is written (a regex on the title, the file name, the
   *     sheet name, or a fixed value); default: a date in the file name (2019-12-27, 27-12-2019)
   * @param edition a label that orders publications of the same date (default: the report's year
   *     and period)
   * @param kind {@code auto} (default: records when values repeat within a file), {@code report} or
   *     {@code records}
   */
  public record PublicationSpec(ValueSource date, ValueSource edition, String kind)
      implements Serializable {
    public static final PublicationSpec DEFAULT = new PublicationSpec(null, null, null);

    public PublicationSpec {
      kind = kind == null ? "auto" : kind;
    }
  }

  /** Which sheets of a workbook hold the table. Hidden sheets are skipped unless named here. */
  public record Sheets(String name, String regex, Integer index, Boolean all, Boolean includeHidden)
      implements Serializable {
    public static final Sheets FIRST = new Sheets(null, null, null, null, null);

    public boolean every() {
      return Boolean.TRUE.equals(all);
    }

    public boolean hiddenIncluded() {
      return Boolean.TRUE.equals(includeHidden) || name != null;
    }

    /** True when the layout names its sheets, so that other layouts may claim other sheets. */
    public boolean explicit() {
      return name != null || regex != null || index != null;
    }
  }

  /** The file format; {@code auto} goes by the file's content and extension. */
  public record Format(String type, String encoding, String delimiter, Integer skipLines)
      implements Serializable {
    public static final Format AUTO = new Format(null, null, null, null);

    public Format {
      type = type == null ? "auto" : type;
      encoding = encoding == null ? "auto" : encoding;
      delimiter = delimiter == null ? "auto" : delimiter;
      skipLines = skipLines == null ? 0 : skipLines;
    }
  }

  /**
   * Where the table sits in the sheet: found by its header (default) or at a fixed place.
   *
   * @param headerRows how many rows the header spans (merged cells are flattened to "Năm 2016 /
   *     Vốn")
   * @param headerRow a fixed 1-based header row, instead of searching for it
   * @param range a fixed A1 range such as {@code A5:F40}; rows and columns outside it are ignored
   * @param searchRows how many rows from the top to search for the header
   * @param stacked whether further tables with the same header follow below the first
   * @param hiddenRows {@code skip} (default) or {@code keep}
   * @param hiddenColumns {@code skip} (default) or {@code keep}
   */
  public record TableSpec(
      Integer headerRows,
      Integer headerRow,
      String range,
      Integer searchRows,
      List<String> locateBy,
      Boolean stacked,
      String startAfter,
      String stopBefore,
      String hiddenRows,
      String hiddenColumns)
      implements Serializable {
    public static final TableSpec DEFAULT =
        new TableSpec(null, null, null, null, null, null, null, null, null, null);

    public TableSpec {
      headerRows = headerRows == null ? 1 : headerRows;
      searchRows = searchRows == null ? 40 : searchRows;
      locateBy = locateBy == null ? List.of() : List.copyOf(locateBy);
      stacked = stacked != null && stacked;
      hiddenRows = hiddenRows == null ? "skip" : hiddenRows;
      hiddenColumns = hiddenColumns == null ? "skip" : hiddenColumns;
    }
  }

  /** How numbers typed as text are read: {@code vi} ("6.785" = 6785) or {@code en} ("1,342.30"). */
  public record NumberSpec(String locale, String ambiguous) implements Serializable {
    public static final NumberSpec DEFAULT = new NumberSpec(null, null);

    public NumberSpec {
      locale = locale == null ? "vi" : locale;
      ambiguous = ambiguous == null ? "quarantine" : ambiguous;
    }
  }

  /** Where the year, period and status come from when no column carries them. */
  public record PeriodSpec(ValueSource year, ValueSource period, ValueSource status)
      implements Serializable {
    public static final PeriodSpec NONE = new PeriodSpec(null, null, null);
  }

  /**
   * One place a value can come from: a fixed {@code value}, or a regex whose first group (or group
   * named {@code v}) is taken from the file name, the sheet name or the title lines above the
   * table.
   */
  public record ValueSource(String value, String fileName, String sheetName, String title)
      implements Serializable {}

  /**
   * A source column.
   *
   * @param aliases header texts that name it, matched ignoring case, accents, spacing and a
   *     trailing unit in parentheses
   * @param column a fixed column letter, for columns without a usable header
   * @param field the target field or measure it feeds (default: the column's own name)
   * @param unit the unit, when neither the header nor a "Đơn vị tính" line gives it
   * @param yearColumns a family of columns, one per year ("2015", "Năm 2016 / Vốn thực hiện"): wide
   *     to long
   * @param set fixed target fields for the values of this column, e.g. {@code flow: export}
   * @param multiple whether one cell may list several values separated by commas or semicolons
   * @param dateFormat how a date typed as text is written, e.g. {@code dd/MM/yyyy}
   */
  public record ColumnSpec(
      List<String> aliases,
      String column,
      String field,
      Boolean required,
      String unit,
      String locale,
      String ambiguous,
      Boolean yearColumns,
      Map<String, String> set,
      Boolean multiple,
      String dateFormat)
      implements Serializable {
    public ColumnSpec {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
      set = set == null ? Map.of() : Map.copyOf(set);
    }

    public boolean isRequired() {
      return Boolean.TRUE.equals(required);
    }

    public boolean isYearColumns() {
      return Boolean.TRUE.equals(yearColumns);
    }

    public boolean isMultiple() {
      return Boolean.TRUE.equals(multiple);
    }
  }

  /**
   * Which rows are not facts. The built-in Vietnamese words (Tổng số, Tổng cộng, Cộng; Trong đó,
   * Chia ra, Phân theo; Ghi chú, Nguồn, (*)) apply unless {@code defaults: false}; the lists here
   * add to them.
   *
   * @param labelColumn the column whose text names the row (default: the first text column of the
   *     layout)
   */
  public record RowRules(
      String labelColumn,
      List<String> total,
      List<String> section,
      List<String> note,
      List<String> ignore,
      Boolean defaults)
      implements Serializable {
    public static final RowRules DEFAULT = new RowRules(null, null, null, null, null, null);

    public RowRules {
      total = total == null ? List.of() : List.copyOf(total);
      section = section == null ? List.of() : List.copyOf(section);
      note = note == null ? List.of() : List.copyOf(note);
      ignore = ignore == null ? List.of() : List.copyOf(ignore);
      defaults = defaults == null || defaults;
    }
  }

  /**
   * A section row that changes what the rows below it mean, e.g. "Phân theo một số nước và vùng
   * lãnh thổ" turns the label column into the partner.
   *
   * @param match regex on the section row's label
   * @param fields column name to target field, for the rows of this section
   */
  public record SectionSpec(String match, Map<String, String> fields) implements Serializable {
    public SectionSpec {
      fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
  }
}
