package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadResult;

/**
 * The sample data of data/ loaded once per test JVM into a temporary warehouse, for the tests that
 * only read it. Tests that change a warehouse build their own.
 */
public final class SampleWarehouse {
  private SampleWarehouse() {}

  private static Warehouse warehouse;
  private static LoadResult firstLoad;
  private static WarehouseConfig config;

  public static synchronized Warehouse get() {
    if (warehouse == null) {
      try {
        Path dir = Files.createTempDirectory("extrel-sample-warehouse");
        dir.toFile().deleteOnExit();
        warehouse = Warehouse.at(dir.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      config = WarehouseConfig.load(Repo.config());
      firstLoad =
          new LoadJob(
                  config, new LoadJob.Options(Repo.data().toString(), warehouse, false, "load", 0))
              .run(TestSpark.get());
    }
    bind(TestSpark.get());
    return warehouse;
  }

  /**
   * Points the session's table names at the sample warehouse (another test may have re-bound them).
   */
  public static void bind(SparkSession spark) {
    WarehouseCatalog.bind(spark, warehouse, config.indicators().views());
  }

  public static LoadResult firstLoad() {
    get();
    return firstLoad;
  }

  public static WarehouseConfig config() {
    get();
    return config;
  }
}
