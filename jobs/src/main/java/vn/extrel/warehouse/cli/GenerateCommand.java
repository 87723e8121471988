package vn.extrel.warehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.extrel.warehouse.generate.DataGenerator;

/** {@code warehouse generate}: benchmark input shaped like the offices' files. No Spark. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes benchmark input shaped like data/ (same headers, Vietnamese number formats, layouts):",
      "trade CSVs (scale 1: about 1 GB, 9,000,000 rows in 100 files), FDI workbooks and an activity",
      "log (scale 1: 1,000,000 rows each). Deterministic: the same seed and scale give the same bytes.",
      "--change P rewrites P % of the files of an existing output (a night of re-sent reports)."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Size; 1 = about 1 GB of trade CSV (default), 0.01 = 10 MB.")
  double scale;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "20161231",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--change",
      paramLabel = "PERCENT",
      description = "Rewrite PERCENT % of the files (at least one) with new figures instead.")
  Double changePercent;

  @Option(
      names = "--round",
      defaultValue = "1",
      description = "With --change: which night's changes (another round picks other files).")
  int round;

  @Override
  public Integer call() throws IOException {
    DataGenerator g = new DataGenerator(seed, scale);
    long t0 = System.nanoTime();
    DataGenerator.Summary s =
        changePercent == null ? g.generateAll(out) : g.change(out, changePercent, round);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%s %d files, %,d rows, %,d MB under %s in %.1f s%n",
        changePercent == null ? "wrote" : "rewrote",
        s.files(),
        s.rows(),
        s.bytes() >> 20,
        out,
        (System.nanoTime() - t0) / 1e9);
    o.flush();
    return WarehouseCli.OK;
  }
}
