package vn.extrel.warehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.Repo;

/**
 * The packages of the application stand in floors, each using only the floors below it: the table
 * model under the layers that read and write the tables, the command line on top. Drawn from the
 * sources (every {@code vn.extrel.warehouse.x.Y} a class names outside comments, imported or
 * written out), at most {@link #ALLOWED_UPWARD} references run back up, and none into the CLI.
 */
class LayersTest {

  /** Lowest first; the packages of one floor do not depend on each other's floor order. */
  static final List<List<String>> FLOORS =
      List.of(
          List.of("util", "errors"),
          List.of("yaml", "parse"),
          List.of("table"),
          List.of("reference", "layout"),
          List.of("catalog"),
          List.of("spark"),
          List.of("ingest"),
          List.of("bronze"),
          List.of("silver"),
          List.of("quality"),
          List.of("gold"),
          List.of("config"),
          List.of("ops"),
          List.of("load"),
          List.of(
              "explain",
              "export",
              "report",
              "notebook",
              "serve",
              "schedule",
              "check",
              "docs",
              "generate"),
          List.of("cli"));

  static final int ALLOWED_UPWARD = 5;

  static final Pattern REFERENCE =
      Pattern.compile("\\bvn\\.extrel\\.warehouse\\.([a-z0-9]+)\\.[A-Z]");

  static Path sources() {
    return Repo.root().resolve("jobs/src/main/java/vn/extrel/warehouse");
  }

  static Map<String, Integer> floorOf() {
    Map<String, Integer> floor = new java.util.HashMap<>();
    for (int i = 0; i < FLOORS.size(); i++) {
      for (String p : FLOORS.get(i)) {
        floor.put(p, i);
      }
    }
    return floor;
  }

  /** "pkg/File.java -> other" for every reference from a package to a higher floor. */
  static List<String> upwardReferences() throws IOException {
    Map<String, Integer> floor = floorOf();
    List<String> up = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = f.getParent().getFileName().toString();
        String code =
            Files.readString(f, StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\n]*", "");
        Matcher m = REFERENCE.matcher(code);
        TreeSet<String> targets = new TreeSet<>();
        while (m.find()) {
          targets.add(m.group(1));
        }
        for (String q : targets) {
          if (!q.equals(pkg) && floor.get(q) > floor.get(pkg)) {
            up.add(pkg + "/" + f.getFileName() + " -> " + q);
          }
        }
      }
    }
    return up;
  }

  @Test
  void everyPackageHasItsFloor() throws IOException {
    try (Stream<Path> dirs = Files.list(sources())) {
      List<String> packages =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
      assertThat(floorOf().keySet())
          .as("a new package must be given its floor in LayersTest.FLOORS")
          .containsAll(packages);
    }
  }

  @Test
  void theTableModelStandsBelowTheLayersThatUseIt() throws IOException {
    List<String> up = upwardReferences();
    assertThat(up).as("references back up a floor").hasSizeLessThanOrEqualTo(ALLOWED_UPWARD);
    assertThat(up).as("references into the CLI").noneMatch(s -> s.endsWith("-> cli"));
    assertThat(up)
        .as("the table model uses nothing above it")
        .noneMatch(s -> s.startsWith("table/") || s.startsWith("yaml/"));
  }

  @Test
  void userFacingErrorsComeFromOneFactoryPerArea() throws IOException {
    List<String> inline = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith("Errors.java")
            || f.getParent().getFileName().toString().equals("errors")) {
          continue;
        }
        if (Files.readString(f, StandardCharsets.UTF_8).contains("new UserException(")) {
          inline.add(f.getParent().getFileName() + "/" + name);
        }
      }
    }
    assertThat(inline)
        .as("files that build a UserException themselves instead of asking their area's *Errors")
        .isEmpty();
  }
}
