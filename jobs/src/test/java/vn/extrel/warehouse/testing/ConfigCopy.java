package vn.extrel.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the shipped configuration that a test may change (a rule's action, a layout, an alias).
 */
public final class ConfigCopy {
  private ConfigCopy() {}

  public static Path of(Path dir) {
    return copyTree(Repo.config(), dir.resolve("config"));
  }

  /** Copies a folder and everything below it (a configuration, a warehouse) to {@code to}. */
  public static Path copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces text in a file of the copy; fails if the text is not there. */
  public static void edit(Path config, String file, String from, String to) {
    try {
      Path p = config.resolve(file);
      String s = Files.readString(p);
      if (!s.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain: " + from);
      }
      Files.writeString(p, s.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
