package vn.extrel.warehouse.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import vn.extrel.warehouse.util.HadoopConf;

/** The size of the input folder, which decides how queries are executed (see SparkSessions). */
final class InputSize {
  private InputSize() {}

  /** The bytes under {@code input}; 0 when they cannot be counted. */
  static long of(String input) {
    if (InputScanner.isLocal(input)) {
      // Links are not followed here either: a link up would be counted again and again.
      try (var files =
          Files.walk(
              input.startsWith("file:")
                  ? Path.of(URI.create(input.replace(" ", "%20")))
                  : Path.of(input))) {
        return files
            .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
            .mapToLong(f -> f.toFile().length())
            .sum();
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
      return p.getFileSystem(HadoopConf.withoutSpark()).getContentSummary(p).getLength();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
