package vn.extrel.warehouse.report;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.yaml.ConfigException;

/** The errors a report reports: what went wrong, where, and what to do. */
final class ReportErrors {
  private ReportErrors() {}

  static final String GUIDE = "docs/ANALYSTS.md, \"Writing the yearly review\"";

  static UserException noReports(Path dir) {
    return new UserException(
        "no report in "
            + dir
            + ": a report is a folder with report.yaml and its section templates. Fix: pass --config"
            + " with the folder that has reports/, or write one ("
            + GUIDE
            + ")");
  }

  static UserException unknownReport(String id, List<String> known) {
    return new UserException("unknown report '" + id + "'. Fix: use --report with one of " + known);
  }

  static UserException severalReports(List<String> known) {
    return new UserException(
        "config/reports/ has several reports " + known + ". Fix: choose one with --report");
  }

  static UserException noData(int year) {
    return new UserException(
        "gold.indicators has no figure for "
            + year
            + ". Fix: choose a year the warehouse has (bin/warehouse sql -e \"SELECT DISTINCT year"
            + " FROM gold.indicators\"), or load its files first (bin/warehouse load)");
  }

  static UserException cannotWrite(Path file, Exception cause) {
    return new UserException("cannot write " + file + ": " + cause.getMessage(), cause);
  }

  /** A template that does not parse, with the parser's line. */
  static ConfigException parse(String shown, ParseException e) {
    String problem = firstLine(e.getEditorMessage());
    return ConfigException.at(
        shown + "/" + e.getTemplateName(),
        e.getLineNumber(),
        "column " + e.getColumnNumber() + ": the template does not parse: " + problem,
        "close every <#if>, <#list> and <#assign> the way "
            + GUIDE
            + " shows (<#if ...>...</#if>), and end every ${ with }");
  }

  /** A template that fails while it is filled in, with the line of the expression. */
  static ConfigException render(String shown, TemplateException e) {
    String where =
        shown + "/" + (e.getTemplateSourceName() == null ? "?" : e.getTemplateSourceName());
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    String column = e.getColumnNumber() == null ? "" : "column " + e.getColumnNumber() + ": ";
    Throwable cause = e;
    while (cause != null && !(cause instanceof HelperException)) {
      cause = cause.getCause();
    }
    if (cause instanceof HelperException h) {
      return ConfigException.at(where, line, column + h.problem(), h.fix());
    }
    if (e instanceof InvalidReferenceException) {
      String name = e.getBlamedExpressionString();
      return ConfigException.at(
          where,
          line,
          column + "'" + name + "' is not a name the template knows",
          "use year, prev_year, province and the helpers (figure(\"fdi_disbursed_usd\"), money(...),"
              + " change(...), ...) that "
              + GUIDE
              + " lists; check the spelling, or test a value that may be missing with ?? first");
    }
    return ConfigException.at(
        where,
        line,
        column + firstLine(e.getMessageWithoutStackTop()),
        "see " + GUIDE + " for the helpers and how to call them");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    return message
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse(message.strip());
  }
}
