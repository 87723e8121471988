package vn.extrel.warehouse.report;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.yaml.ConfigException;

/**
 * A report's section templates in one language, parsed with FreeMarker when the report starts (so a
 * mistake stops it with the file, line and fix before Spark starts or anything is written) and
 * filled in with the helpers' names.
 *
 * <p>FreeMarker because the prose needs conditions ({@code <#if f.exists>}), lists and helpers with
 * arguments ({@code change(figure("fdi_disbursed_usd"))}) in the template itself, and because its
 * errors give the template's own line and column. The templates write plain text: the HTML and Word
 * writers escape and format it.
 */
final class ReportTemplates {

  private final ReportDefinition report;
  private final ExportLocale locale;
  private final Map<String, Template> templates = new LinkedHashMap<>();

  ReportTemplates(ReportDefinition report, ExportLocale locale) {
    this.report = report;
    this.locale = locale;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    try {
      cfg.setTemplateLoader(new FileTemplateLoader(report.dir().toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    cfg.setLocale(Locale.forLanguageTag(locale.code()));
    // Numbers a template prints as they are (the year) never get grouping: figures go through
    // the helpers, which write them the language's way.
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    // Templates are text analysts edit, not code: no Java classes, no ?api.
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setLocalizedLookup(false);
    for (ReportDefinition.Section s : report.sections()) {
      String file = s.templateFile(locale);
      try {
        templates.put(s.id(), cfg.getTemplate(file));
      } catch (ParseException e) {
        throw ReportErrors.parse(report.shown(), e);
      } catch (IOException e) {
        throw ConfigException.at(
            report.shown() + "/" + file,
            0,
            "cannot read the template (" + e.getMessage() + ")",
            "check it exists and is readable");
      }
    }
  }

  ExportLocale locale() {
    return locale;
  }

  /** A section's text, filled in; a failure names the template's line. */
  String render(ReportDefinition.Section section, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      templates.get(section.id()).process(model, out);
    } catch (TemplateException e) {
      throw ReportErrors.render(report.shown(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
