package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cells as another reader sees them: openpyxl (Debian's python3-openpyxl, installed by .ci/run), in
 * its own process, with the saved results of formulas. Tests compare the warehouse's figures with
 * these, not with the loader's own output.
 */
public final class Openpyxl {
  private Openpyxl() {}

  /** Debian's interpreter, which has the package; another python3 on the PATH may not. */
  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** The value of one cell, as text ({@code None} for an empty cell). */
  public static String cell(Path workbook, String sheet, String a1) {
    String script =
        "import sys, warnings, openpyxl\n"
            + "warnings.simplefilter('ignore')\n"
            + "wb = openpyxl.load_workbook(sys.argv[1], data_only=True)\n"
            + "v = wb[sys.argv[2]][sys.argv[3]].value\n"
            + "sys.stdout.write(repr(v) if isinstance(v, float) else str(v))\n";
    return run(List.of(python(), "-c", script, workbook.toString(), sheet, a1)).strip();
  }

  /** The value of one numeric cell. */
  public static BigDecimal number(Path workbook, String sheet, String a1) {
    String v = cell(workbook, sheet, a1);
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new AssertionError(workbook + " " + sheet + "!" + a1 + " is not a number: " + v, e);
    }
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(
            "openpyxl failed (is python3-openpyxl installed? .ci/run installs it): "
                + new String(out, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run python3 for openpyxl: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
