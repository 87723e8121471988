package vn.extrel.warehouse.report;

import java.util.Base64;
import java.util.List;

/**
 * The review as one standalone HTML page (charts inlined): every figure is a link to its row in the
 * table of sources and shows its lineage on hover.
 */
final class HtmlReport {
  private HtmlReport() {}

  private static final String STYLE =
      "body{font-family:'Times New Roman',Georgia,serif;max-width:900px;margin:2em auto;padding:0 1em;"
          + "color:#222;line-height:1.55;font-size:17px}\n"
          + "h1{font-size:1.6em;text-align:center}h2{font-size:1.25em;margin-top:1.6em}\n"
          + "p{text-align:justify}\n"
          + "a.figure{color:#0b4f9c;text-decoration:none;border-bottom:1px dotted #0b4f9c}\n"
          + "a.figure sup{font-size:.7em;margin-left:.1em}\n"
          + "figure.chart{margin:1.2em 0;text-align:center}figure.chart img{max-width:100%}\n"
          + "figcaption{font-size:.85em;color:#555}\n"
          + "table.sources{border-collapse:collapse;font-size:.8em;width:100%}\n"
          + "table.sources th,table.sources td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;"
          + "text-align:left}\n"
          + "table.sources tr:target{background:#fff6c8}\n"
          + "table.sources ul{margin:0;padding-left:1.1em}\n"
          + "footer{font-size:.8em;color:#666;margin-top:2em}\n";

  static String render(Rendered r, LineageText lineage) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(r.locale().code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(r.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(r.title()))
        .append("</h1>\n");
    int chart = 0;
    for (Rendered.Section s : r.sections()) {
      b.append("<section id=\"section-").append(escape(s.id())).append("\">\n<h2>");
      b.append(escape(s.title())).append("</h2>\n");
      for (Prose.Paragraph p : s.paragraphs()) {
        b.append("<p>");
        for (Prose.Run run : p.runs()) {
          if (run instanceof Prose.Cited c) {
            Figure f = r.figures().get(c.citation() - 1);
            b.append("<a class=\"figure\" href=\"#source-")
                .append(c.citation())
                .append("\" title=\"")
                .append(escape(lineage.summary(f)))
                .append("\" data-indicator=\"")
                .append(escape(f.getIndicator()))
                .append("\">")
                .append(escape(c.text()))
                .append("<sup>[")
                .append(c.citation())
                .append("]</sup></a>");
          } else {
            b.append(escape(run.text()));
          }
        }
        b.append("</p>\n");
      }
      for (ReportCharts.Drawn d : s.charts()) {
        chart++;
        b.append("<figure class=\"chart\"><img id=\"chart-")
            .append(chart)
            .append("\" width=\"")
            .append(ReportCharts.WIDTH)
            .append("\" height=\"")
            .append(ReportCharts.HEIGHT)
            .append("\" alt=\"")
            .append(escape(d.title()))
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(d.png()))
            .append("\"><figcaption>")
            .append(escape(d.title() + ". " + d.caption()))
            .append("</figcaption></figure>\n");
      }
      b.append("</section>\n");
    }
    sources(b, r, lineage);
    b.append("<footer>").append(escape(r.generatedLine())).append("</footer>\n");
    return b.append("</body>\n</html>\n").toString();
  }

  private static void sources(StringBuilder b, Rendered r, LineageText lineage) {
    b.append("<section id=\"sources\">\n<h2>")
        .append(escape(r.sourcesHeading()))
        .append("</h2>\n<table class=\"sources\">\n<tr>");
    for (String c : r.sourceColumns()) {
      b.append("<th>").append(escape(c)).append("</th>");
    }
    b.append("</tr>\n");
    int year = r.year();
    for (int i = 0; i < r.figures().size(); i++) {
      Figure f = r.figures().get(i);
      b.append("<tr id=\"source-").append(i + 1).append("\"><td>[").append(i + 1).append("]</td>");
      b.append("<td>")
          .append(escape(lineage.label(f)))
          .append(" <code>")
          .append(escape(f.getIndicator()))
          .append("</code></td>");
      b.append("<td>").append(escape(lineage.value(f, year))).append("</td>");
      b.append("<td>").append(escape(lineage.value(f, year - 1))).append("</td>");
      b.append("<td>").append(escape(note(f, lineage, year))).append("</td>");
      b.append("<td>");
      for (int y : List.of(year, year - 1)) {
        List<String> cells = lineage.cells(f, y);
        if (!cells.isEmpty()) {
          b.append("<div>").append(y).append(":</div><ul>");
          for (String c : cells) {
            b.append("<li class=\"cell\">").append(escape(c)).append("</li>");
          }
          b.append("</ul>");
        }
      }
      b.append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  /** The status of both years and the publication used, where they need saying. */
  static String note(Figure f, LineageText lineage, int year) {
    StringBuilder n = new StringBuilder();
    String s = lineage.status(f, year);
    if (s != null) {
      n.append(year).append(": ").append(s).append(". ");
    }
    String s0 = f.hasBase() ? lineage.status(f, year - 1) : null;
    if (s0 != null) {
      n.append(year - 1).append(": ").append(s0).append(". ");
    }
    String pub = lineage.publication(f);
    if (pub != null) {
      n.append(pub).append(".");
    }
    return n.toString().strip();
  }

  static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
