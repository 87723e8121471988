package vn.extrel.warehouse.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.parse.Periods;
import vn.extrel.warehouse.parse.Publications;

/**
 * A table's context (keys in {@link TableContext}): year, period and status from the title lines,
 * the file name or the sheet name, as the layout says; the publication date and the edition.
 */
final class ContextResolver {

  private final Layout layout;
  private final String fileName;
  private final String sheetName;

  ContextResolver(Layout layout, String fileName, String sheetName) {
    this.layout = layout;
    this.fileName = fileName;
    this.sheetName = sheetName;
  }

  /**
   * The context of a table whose header begins at {@code headerRow}: what the rows above said, with
   * what the layout reads from the title lines (the preamble) and the names.
   */
  Map<String, String> forTable(Map<String, String> above, List<String> preamble, int headerRow) {
    Map<String, String> ctx = new LinkedHashMap<>(above);
    ctx.put(TableContext.HEADER_ROW, String.valueOf(headerRow));
    Layout.PeriodSpec p = layout.period();
    put(ctx, TableContext.YEAR, p.year(), preamble);
    put(ctx, TableContext.PERIOD, p.period(), preamble);
    put(ctx, TableContext.STATUS, p.status(), preamble);
    Layout.PublicationSpec pub = layout.publication();
    put(ctx, TableContext.PUBLISHED, pub.date(), preamble);
    if (!ctx.containsKey(TableContext.PUBLISHED)) {
      String d = Publications.dateIn(fileName);
      if (d != null) {
        ctx.put(TableContext.PUBLISHED, d);
      }
    } else {
      String d = Publications.date(ctx.get(TableContext.PUBLISHED));
      if (d == null) {
        ctx.remove(TableContext.PUBLISHED);
      } else {
        ctx.put(TableContext.PUBLISHED, d);
      }
    }
    put(ctx, TableContext.EDITION, pub.edition(), preamble);
    if (!ctx.containsKey(TableContext.EDITION) && ctx.get(TableContext.YEAR) != null) {
      String period = ctx.get(TableContext.PERIOD);
      ctx.put(
          TableContext.EDITION,
          ctx.get(TableContext.YEAR).trim()
              + (period == null || Periods.FULL_YEAR.equals(period) ? "" : "-" + period));
    }
    return Collections.unmodifiableMap(ctx);
  }

  private void put(
      Map<String, String> ctx, String key, Layout.ValueSource source, List<String> preamble) {
    if (source == null) {
      return;
    }
    String v = null;
    if (source.value() != null) {
      v = source.value();
    }
    if (v == null && source.title() != null) {
      for (String line : preamble) {
        v = extract(source.title(), line, key);
        if (v != null) {
          break;
        }
      }
    }
    if (v == null && source.fileName() != null) {
      v = extract(source.fileName(), fileName, key);
    }
    if (v == null && source.sheetName() != null && sheetName != null) {
      v = extract(source.sheetName(), sheetName, key);
    }
    if (v != null) {
      ctx.put(key, v);
    }
  }

  /**
   * "auto" reads the period words; otherwise the regex's group "v" or first group, or the whole
   * match.
   */
  private static String extract(String regex, String text, String key) {
    if (text == null) {
      return null;
    }
    if ("auto".equalsIgnoreCase(regex)) {
      if (TableContext.PUBLISHED.equals(key)) {
        return Publications.dateIn(text);
      }
      Periods.Found f = Periods.find(text);
      return switch (key) {
        case TableContext.YEAR -> f.year() == null ? null : String.valueOf(f.year());
        case TableContext.PERIOD -> f.period();
        case TableContext.STATUS -> f.status();
        default -> null;
      };
    }
    Matcher m =
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
    if (!m.find()) {
      return null;
    }
    try {
      return m.group("v");
    } catch (IllegalArgumentException noNamedGroup) {
      return m.groupCount() > 0 ? m.group(1) : m.group();
    }
  }
}
