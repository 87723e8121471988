package vn.extrel.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.export.ExportLocale;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.ConfigCopy;
import vn.extrel.warehouse.testing.Readers;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;
import vn.extrel.warehouse.testing.TestSpark;
import vn.extrel.warehouse.yaml.ConfigException;

/**
 * The 2016 review of the sample warehouse, in Vietnamese and English, read back by readers that
 * share nothing with POI or the HTML writer: LibreOffice Writer (the Word documents, as text) and
 * headless Chromium (the page's DOM and a screenshot), one start of each.
 */
class ReportTest {

  @TempDir static Path dir;

  /** The Vietnamese review as `bin/warehouse report --year 2016 --locale vi` writes it. */
  static Cli.Result command;

  static Path viDocxFile;
  static Path viHtml;
  static ReportJob.Result en;
  static String viDocx;
  static String enDocx;

  /**
   * The documents' text without the footnote marks LibreOffice writes right after each figure
   * ("thỏa thuận1 với"): a number glued to a word or a bracket before a space or punctuation.
   */
  static String viDocxProse;

  static String enDocxProse;
  static Readers.Page page;
  static String pageText;

  /** The page's text without the citation marks ("[3]") after each figure. */
  static String pageProse;

  @BeforeAll
  static void write() throws Exception {
    Warehouse w = SampleWarehouse.get();
    WarehouseConfig config = SampleWarehouse.config();
    command =
        Cli.run(
            "report",
            "--year",
            "2016",
            "--locale",
            "vi",
            "--out",
            dir.toString(),
            "--warehouse",
            w.root(),
            "--config",
            Repo.config().toString());
    assertThat(command.code()).as(command.err()).isZero();
    viDocxFile = dir.resolve("an-giang-2016-vi.docx");
    viHtml = dir.resolve("an-giang-2016-vi.html");
    en =
        new ReportJob(config, new ReportJob.Options(null, 2016, ExportLocale.EN, dir))
            .run(TestSpark.get(), w);
    Map<Path, String> texts = Readers.libreOfficeText(dir, List.of(viDocxFile, en.docx()));
    viDocx = squish(texts.get(viDocxFile));
    enDocx = squish(texts.get(en.docx()));
    viDocxProse = withoutFootnoteMarks(viDocx);
    enDocxProse = withoutFootnoteMarks(enDocx);
    page = Readers.chromium(dir, viHtml, 1000, 7000);
    pageText =
        squish(page.dom().replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", ""));
    pageProse = pageText.replaceAll("\\[\\d+\\]", "");
  }

  private static String withoutFootnoteMarks(String s) {
    return s.replaceAll("(?<=[\\p{L})%])\\d+(?=[\\s,;.)]|$)", "");
  }

  private static String squish(String s) {
    return s.replace('\u00a0', ' ').replaceAll("\\s+", " ");
  }

  @Test
  void theFdiParagraphStatesTheArticlesFigures() {
    String fdi =
        "Năm 2016, các dự án đầu tư trực tiếp nước ngoài (FDI) trên địa bàn tỉnh giải ngân được"
            + " 17,25 triệu USD";
    for (String text : List.of(viDocxProse, pageProse)) {
      assertThat(text)
          .contains(fdi)
          .contains("tăng khoảng 4,4 lần so năm 2015")
          .contains("giải quyết việc làm cho 6.785 lao động");
    }
  }

  @Test
  void theStateDiplomacyParagraphNamesTheAgreementsAndTheMou() {
    String signed =
        "Năm 2016, đã ký 04 biên bản thỏa thuận với tỉnh Ta Keo, Kandal (Campuchia) và 01 biên bản"
            + " ghi nhớ với tỉnh Champasak (Lào) hợp tác trên nhiều lĩnh vực như";
    assertThat(viDocxProse).contains(signed);
    assertThat(pageProse).contains(signed);
    assertThat(pageText).contains("04 biên bản thỏa thuận[1]");
  }

  @Test
  void everyFigureLinksToItsSourceCellsInThePage() {
    List<String[]> links = figureLinks(page.dom());
    assertThat(links).hasSizeGreaterThan(10);
    for (String[] l : links) {
      assertThat(page.dom())
          .as("the row of %s", l[0])
          .contains("<tr id=\"" + l[0].substring(1) + "\"");
    }
    String[] disbursed =
        links.stream().filter(l -> l[2].startsWith("17,25 triệu USD")).findFirst().orElseThrow();
    assertThat(disbursed[1])
        .contains(
            "Vốn FDI thực hiện (giải ngân), năm 2016: 17.250.000 USD; năm 2015: 3.920.000 USD")
        .contains("Nguồn năm 2016: fdi/Bao-cao-FDI-An-Giang-2016.xlsx, trang “FDI 2016”, ô E8")
        .contains("Nguồn năm 2015: fdi/Bao-cao-FDI-An-Giang-2015.xlsx");
    String[] agreements =
        links.stream().filter(l -> l[2].startsWith("04 biên bản")).findFirst().orElseThrow();
    assertThat(agreements[1]).contains("doi-ngoai/hoat-dong-doi-ngoai-2014-2017.xlsx");
    // The table of sources lists the same cells.
    assertThat(pageText)
        .contains("Nguồn số liệu")
        .contains("fdi/Bao-cao-FDI-An-Giang-2016.xlsx, trang “FDI 2016”, ô E8");
  }

  @Test
  void theWordDocumentCarriesTheSourcesOfEveryFigure() {
    // The table of sources at the end, as LibreOffice reads it (the footnotes hold the same text).
    assertThat(viDocx)
        .contains("Nguồn số liệu")
        .contains("Vốn FDI thực hiện (giải ngân) (fdi_disbursed_usd)")
        .contains("17.250.000 USD")
        .contains("3.920.000 USD")
        .contains("fdi/Bao-cao-FDI-An-Giang-2016.xlsx, trang “FDI 2016”, ô E8")
        .contains("doi-ngoai/hoat-dong-doi-ngoai-2014-2017.xlsx, trang");
    assertThat(command.out())
        .startsWith("Wrote " + viDocxFile + " and " + viHtml + ": 5 sections, 16 figures with ")
        .contains(" source cells, 3 charts");
  }

  @Test
  void theScreenshotShowsTheCharts() throws Exception {
    Matcher m =
        Pattern.compile("<img id=\"chart-\\d+\"[^>]*src=\"data:image/png;base64,([^\"]+)\"")
            .matcher(page.dom());
    Map<Integer, Integer> inCharts = new HashMap<>();
    int charts = 0;
    while (m.find()) {
      charts++;
      BufferedImage chart =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
      count(chart, inCharts);
    }
    assertThat(charts).isEqualTo(3);
    // The series colours: the most frequent saturated colours of the charts' images.
    List<Map.Entry<Integer, Integer>> colours = new ArrayList<>(inCharts.entrySet());
    colours.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed());
    Map<Integer, Integer> onScreen = new HashMap<>();
    count(page.screenshot(), onScreen);
    for (Map.Entry<Integer, Integer> c : colours.subList(0, 2)) {
      assertThat(c.getValue()).isGreaterThan(1000);
      assertThat(onScreen.getOrDefault(c.getKey(), 0))
          .as("pixels of colour %06x on the screen", c.getKey())
          .isGreaterThanOrEqualTo(c.getValue() * 9 / 10);
    }
  }

