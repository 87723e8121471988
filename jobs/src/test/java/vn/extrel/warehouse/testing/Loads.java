package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.load.LoadJob;
import vn.extrel.warehouse.load.LoadResult;

/** Small input folders and loads for tests that need a warehouse of their own. */
public final class Loads {
  private Loads() {}

  /** Copies files into an input folder at the relative paths layouts expect ("trade/x.csv"). */
  public static Path input(Path dir, Map<String, Path> files) {
    try {
      Path input = Files.createDirectories(dir.resolve("input"));
      for (Map.Entry<String, Path> f : files.entrySet()) {
        Path target = input.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.copy(f.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
      }
      return input;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Warehouse warehouse(Path dir) {
    return Warehouse.at(dir.resolve("warehouse").toString());
  }

  public static LoadResult load(WarehouseConfig config, Path input, Warehouse warehouse) {
    return new LoadJob(config, new LoadJob.Options(input.toString(), warehouse, false, "load", 0))
        .run(TestSpark.get());
  }

  public static LoadResult load(Path input, Warehouse warehouse) {
    return load(WarehouseConfig.load(Repo.config()), input, warehouse);
  }

  public static Path fixture(String name) {
    return Repo.fixtures().resolve(name);
  }
}
