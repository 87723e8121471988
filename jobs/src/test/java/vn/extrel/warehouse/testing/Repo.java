package vn.extrel.warehouse.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of the repository the tests run in: sample data, shipped configuration, shared real data.
 */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String prop = System.getProperty("extrel.repo.root");
    Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  public static Path data() {
    return root().resolve("data");
  }

  public static Path config() {
    return root().resolve("config");
  }

  /** ../shared/realdata beside the repository (CI has it too). */
  public static Path realdata() {
    return root().resolve("../shared/realdata").normalize();
  }

  public static boolean hasRealdata() {
    return Files.isDirectory(realdata());
  }

  public static Path fixtures() {
    return root().resolve("jobs/src/test/resources/fixtures");
  }
}
