package vn.extrel.warehouse.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The review as a Word document (what provincial offices exchange), written with POI's XWPF: each
 * figure carries a footnote with its lineage, the charts are pictures, and a last table lists the
 * sources of every figure with its cells.
 */
final class DocxReport {
  private DocxReport() {}

  private static final String FONT = "Times New Roman";

  static void write(Rendered r, LineageText lineage, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      footnoteStyle(doc);
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, r.title(), true, 16);
      int chart = 0;
      for (Rendered.Section s : r.sections()) {
        XWPFParagraph h = doc.createParagraph();
        h.setSpacingBefore(240);
        run(h, s.title(), true, 14);
        for (Prose.Paragraph p : s.paragraphs()) {
          XWPFParagraph para = doc.createParagraph();
          para.setAlignment(ParagraphAlignment.BOTH);
          para.setFirstLineIndent(567);
          for (Prose.Run run : p.runs()) {
            run(para, run.text(), false, 13);
            if (run instanceof Prose.Cited c) {
              Figure f = r.figures().get(c.citation() - 1);
              XWPFFootnote note = doc.createFootnote();
              XWPFParagraph np = note.createParagraph();
              note.ensureFootnoteRef(np);
              run(np, " [" + c.citation() + "] " + lineage.summary(f), false, 10);
              para.addFootnoteReference(note);
            }
          }
        }
        for (ReportCharts.Drawn d : s.charts()) {
          chart++;
          XWPFParagraph pic = doc.createParagraph();
          pic.setAlignment(ParagraphAlignment.CENTER);
          try {
            pic.createRun()
                .addPicture(
                    new ByteArrayInputStream(d.png()),
                    PictureType.PNG,
                    "chart-" + chart + ".png",
                    Units.toEMU(ReportCharts.WIDTH * 0.75 * 0.75),
                    Units.toEMU(ReportCharts.HEIGHT * 0.75 * 0.75));
          } catch (InvalidFormatException e) {
            throw new IOException(e);
          }
          XWPFParagraph caption = doc.createParagraph();
          caption.setAlignment(ParagraphAlignment.CENTER);
          run(caption, d.title() + ". " + d.caption(), false, 10).setItalic(true);
        }
      }
      sources(doc, r, lineage);
      XWPFParagraph footer = doc.createParagraph();
      run(footer, r.generatedLine(), false, 9);
      doc.write(out);
    }
  }

  private static void sources(XWPFDocument doc, Rendered r, LineageText lineage) {
    XWPFParagraph h = doc.createParagraph();
    h.setSpacingBefore(240);
    run(h, r.sourcesHeading(), true, 14);
    List<String> columns = r.sourceColumns();
    XWPFTable t = doc.createTable(1 + r.figures().size(), columns.size());
    t.setWidth("100%");
    for (int c = 0; c < columns.size(); c++) {
      cell(t.getRow(0), c, columns.get(c), true);
    }
    int year = r.year();
    for (int i = 0; i < r.figures().size(); i++) {
      Figure f = r.figures().get(i);
      XWPFTableRow row = t.getRow(i + 1);
      cell(row, 0, "[" + (i + 1) + "]", false);
      cell(row, 1, lineage.label(f) + " (" + f.getIndicator() + ")", false);
      cell(row, 2, lineage.value(f, year), false);
      cell(row, 3, lineage.value(f, year - 1), false);
      cell(row, 4, HtmlReport.note(f, lineage, year), false);
      StringBuilder cells = new StringBuilder();
      for (int y : List.of(year, year - 1)) {
        List<String> lines = lineage.cells(f, y);
        if (!lines.isEmpty()) {
          cells.append(cells.length() == 0 ? "" : "\n").append(y).append(": ");
          cells.append(String.join("\n", lines));
        }
      }
      cell(row, 5, cells.toString(), false);
    }
  }

  private static void cell(XWPFTableRow row, int c, String text, boolean bold) {
    XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = run(p, lines[i], bold, 9);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }

  private static XWPFRun run(XWPFParagraph p, String text, boolean bold, int size) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily(FONT);
    return run;
  }

  /** The character style footnote marks refer to, so that readers show them raised. */
  private static void footnoteStyle(XWPFDocument doc) {
    XWPFStyles styles = doc.createStyles();
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId("FootnoteReference");
    ct.setType(STStyleType.CHARACTER);
    ct.addNewName().setVal("footnote reference");
    ct.addNewRPr().addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
    styles.addStyle(new XWPFStyle(ct, styles));
  }
}
