package vn.extrel.warehouse.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * {@code config/input.yaml}: what the input folder holds besides reports. Optional; today one key:
 *
 * <pre>
 * ignore:              # globs relative to the input folder: never read, never reported
 *   - "so-lieu-cu/**"
 *   - "**&#47;*.pdf"
 * </pre>
 */
final class InputRules {
  private InputRules() {}

  static List<String> ignore(Path configDir) {
    Path file = configDir.resolve("input.yaml");
    if (!Files.exists(file)) {
      return List.of();
    }
    YamlDocument doc =
        YamlDocument.read(
            file,
            (configDir.getFileName() == null ? "config" : configDir.getFileName().toString())
                + "/input.yaml");
    List<String> out = new ArrayList<>();
    JsonNode list = doc.root().path("ignore");
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw doc.error("ignore", "'ignore' is not a list", "write ignore: [\"pattern\", ...]");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode g = list.get(i);
      if (!g.isTextual() || g.asText().isBlank()) {
        throw doc.error(
            "ignore[" + i + "]",
            "entry " + (i + 1) + " of 'ignore' is not a pattern",
            "write a glob relative to the input folder, e.g. \"notes/**\"");
      }
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g.asText());
      } catch (IllegalArgumentException e) {
        throw doc.error(
            "ignore[" + i + "]",
            "'" + g.asText() + "' is not a valid glob (" + e.getMessage() + ")",
            "write a glob such as \"**/*.pdf\"");
      }
      out.add(g.asText());
    }
    return out;
  }
}
