package vn.extrel.warehouse.notebook;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import vn.extrel.warehouse.notebook.SqlCell.ChartSpec;

/** Bar and line charts of a SQL cell's result, drawn with XChart, as PNG and SVG. */
public final class Charts {
  private Charts() {}

  /** A drawn chart in both formats. */
  public record Drawn(byte[] png, byte[] svg) {}

  public static Drawn draw(ChartSpec spec, StructType schema, List<Row> rows, String where) {
    // Charts are drawn off-screen: on a server or in CI there is no display.
    System.setProperty("java.awt.headless", "true");
    int xi = column(schema, spec.x(), where);
    int li = spec.label() == null ? -1 : column(schema, spec.label(), where);
    List<Integer> yi = new ArrayList<>();
    for (String y : spec.y()) {
      yi.add(column(schema, y, where));
    }
    List<String> categories = new ArrayList<>();
    for (Row r : rows) {
      String x = r.isNullAt(xi) ? "" : String.valueOf(r.get(xi));
      if (li >= 0 && !r.isNullAt(li)) {
        // The year-over-year ratio under its year: "2016 (×4.4)".
        x += " (×" + round(((Number) r.get(li)).doubleValue()) + ")";
      }
      categories.add(x);
    }
    String yTitle = String.join(", ", spec.y());
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(450)
            .title(spec.title() == null ? yTitle + " by " + spec.x() : spec.title())
            .xAxisTitle(spec.x() + (spec.label() == null ? "" : " (× " + spec.label() + ")"))
            .yAxisTitle(yTitle)
            .build();
    CategoryStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(
        spec.type().equals("line")
            ? CategorySeriesRenderStyle.Line
            : CategorySeriesRenderStyle.Bar);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendVisible(yi.size() > 1);
    styler.setLegendPosition(LegendPosition.InsideNW);
    styler.setYAxisDecimalPattern("#,##0.##");
    styler.setLabelsVisible(true);
    for (int k = 0; k < yi.size(); k++) {
      int c = yi.get(k);
      List<Double> values = new ArrayList<>();
      for (Row r : rows) {
        Object v = r.isNullAt(c) ? null : r.get(c);
        if (v != null && !(v instanceof Number)) {
          throw NotebookErrors.notANumberColumn(where, spec.y().get(k), v);
        }
        values.add(v == null ? 0.0 : ((Number) v).doubleValue());
      }
      chart.addSeries(spec.y().get(k), categories, values);
    }
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      ByteArrayOutputStream svg = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return new Drawn(png, svg.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String round(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static int column(StructType schema, String name, String where) {
    for (int i = 0; i < schema.fields().length; i++) {
      if (schema.fields()[i].name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw NotebookErrors.noSuchColumn(where, name, schema.fieldNames());
  }
}
