package vn.extrel.warehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.LoadResult;
import vn.extrel.warehouse.spark.SparkSessions;
import vn.extrel.warehouse.testing.Repo;

/**
 * The sample load ({@code data/}) into empty warehouses, again and again in one JVM, alternately
 * with Spark's code generation on and with the loader's default for small inputs (evaluated): what
 * a load of a few hundred rows costs once the JVM is warm, and what compiling its queries adds.
 *
 * <pre>bin/benchmark loads [ROUNDS]</pre>
 */
public final class LoadProfile {
  private LoadProfile() {}

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    SparkSession spark = SparkSessions.getOrCreate();
    AtomicInteger jobs = new AtomicInteger();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart job) {
                jobs.incrementAndGet();
              }
            });
    WarehouseConfig config = WarehouseConfig.load(Repo.config());
    Path work = Files.createTempDirectory("extrel-loads");
    System.out.printf(Locale.ROOT, "first load (cold JVM): %s%n", load(config, work, jobs));
    List<Double> compiled = new ArrayList<>();
    List<Double> evaluated = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      spark.conf().set(WHOLE_STAGE, "true"); // a user's setting: the loader leaves it alone
      compiled.add(time(config, work, jobs, "compiled"));
      spark.conf().unset(WHOLE_STAGE);
      evaluated.add(time(config, work, jobs, "evaluated"));
    }
    double c = Harness.median(compiled);
    double e = Harness.median(evaluated);
    System.out.printf(
        Locale.ROOT,
        "median of %d: compiled %.1f s, evaluated %.1f s (%.2fx)%n",
        rounds,
        c,
        e,
        c / e);
    spark.stop();
  }

  private static double time(WarehouseConfig config, Path work, AtomicInteger jobs, String mode)
      throws Exception {
    long t0 = System.nanoTime();
    String what = load(config, work, jobs);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-9s %.1f s: %s%n", mode, s, what);
    return s;
  }

  private static String load(WarehouseConfig config, Path work, AtomicInteger jobs)
      throws Exception {
    Path wh = Files.createTempDirectory(work, "wh");
    jobs.set(0);
    LoadResult r = Harness.load(config, Repo.data(), wh);
    return r.status() + ", " + jobs.get() + " Spark jobs, stages " + r.stageMillis();
  }
}
