package vn.extrel.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.config.ConfigException;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;

/**
 * A template mistake is refused with the file, the line and the fix, before anything is written.
 */
class TemplateErrorsTest {

  @TempDir Path dir;

  private TemplateBench bench() {
    return new TemplateBench(dir)
        .figure(
            "fdi_disbursed_usd",
            "17250000",
            "final",
            "3920000",
            "final",
            true,
            Set.of("USD"),
            Set.of("USD"),
            List.of())
        .figure("fdi_jobs", "6785", "final", "5450", "final", true, Set.of(), Set.of(), List.of());
  }

  private ConfigException refused(String template) {
    try {
      bench().render(ExportLocale.VI, template);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("the template was accepted: " + template);
  }

  @Test
  void anUnclosedDirectiveNamesItsLine() {
    ConfigException e =
        refused(
            "Năm ${year},\n<#if figure(\"fdi_jobs\").exists>\nvà ${count(figure(\"fdi_jobs\"))}\n");
    assertThat(e.file()).isEqualTo("reports/t/s.vi.ftl");
    assertThat(e.getMessage())
        .startsWith("reports/t/s.vi.ftl:")
        .contains("the template does not parse")
        .contains("Fix: close every <#if>");
  }

  @Test
  void anUnknownNameNamesItsLineAndColumn() {
    ConfigException e = refused("Năm ${year},\ngiải ngân ${disbursed}.\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage())
        .startsWith("reports/t/s.vi.ftl:2: column 13: 'disbursed' is not a name the template knows")
        .contains("Fix: use year, prev_year, province and the helpers");
  }

  @Test
  void anUnknownIndicatorListsTheKnownOnes() {
    ConfigException e = refused("\n\n${money(figure(\"fdi_disbursd_usd\"))}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage())
        .contains("unknown indicator 'fdi_disbursd_usd' in figure()")
        .contains("Fix: use one of [fdi_registered_usd, fdi_disbursed_usd,");
  }

  @Test
  void aHelperOfTheWrongKindSaysWhichToUse() {
    ConfigException e = refused("${money(figure(\"fdi_jobs\"))}");
    assertThat(e.getMessage())
        .startsWith(
            "reports/t/s.vi.ftl:1: column 1: money() writes amounts of money; fdi_jobs is in person")
        .contains("Fix: use count(figure(\"fdi_jobs\"), \"...\")");
    assertThat(refused("${count(\"fdi_jobs\")}").getMessage())
        .contains("count() needs a figure, not the text \"fdi_jobs\"")
        .contains("Fix: pass figure(\"...\")");
  }

  @Test
  void aSectionWithoutItsTemplateIsRefusedAtItsLine() throws Exception {
    Files.writeString(
        dir.resolve("report.yaml"),
        "title: {vi: a, en: b}\nprovince: {vi: An Giang, en: An Giang}\nsections:\n"
            + "  - id: fdi\n    title: {vi: FDI, en: FDI}\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("fdi.vi.ftl"), "x", StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> ReportDefinition.load(dir, "reports/t", TemplateBench.CONFIG.indicators()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "reports/t/report.yaml:4: section 'fdi' has no template reports/t/fdi.en.ftl. Fix:"
                + " write that file (the English text of the section), or set template: to the name"
                + " of an existing one");
  }

  @Test
  void theShippedTemplatesParseAndABrokenOneStopsTheJobBeforeSpark() throws Exception {
    for (ExportLocale l : ExportLocale.values()) {
      ReportJob job =
          new ReportJob(TemplateBench.CONFIG, new ReportJob.Options(null, 2016, l, dir));
      assertThat(job.report()).isEqualTo("an-giang");
    }
    Path config = ConfigCopy.of(dir);
    ConfigCopy.edit(
        config, "reports/an-giang/fdi.vi.ftl", "${money(disbursed)}", "${money(disbursed}");
    WarehouseConfig broken = WarehouseConfig.load(config);
    Path out = dir.resolve("out");
    assertThatThrownBy(
            () -> new ReportJob(broken, new ReportJob.Options(null, 2016, ExportLocale.VI, out)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config/reports/an-giang/fdi.vi.ftl:6: column ")
        .hasMessageContaining("Fix:");
    assertThat(out).doesNotExist();
    // The command says the same in one line, before Spark starts.
    Cli.Result r =
        Cli.run("report", "--year", "2016", "--config", config.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: config/reports/an-giang/fdi.vi.ftl:6: column ");
    assertThat(
            Cli.run("report", "--year", "2016", "--locale", "fr", "--config", config.toString())
                .err())
        .isEqualTo("error: unknown --locale 'fr'; use vi or en\n");
  }
}
