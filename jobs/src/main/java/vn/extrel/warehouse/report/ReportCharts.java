package vn.extrel.warehouse.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.gold.IndicatorDefinition;
import vn.extrel.warehouse.parse.Unit;

/**
 * A section's charts, drawn with XChart as PNG (the notebooks' library): indicators by year, or one
 * indicator's breakdown for the report year. Amounts of money are drawn in millions.
 */
final class ReportCharts {
  private ReportCharts() {}

  /** A drawn chart: its title, a caption naming what it shows and where from, the image. */
  record Drawn(String title, String caption, byte[] png) {}

  static final int WIDTH = 800;
  static final int HEIGHT = 420;

  /** Members of a breakdown drawn at most, the largest. */
  static final int MAX_BARS = 10;

  static Drawn draw(
      ReportDefinition.Chart chart,
      WarehouseFigures figures,
      Names names,
      ExportLocale locale,
      int year) {
    System.setProperty("java.awt.headless", "true");
    String title = chart.title().getOrDefault(locale.code(), chart.title().get("vi"));
    List<IndicatorDefinition> defs = chart.indicators().stream().map(figures::definition).toList();
    boolean money = defs.stream().allMatch(d -> Unit.USD.equals(d.unit()));
    String yTitle =
        money
            ? (locale == ExportLocale.VI ? "triệu USD" : "USD million")
            : unitName(defs.get(0).unit(), locale);
    CategoryChart c =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .yAxisTitle(yTitle)
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(LegendPosition.InsideNW);
    c.getStyler().setYAxisDecimalPattern("#,##0.##");
    c.getStyler().setLabelsVisible(false);
    if (chart.kind() == ReportDefinition.ChartKind.SERIES) {
      Map<String, TreeMap<Integer, BigDecimal>> series = figures.series(chart.indicators());
      TreeSet<Integer> years = new TreeSet<>();
      series.values().forEach(s -> years.addAll(s.keySet()));
      List<String> categories = years.stream().map(String::valueOf).toList();
      for (IndicatorDefinition d : defs) {
        List<Double> ys = new ArrayList<>();
        for (Integer y : years) {
          BigDecimal v = series.get(d.id()).get(y);
          ys.add(v == null ? 0.0 : scaled(v, money));
        }
        c.addSeries(locale == ExportLocale.VI ? d.nameVi() : d.nameEn(), categories, ys);
      }
      c.getStyler().setLegendVisible(true);
    } else {
      IndicatorDefinition d = defs.get(0);
      List<Figure> members = figures.members(d, chart.dimension());
      List<Figure> top = members.subList(0, Math.min(MAX_BARS, members.size()));
      List<String> categories = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Figure f : top) {
        categories.add(names.member(f));
        ys.add(scaled(f.getValue(), money));
      }
      if (categories.isEmpty()) {
        categories.add("—");
        ys.add(0.0);
      }
      c.addSeries(locale == ExportLocale.VI ? d.nameVi() : d.nameEn(), categories, ys);
      c.getStyler().setLegendVisible(false);
      c.getStyler().setXAxisLabelRotation(30);
    }
    String caption =
        (locale == ExportLocale.VI ? "Nguồn: gold.indicators (" : "Source: gold.indicators (")
            + String.join("; ", chart.indicators())
            + (chart.kind() == ReportDefinition.ChartKind.BREAKDOWN
                ? ", " + chart.dimension() + ", " + year
                : ", ≤ " + year)
            + ")";
    try {
      return new Drawn(
          title, caption, BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double scaled(BigDecimal v, boolean money) {
    return money ? v.movePointLeft(6).doubleValue() : v.doubleValue();
  }

  private static String unitName(String unit, ExportLocale locale) {
    boolean vi = locale == ExportLocale.VI;
    return switch (unit) {
      case "activity" -> vi ? "hoạt động" : "activities";
      case "person" -> vi ? "người" : "persons";
      case "project" -> vi ? "dự án" : "projects";
      default -> unit;
    };
  }
}
