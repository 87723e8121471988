package vn.extrel.warehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Readers of exported files that share no code with the writers: openpyxl and Python's csv and json
 * modules (Debian's python3-openpyxl), LibreOffice headless (libreoffice-calc-nogui for workbooks,
 * libreoffice-writer-nogui for Word documents) and headless Chromium (Debian's chromium) for HTML
 * pages, all installed by .ci/run. A missing one fails the test with the package to install: the
 * suite never passes by skipping them.
 */
public final class Readers {
  private Readers() {}

  /** A field of a CSV that LibreOffice wrote with "quote all text cells": quoted means text. */
  public record Field(String text, boolean quoted) {}

  /**
   * What openpyxl (both modes), csv (strict) and json saw in each file; one Python process for all
   * of them. Keyed by the file's absolute path.
   */
  public static JsonNode python(List<Path> files) throws Exception {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    List<String> cmd = new ArrayList<>(List.of(python, script().toString()));
    files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
    String out = run(cmd, "python3-openpyxl");
    return new ObjectMapper().readTree(out);
  }

  /**
   * LibreOffice's reading of each file, each sheet saved as CSV with its text quoted and numbers as
   * stored (not as shown), or as shown when {@code asShown}. XLSX and CSV need separate starts (an
   * import filter applies to every file of a start); each takes about a second.
   *
   * @return the folder of {@code <file>-<sheet>.csv}
   */
  public static Path libreOffice(Path work, List<Path> files, boolean csvInput, boolean asShown)
      throws Exception {
    Path out =
        Files.createDirectories(
            work.resolve("libreoffice-" + (csvInput ? "csv" : "xlsx") + (asShown ? "-shown" : "")));
    // 59 semicolon (a Vietnamese 6785,5 stays one unquoted field), 34 quote, 76 UTF-8, from line
    // 1; quote all text cells; detect numbers; as shown or as stored; no formulas; every sheet.
    String filter =
        "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,true,true," + asShown + ",false,false,-1";
    List<String> cmd =
        new ArrayList<>(
            List.of(
                soffice(),
                "-env:UserInstallation=" + work.resolve("libreoffice-profile").toUri(),
                "--headless",
                "--norestore"));
    if (csvInput) {
      cmd.add("--infilter=Text - txt - csv (StarCalc):44,34,76,1");
    }
    cmd.addAll(List.of("--convert-to", filter, "--outdir", out.toString()));
    files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
    run(cmd, "libreoffice-calc-nogui");
    return out;
  }

  /**
   * LibreOffice Writer's reading of Word documents, as plain text (UTF-8), all in one start.
   *
   * @return each document's text, by the document's path
   */
  public static java.util.Map<Path, String> libreOfficeText(Path work, List<Path> documents)
      throws Exception {
    Path out = Files.createDirectories(work.resolve("libreoffice-txt"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                soffice(),
                "-env:UserInstallation=" + work.resolve("libreoffice-profile").toUri(),
                "--headless",
                "--norestore",
                "--convert-to",
                "txt:Text (encoded):UTF8",
                "--outdir",
                out.toString()));
    documents.forEach(d -> cmd.add(d.toAbsolutePath().toString()));
    run(cmd, "libreoffice-writer-nogui");
    java.util.Map<Path, String> texts = new java.util.LinkedHashMap<>();
    for (Path d : documents) {
      String base = d.getFileName().toString();
      Path txt = out.resolve(base.substring(0, base.lastIndexOf('.')) + ".txt");
      assertThat(txt).as("LibreOffice's text of %s", d).exists();
      texts.put(d, Files.readString(txt, StandardCharsets.UTF_8));
    }
    return texts;
  }

  /** A page as headless Chromium shows it: the DOM after loading, and a screenshot. */
  public record Page(String dom, java.awt.image.BufferedImage screenshot) {}

  /** One Chromium start: the page's DOM (--dump-dom) and a screenshot of the given size. */
  public static Page chromium(Path work, Path html, int width, int height) throws Exception {
    Path shot = work.resolve("chromium-screenshot.png");
    String dom =
        run(
            List.of(
                chromiumBinary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + work.resolve("chromium-profile"),
                "--window-size=" + width + "," + height,
                "--dump-dom",
                "--screenshot=" + shot,
                html.toAbsolutePath().toUri().toString()),
            "chromium");
    assertThat(shot).as("Chromium's screenshot of %s", html).exists();
    return new Page(dom, javax.imageio.ImageIO.read(shot.toFile()));
  }

  private static String chromiumBinary() {
    for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return "chromium";
  }

  /** One sheet LibreOffice wrote, field by field. */
  public static List<List<Field>> libreOfficeSheet(Path dir, Path file, String sheet)
      throws IOException {
    String base = file.getFileName().toString();
    base = base.substring(0, base.lastIndexOf('.'));
    Path csv = dir.resolve(base + "-" + sheet + ".csv");
    assertThat(csv).as("LibreOffice's CSV of sheet '%s' of %s", sheet, file).exists();
    return parse(Files.readString(csv, StandardCharsets.UTF_8));
  }

  /** Semicolon-separated, RFC 4180-quoted fields, remembering which were quoted. */
  static List<List<Field>> parse(String text) {
    List<List<Field>> rows = new ArrayList<>();
    List<Field> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
        quoted = true;
      } else if (c == ';') {
        row.add(new Field(f.toString(), quoted));
        f.setLength(0);
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(new Field(f.toString(), quoted));
        rows.add(row);
        row = new ArrayList<>();
        f.setLength(0);
        quoted = false;
      } else {
        f.append(c);
      }
    }
    if (f.length() > 0 || !row.isEmpty()) {
      row.add(new Field(f.toString(), quoted));
      rows.add(row);
    }
    return rows;
  }

  private static Path script() {
    return Repo.root().resolve("jobs/src/test/resources/readback/read_exports.py");
  }

  private static String soffice() {
    for (String p : List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return "soffice";
  }

  private static String run(List<String> cmd, String debianPackage) throws Exception {
    Path errors = Files.createTempFile("reader", ".err");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(
          cmd.get(0)
              + " cannot be run ("
              + e.getMessage()
              + "): install Debian's "
              + debianPackage
              + " (.ci/run does)",
          e);
    }
    byte[] stdout = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String stderr = Files.readString(errors, StandardCharsets.UTF_8);
    Files.delete(errors);
    if (p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", cmd)
              + " failed ("
              + p.exitValue()
              + "); is Debian's "
              + debianPackage
              + " installed? (.ci/run installs it)\n"
              + stderr);
    }
    return new String(stdout, StandardCharsets.UTF_8);
  }
}