  /** Counts the saturated (non-grey) pixels of an image by colour. */
  private static void count(BufferedImage img, Map<Integer, Integer> counts) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
          counts.merge(rgb, 1, Integer::sum);
        }
      }
    }
  }

  @Test
  void theEnglishVersion() {
    assertThat(enDocxProse)
        .contains("disbursed USD 17.25 million, about 4.4 times the 2015 figure")
        .contains("employed 6,785 workers")
        .contains("4 cooperation agreements with the provinces of Takeo and Kandal (Cambodia)")
        .contains("1 memorandum of understanding with Champasak province (Laos)")
        .contains("Sources of the figures");
    assertThat(Files.exists(en.html())).isTrue();
  }

  @Test
  void aYearWithoutTheYearBeforeSaysSoInsteadOfARatio() throws Exception {
    ReportJob.Result first =
        new ReportJob(
                SampleWarehouse.config(),
                new ReportJob.Options(null, 2014, ExportLocale.VI, dir.resolve("2014")))
            .run(TestSpark.get(), SampleWarehouse.get());
    String html =
        squish(Files.readString(first.html(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", ""))
            .replaceAll("\\[\\d+\\]", "");
    assertThat(html)
        .contains("giải ngân được 3,1 triệu USD, chưa có số liệu năm 2013 để so sánh;")
        .doesNotContain("lần so năm 2013");
  }

  @Test
  void aTemplateThatFailsOnTheDataWritesNothing() {
    Path config = ConfigCopy.of(dir.resolve("broken"));
    ConfigCopy.edit(
        config, "reports/an-giang/fdi.vi.ftl", "figure(\"fdi_jobs\")", "figure(\"fdi_job\")");
    Path out = dir.resolve("broken-out");
    ReportJob job =
        new ReportJob(
            WarehouseConfig.load(config), new ReportJob.Options(null, 2016, ExportLocale.VI, out));
    assertThatThrownBy(() -> job.run(TestSpark.get(), SampleWarehouse.get()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config/reports/an-giang/fdi.vi.ftl:3: column ")
        .hasMessageContaining("unknown indicator 'fdi_job' in figure()")
        .hasMessageContaining("Fix: use one of [");
    assertThat(out).doesNotExist();
  }

  @Test
  void theNightlyJobWritesTheDeclaredReviewOncePerNight() {
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.PrintWriter out = new java.io.PrintWriter(text);
    List<vn.extrel.warehouse.export.ExportCatalog.Review> reviews =
        List.of(
            new vn.extrel.warehouse.export.ExportCatalog.Review(
                "an-giang", null, List.of(ExportLocale.VI)));
    Path exports = dir.resolve("exports");
    java.time.LocalDate night = java.time.LocalDate.of(2017, 2, 1);
    assertThat(
            NightlyReports.run(
                TestSpark::get,
                SampleWarehouse.get(),
                SampleWarehouse.config(),
                reviews,
                exports,
                night,
                false,
                out))
        .hasSize(1);
    assertThat(exports.resolve("2017-02-01/an-giang-2016-vi.docx")).exists();
    assertThat(exports.resolve("2017-02-01/an-giang-2016-vi.html")).exists();
    assertThat(
            NightlyReports.run(
                TestSpark::get,
                SampleWarehouse.get(),
                SampleWarehouse.config(),
                reviews,
                exports,
                night,
                false,
                out))
        .as("nothing changed and the files are there")
        .isEmpty();
    // A night whose year the warehouse has no figures for yet skips the review, saying so.
    assertThat(
            NightlyReports.run(
                TestSpark::get,
                SampleWarehouse.get(),
                SampleWarehouse.config(),
                reviews,
                exports,
                java.time.LocalDate.of(2026, 11, 27),
                true,
                out))
        .isEmpty();
    assertThat(text.toString())
        .contains("Report an-giang 2025 (vi) skipped: gold.indicators has no figure for 2025");
  }

  /** The figure links of a page: href, title, text. */
  private static List<String[]> figureLinks(String dom) {
    Matcher m =
        Pattern.compile(
                "<a class=\"figure\" href=\"(#source-\\d+)\" title=\"([^\"]*)\"[^>]*>(.*?)</a>")
            .matcher(dom);
    List<String[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(
          new String[] {
            m.group(1),
            m.group(2).replace("&quot;", "\"").replace("&amp;", "&"),
            m.group(3).replaceAll("<[^>]+>", "")
          });
    }
    return out;
  }
}
