package vn.extrel.warehouse.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An executed notebook as one standalone HTML page (charts inlined), for readers without Jupyter:
 * mail it, put it on the intranet, print it.
 */
final class HtmlPage {
  private HtmlPage() {}

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();

  static String render(Notebook nb, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,'Segoe UI',Roboto,sans-serif;max-width:960px;margin:2em auto;"
                + "padding:0 1em;color:#222;line-height:1.5}\n"
                + "pre{background:#f6f8fa;padding:.8em;overflow-x:auto;border-radius:4px}\n"
                + ".source{border-left:3px solid #4a7bd0}\n.error{background:#fde8e8;color:#8a1c1c}\n"
                + "table.dataframe{border-collapse:collapse;margin:.5em 0;font-size:.9em}\n"
                + "table.dataframe th,table.dataframe td{border:1px solid #ccc;padding:.25em .6em}\n"
                + "table.dataframe td.num{text-align:right}\nimg{max-width:100%}\n")
        .append("</style>\n</head>\n<body>\n");
    for (ObjectNode cell : nb.cells()) {
      String source = Notebook.source(cell);
      switch (cell.path("cell_type").asText()) {
        case "markdown" -> b.append(HTML.render(MARKDOWN.parse(source))).append('\n');
        case "code" -> {
          b.append("<pre class=\"source\"><code>").append(escape(source)).append("</code></pre>\n");
          for (JsonNode out : cell.path("outputs")) {
            output(b, out);
          }
        }
        default -> {}
      }
    }
    return b.append("</body>\n</html>\n").toString();
  }

  private static void output(StringBuilder b, JsonNode out) {
    if (out.path("output_type").asText().equals("error")) {
      b.append("<pre class=\"error\">")
          .append(escape(out.path("ename").asText() + ": " + out.path("evalue").asText()))
          .append("</pre>\n");
      return;
    }
    JsonNode data = out.path("data");
    if (data.has("image/png")) {
      b.append("<p><img alt=\"")
          .append(escape(data.path("text/plain").asText("chart")))
          .append("\" src=\"data:image/png;base64,")
          .append(data.path("image/png").asText().strip())
          .append("\"></p>\n");
    } else if (data.has("text/html")) {
      b.append(data.path("text/html").asText()).append('\n');
    } else if (data.has("text/plain")) {
      b.append("<pre>").append(escape(data.path("text/plain").asText())).append("</pre>\n");
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
