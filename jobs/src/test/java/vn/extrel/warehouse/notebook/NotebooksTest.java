package vn.extrel.warehouse.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;
import vn.extrel.warehouse.testing.SampleWarehouse;

/**
 * Every notebook in notebooks/ is executed against the sample warehouse by {@code warehouse
 * notebook run}; the executed notebooks must validate against the nbformat 4 schema and convert to
 * HTML with jupyter nbconvert (Debian's python3-nbformat and jupyter-nbconvert, installed by
 * .ci/run).
 */
class NotebooksTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Warehouse warehouse;
  @TempDir static Path out;
  static String runOutput;

  static Cli.Result cli(String... args) {
    List<String> all = new ArrayList<>(List.of("notebook", "run"));
    all.addAll(List.of("--warehouse", warehouse.root(), "--config", Repo.config().toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(Repo.root().resolve("notebooks"))) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @BeforeAll
  static void runAll() throws IOException {
    warehouse = SampleWarehouse.get();
    List<String> args = new ArrayList<>();
    notebooks().forEach(p -> args.add(p.toString()));
    args.addAll(List.of("--out", out.resolve("all").toString()));
    Cli.Result r = cli(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    runOutput = r.out();
  }

  @Test
  void thereAreTheFourNotebooksAnalystsAskedFor() throws IOException {
    assertThat(notebooks().stream().map(p -> p.getFileName().toString()))
        .contains(
            "fdi-growth.ipynb",
            "trade-by-partner.ipynb",
            "activities-by-partner-field.ipynb",
            "data-quality.ipynb");
    for (Path nb : notebooks()) {
      JsonNode root = JSON.readTree(nb.toFile());
      assertThat(root.path("cells").findValues("tags").toString())
          .as(nb + " has a parameters cell")
          .contains("parameters");
      assertThat(runOutput).contains(nb.getFileName().toString());
    }
  }

  @Test
  void theFdiNotebookShowsThe2016RatioAndAChart() throws IOException {
    JsonNode nb = JSON.readTree(out.resolve("all/fdi-growth.ipynb").toFile());
    List<String> text = new ArrayList<>();
    List<String> png = new ArrayList<>();
    for (JsonNode cell : nb.path("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        text.add(o.path("data").path("text/plain").asText());
        if (o.path("data").has("image/png")) {
          png.add(o.path("data").path("image/png").asText());
        }
      }
    }
    assertThat(String.join("\n", text))
        .containsPattern("fdi_disbursed_usd\\s+.*2016\\s+17250000\\s+USD\\s+3920000\\s+4\\.4\\s");
    assertThat(png).hasSize(1);
    byte[] image = Base64.getDecoder().decode(png.get(0));
    assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    // The same chart beside the notebook, as PNG and SVG for reports.
    try (Stream<Path> files = Files.list(out.resolve("all"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("fdi-growth-cell7.png", "fdi-growth-cell7.svg", "fdi-growth.html");
    }
    assertThat(Files.readString(out.resolve("all/fdi-growth-cell7.svg")))
        .contains("<svg")
        .contains("<path");
    assertThat(Files.readString(out.resolve("all/fdi-growth.html")))
        .contains("<h1>Tăng trưởng vốn FDI")
        .contains("data:image/png;base64,")
        .contains("<td class=\"num\">17250000</td>");
  }

  @Test
  void executedNotebooksValidateAgainstNbformat4AndConvertToHtml() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(out.resolve("all"))) {
      s.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(p -> files.add(p.toString()));
    }
    assertThat(files).hasSize(notebooks().size());
    List<String> validate = new ArrayList<>(List.of(python(), "-c", VALIDATE));
    validate.addAll(files);
    assertThat(exec(validate)).contains("valid: " + files.size());

    List<String> convert =
        new ArrayList<>(
            List.of(
                tool("jupyter"),
                "nbconvert",
                "--to",
                "html",
                "--output-dir",
                out.resolve("nbconvert").toString()));
    convert.addAll(files);
    exec(convert);
    String html = Files.readString(out.resolve("nbconvert/fdi-growth.html"));
    assertThat(html).contains("17250000").contains("data:image/png;base64");
  }

  static final String VALIDATE =
      "import sys, nbformat\n"
          + "for f in sys.argv[1:]:\n"
          + "    nbformat.validate(nbformat.read(f, as_version=4))\n"
          + "print('valid:', len(sys.argv) - 1)\n";

  @Test
  void aParameterFromTheCommandLineIsInjectedAfterTheParametersCell() throws IOException {
    Cli.Result r =
        cli(
            Repo.root().resolve("notebooks/fdi-growth.ipynb").toString(),
            "-p",
            "year=2015",
            "--out",
            out.resolve("p2015").toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode cells = JSON.readTree(out.resolve("p2015/fdi-growth.ipynb").toFile()).path("cells");
    assertThat(cells.get(1).path("metadata").path("tags").toString()).contains("parameters");
    assertThat(cells.get(2).path("metadata").path("tags").toString())
        .contains("injected-parameters");
    assertThat(cells.get(2).path("source").toString()).contains("year = 2015");
    assertThat(cells.toString())
        .containsPattern("fdi_disbursed_usd\\s+.*2015\\s+3920000\\s+USD\\s+3100000\\s+1\\.3\\s")
        .doesNotContain("17250000  USD");

    Cli.Result unknown =
        cli(
            Repo.root().resolve("notebooks/fdi-growth.ipynb").toString(),
            "-p",
            "yaer=2015",
            "--out",
            out.resolve("typo").toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("has no parameter 'yaer'; its parameters are [year]");
  }

  @Test
  void aFailingCellStopsTheRunWithItsNumberAndTheError() throws IOException {
    Path broken = out.resolve("broken.ipynb");
    // The first SQL cell (cell 5) names a view that does not exist.
    String text = Files.readString(Repo.root().resolve("notebooks/fdi-growth.ipynb"));
    int at = text.indexOf("gold.fdi_yoy") + "gold.fdi_yoy".length();
    text = text.substring(0, at) + "y" + text.substring(at);
    assertThat(text).contains("gold.fdi_yoyy");
    Files.writeString(broken, text);
    Cli.Result r = cli(broken.toString(), "--out", out.resolve("broken").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("broken.ipynb, cell 5 failed:")
        .contains("TABLE_OR_VIEW_NOT_FOUND")
        .contains("fdi_yoyy");
    JsonNode cells = JSON.readTree(out.resolve("broken/broken.ipynb").toFile()).path("cells");
    assertThat(cells.get(4).path("outputs").get(0).path("output_type").asText()).isEqualTo("error");
    assertThat(cells.get(6).path("outputs")).as("nothing after the failing cell ran").isEmpty();
  }

  @Test
  void aCellThatWouldWriteOrCallJavaIsRefused() throws IOException {
    String text = Files.readString(Repo.root().resolve("notebooks/fdi-growth.ipynb"));
    int sql = text.indexOf("SELECT", text.indexOf("%%sql"));
    Path writes = out.resolve("writes.ipynb");
    Files.writeString(
        writes,
        text.substring(0, sql)
            + "SELECT java_method('java.lang.System', 'getProperty', 'user.home') AS home, "
            + text.substring(sql + "SELECT".length()));
    Cli.Result r = cli(writes.toString(), "--out", out.resolve("writes").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("writes.ipynb, cell 5 failed:")
        .contains("refused: java_method calls Java methods")
        .contains("Notebooks only read the warehouse");
  }

  static String python() {
    // Debian's python3 holds python3-nbformat; another python3 may come first on PATH.
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  static String tool(String name) {
    Path debian = Path.of("/usr/bin", name);
    return Files.isExecutable(debian) ? debian.toString() : name;
  }

  static String exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + output).isZero();
    return output;
  }
}
