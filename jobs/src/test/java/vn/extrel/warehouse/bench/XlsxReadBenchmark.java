package vn.extrel.warehouse.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.extrel.warehouse.bronze.BronzeRows;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.config.YamlDocument;
import vn.extrel.warehouse.ingest.SourceFileReader;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.layout.LayoutLoader;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.testing.Repo;

/**
 * Benchmark (not a test): reading a generated XLSX of N rows × 8 columns into bronze rows on one
 * thread, the work one executor task does per workbook. Run it in a JVM with -Xmx512m; see
 * docs/BENCHMARKS.md.
 *
 * <p>Measured, each 3 times, median reported: (a) bare fastexcel-reader row iteration, the floor;
 * (b) the loader's reading path: header detection, column mapping, row classes, bronze records; (c)
 * the same plus conversion to the Spark rows written to bronze. Peak heap is the sum of the heap
 * pools' peak usage.
 */
public final class XlsxReadBenchmark {
  private XlsxReadBenchmark() {}

  static final String LAYOUT =
      """
      id: bench-fdi
      target: fdi
      dataset: bench
      match: {files: ["*.xlsx"]}
      number: {locale: vi}
      period: {year: {title: 'năm (\\\\d{4})'}}
      columns:
        year: {aliases: ["Năm"]}
        partner: {aliases: ["Đối tác"], required: true}
        sector: {aliases: ["Ngành"]}
        projects: {aliases: ["Số dự án"]}
        registered_usd: {aliases: ["Vốn đăng ký"]}
        disbursed_usd: {aliases: ["Vốn thực hiện"]}
        jobs: {aliases: ["Lao động"]}
      """;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/benchmarks"));
    Path file = dir.resolve("bench-" + rows + "x8.xlsx");
    if (!Files.exists(file)) {
      long t0 = System.nanoTime();
      generate(file, rows);
      System.out.printf(
          Locale.ROOT,
          "generated %s (%,d bytes) in %.1f s%n",
          file,
          Files.size(file),
          (System.nanoTime() - t0) / 1e9);
    }
    Reference ref = Reference.load(Repo.config().resolve("reference"), "reference");
    Layout layout =
        LayoutLoader.load(YamlDocument.parse(LAYOUT.replace("\\\\", "\\"), "bench.yaml"), ref);

    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "| pass | median s | rows/s | peak heap MB | vs bare |"));
    lines.add("|---|---:|---:|---:|---:|");
    double bare = measure("bare fastexcel iteration", () -> bare(file), lines, 0);
    measure("bronze records (loader read path)", () -> records(file, layout, false), lines, bare);
    measure("bronze records + Spark rows", () -> records(file, layout, true), lines, bare);
    String report =
        String.format(
                Locale.ROOT,
                "XLSX read, %,d rows × 8 columns, one thread, -Xmx%dm, %s%n%n",
                rows,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.version"))
            + String.join("\n", lines)
            + "\n";
    System.out.println();
    System.out.println(report);
    Files.writeString(dir.resolve("xlsx-read.md"), report);
  }

  interface Pass {
    long run() throws Exception;
  }

  static double measure(String name, Pass pass, List<String> lines, double bareSeconds)
      throws Exception {
    List<Double> times = new ArrayList<>();
    long n = 0;
    long peak = 0;
    for (int i = 0; i < 3; i++) {
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      n = pass.run();
      times.add((System.nanoTime() - t0) / 1e9);
      peak = Math.max(peak, heapPeak());
    }
    Collections.sort(times);
    double median = times.get(1);
    lines.add(
        String.format(
            Locale.ROOT,
            "| %s | %.2f | %,.0f | %d | %s |",
            name,
            median,
            n / median,
            peak / (1024 * 1024),
            bareSeconds == 0 ? "1.00" : String.format(Locale.ROOT, "%.2f", median / bareSeconds)));
    System.out.println(lines.get(lines.size() - 1));
    return median;
  }

  static long bare(Path file) throws IOException {
    long n = 0;
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
        var rows = wb.getFirstSheet().openStream()) {
      for (Row r : (Iterable<Row>) rows::iterator) {
        n += r.getCellCount() > 0 ? 1 : 0;
      }
    }
    return n;
  }

  static long records(Path file, Layout layout, boolean sparkRows) {
    long n = 0;
    FileTask task =
        new FileTask(
            file.toUri().toString(), file.getFileName().toString(), "0".repeat(64), 0, layout.id());
    BronzeRows bronze = new BronzeRows(java.util.Map.of(layout.id(), layout), null, "bench", null);
    if (sparkRows) {
      // The executor's path: the file read into the internal rows the bronze write consumes.
      var rows = bronze.call(task);
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
      return n;
    }
    try (SourceFileReader.CloseableIterator it =
        SourceFileReader.read(
            new File(file.toString()), file.getFileName().toString(), layout, Targets.FDI)) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * A report-shaped sheet: title, unit line, header, then N data rows of 8 columns, streamed to
   * disk.
   */
  static void generate(Path file, int rows) throws IOException {
    String[] partners = {
      "Nhật Bản", "Hàn Quốc", "Đài Loan", "Singapore", "Hoa Kỳ", "Thái Lan", "Trung Quốc", "Hà Lan"
    };
    String[] sectors = {"Công nghiệp chế biến", "Nông nghiệp", "Thương mại", "Du lịch", "Xây dựng"};
    Random rnd = new Random(42);
    try (OutputStream os = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(os, "bench", "1.0");
      Worksheet ws = wb.newWorksheet("FDI");
      ws.value(0, 0, "BÁO CÁO ĐẦU TƯ NƯỚC NGOÀI NĂM 2016");
      ws.value(1, 0, "Đơn vị tính: triệu USD");
      String[] header = {
        "STT", "Năm", "Đối tác", "Ngành", "Số dự án", "Vốn đăng ký", "Vốn thực hiện", "Lao động"
      };
      for (int c = 0; c < header.length; c++) {
        ws.value(3, c, header[c]);
      }
      for (int i = 0; i < rows; i++) {
        int r = i + 4;
        ws.value(r, 0, i + 1);
        ws.value(r, 1, 2010 + rnd.nextInt(10));
        ws.value(r, 2, partners[rnd.nextInt(partners.length)]);
        ws.value(r, 3, sectors[rnd.nextInt(sectors.length)]);
        ws.value(r, 4, 1 + rnd.nextInt(9));
        ws.value(r, 5, Math.round(rnd.nextDouble() * 10000) / 100.0);
        ws.value(r, 6, Math.round(rnd.nextDouble() * 5000) / 100.0);
        ws.value(r, 7, 10 + rnd.nextInt(3000));
        if (i % 50_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }
}
