package vn.extrel.warehouse.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.ResultPrinter;

/**
 * Executes a notebook's SQL cells against the warehouse, papermill's way: parameters from the cell
 * tagged {@code parameters}, overrides injected as a new cell after it, every SQL cell's result
 * stored as its output (a text table and an HTML table, a chart as PNG where the cell asks for
 * one). Writes the executed notebook, a standalone HTML page and each chart as PNG and SVG. Other
 * code cells (the Python that connects Jupyter to {@code warehouse serve}) are kept, not run.
 */
public final class NotebookRunner {

  /** Rows shown per result: a notebook is for reading, exports are for data. */
  public static final int MAX_ROWS = 1000;

  /** Ends the refusal of a cell that would write or run code. */
  static final String READ_ONLY_HINT =
      "Notebooks only read the warehouse; it is loaded by 'warehouse load'";

  public record Result(Path notebook, Path html, List<Path> charts, int sqlCells) {}

  private final SparkSession spark;

  public NotebookRunner(SparkSession spark) {
    this.spark = spark;
  }

  public Result run(Path input, Map<String, String> overrides, Path outDir) throws IOException {
    Notebook nb = Notebook.read(input);
    String where = input.toString();
    List<ObjectNode> cells = nb.cells();
    int paramsAt = -1;
    for (int i = 0; i < cells.size(); i++) {
      if (Notebook.hasTag(cells.get(i), "parameters")) {
        paramsAt = i;
        break;
      }
    }
    Parameters params =
        paramsAt < 0
            ? new Parameters()
            : Parameters.parse(Notebook.source(cells.get(paramsAt)), where);
    Map<String, Object> changed = params.override(overrides, where);
    if (!changed.isEmpty()) {
      nb.insertCell(
          paramsAt + 1, Notebook.codeCell(Parameters.python(changed), "injected-parameters"));
      cells = nb.cells();
    }
    ObjectNode run = nb.metadata().putObject("extrel");
    run.put("executed_at", Instant.now().toString());
    run.set("parameters", Notebook.JSON.valueToTree(params.values()));

    Files.createDirectories(outDir);
    Path outNotebook = outDir.resolve(nb.name() + ".ipynb");
    Path outHtml = outDir.resolve(nb.name() + ".html");
    List<Path> charts = new ArrayList<>();
    int executed = 0;
    for (int i = 0; i < cells.size(); i++) {
      ObjectNode cell = cells.get(i);
      if (!cell.path("cell_type").asText().equals("code")) {
        continue;
      }
      cell.putNull("execution_count");
      ArrayNode outputs = cell.putArray("outputs");
      String source = Notebook.source(cell);
      if (!SqlCell.isSql(source)) {
        continue;
      }
      executed++;
      cell.put("execution_count", executed);
      String at = where + ", cell " + (i + 1);
      try {
        SqlCell sql = SqlCell.parse(source, at);
        Dataset<Row> result;
        List<Row> rows;
        try (ReadOnlyGuard.Scope guard =
            ReadOnlyGuard.guard(spark, ReadOnlyGuard.Access.READ_ONLY, READ_ONLY_HINT)) {
          result = spark.sql(sql.sql(), params.usedBy(sql.sql()));
          rows = result.limit(MAX_ROWS + 1).collectAsList();
        }
        boolean truncated = rows.size() > MAX_ROWS;
        if (truncated) {
          rows = rows.subList(0, MAX_ROWS);
        }
        outputs.add(table(result.schema(), rows, truncated, executed));
        if (sql.chart() != null) {
          Charts.Drawn drawn = Charts.draw(sql.chart(), result.schema(), rows, at);
          outputs.add(image(drawn.png(), sql.chart()));
          String base = nb.name() + "-cell" + (i + 1);
          Path png = outDir.resolve(base + ".png");
          Path svg = outDir.resolve(base + ".svg");
          Files.write(png, drawn.png());
          Files.write(svg, drawn.svg());
          charts.add(png);
          charts.add(svg);
        }
      } catch (Exception e) { // AnalysisException is checked, thrown from Scala
        String message = firstLine(e);
        ObjectNode error = outputs.addObject();
        error.put("output_type", "error");
        error.put("ename", e.getClass().getSimpleName());
        error.put("evalue", message);
        error.putArray("traceback").add(e.getClass().getName() + ": " + message);
        write(nb, outNotebook, outHtml);
        throw NotebookErrors.cellFailed(at, message, outNotebook, e);
      }
    }
    write(nb, outNotebook, outHtml);
    return new Result(outNotebook, outHtml, charts, executed);
  }

  /** The executed notebook and its HTML page, side by side. */
  private static void write(Notebook nb, Path notebook, Path html) throws IOException {
    nb.write(notebook);
    Files.writeString(html, HtmlPage.render(nb, nb.name()), StandardCharsets.UTF_8);
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
  }

  private static ObjectNode table(StructType schema, List<Row> rows, boolean truncated, int n) {
    ObjectNode out = Notebook.JSON.createObjectNode();
    out.put("output_type", "execute_result");
    out.put("execution_count", n);
    out.putObject("metadata");
    ObjectNode data = out.putObject("data");
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      ResultPrinter.print(schema, rows.iterator(), ResultPrinter.Format.TABLE, w);
      if (truncated) {
        w.println("(first " + MAX_ROWS + " rows shown)");
      }
    }
    data.put("text/plain", text.toString());
    StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
    for (String c : schema.fieldNames()) {
      html.append("<th>").append(HtmlPage.escape(c)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      html.append("<tr>");
      for (int c = 0; c < r.length(); c++) {
        boolean numeric =
            schema.fields()[c].dataType() instanceof NumericType
                || schema.fields()[c].dataType() instanceof DecimalType;
        html.append(numeric ? "<td class=\"num\">" : "<td>")
            .append(HtmlPage.escape(ResultPrinter.text(r.get(c), true)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>");
    if (truncated) {
      html.append("\n<p>(first ").append(MAX_ROWS).append(" rows shown)</p>");
    }
    data.put("text/html", html.toString());
    return out;
  }

  private static ObjectNode image(byte[] png, SqlCell.ChartSpec spec) {
    ObjectNode out = Notebook.JSON.createObjectNode();
    out.put("output_type", "display_data");
    out.putObject("metadata");
    ObjectNode data = out.putObject("data");
    data.put("image/png", Base64.getEncoder().encodeToString(png));
    data.put(
        "text/plain",
        "<" + spec.type() + " chart of " + String.join(", ", spec.y()) + " by " + spec.x() + ">");
    return out;
  }
}
