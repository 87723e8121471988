package vn.extrel.warehouse.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.gold.IndicatorCatalog;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.layout.LayoutLoader;
import vn.extrel.warehouse.quality.RuleCatalog;
import vn.extrel.warehouse.reference.Reference;
import vn.extrel.warehouse.util.Hashing;
import vn.extrel.warehouse.util.Invocation;

/**
 * Everything analysts configure, read from one folder and validated as a whole at start-up:
 *
 * <pre>
 * config/
 *   layouts/*.yaml            how each spreadsheet layout maps to a silver table
 *   indicators.yaml           the gold indicators and views
 *   reference/partners.yaml   partner names, provinces, organisations
 *   reference/codes.yaml      activity types, channels, fields, trade flows
 * </pre>
 *
 * @param silverFingerprint what silver is made with: the loader's version, the reference lists, the
 *     rules and every layout; when it changes, the next load parses every file again from bronze
 * @param goldFingerprint what gold is made with: the indicators and the silver fingerprint; when it
 *     changes, the next load computes the indicators again
 */
public record WarehouseConfig(
    Path dir,
    Map<String, Layout> layouts,
    Reference reference,
    IndicatorCatalog indicators,
    Map<String, String> layoutHashes,
    String silverFingerprint,
    String goldFingerprint,
    RuleCatalog rules) {

  /**
   * Bump when a change to the loader changes what the same file and configuration produce, so that
   * the next load re-reads and re-parses everything once.
   */
  public static final String LOADER_VERSION = "2";

  /**
   * The layouts a file is read with: one id, or several joined by {@link #Layout.ID_SEPARATOR}
   * where layouts share a workbook, each claiming sheets of its own.
   */
  public List<Layout> layoutsOf(String id) {
    List<Layout> out = new java.util.ArrayList<>();
    for (String part : id.split(Layout.ID_SEPARATOR)) {
      Layout l = layouts.get(part);
      if (l == null) {
        throw new IllegalArgumentException("unknown layout '" + part + "'");
      }
      out.add(l);
    }
    return out;
  }

  /** The fingerprint of a file's layout or layouts. */
  public String layoutHash(String id) {
    if (!id.contains(Layout.ID_SEPARATOR)) {
      return layoutHashes.get(id);
    }
    StringBuilder sb = new StringBuilder();
    for (String part : id.split(Layout.ID_SEPARATOR)) {
      sb.append(layoutHashes.get(part)).append('\n');
    }
    return Hashing.sha256(sb.toString());
  }

  /** The target tables of a file's layouts, joined the same way. */
  public String targetsOf(String id) {
    return String.join(
        Layout.ID_SEPARATOR, layoutsOf(id).stream().map(Layout::target).distinct().toList());
  }

  /** The environment variable that points at the config folder. */
  public static final String ENV = "WAREHOUSE_CONFIG";

  public static WarehouseConfig load(Path dir) {
    return load(dir, dir.resolve("layouts"));
  }

  /**
   * The configuration of {@code dir} with the layouts of another folder (tests, trying a new
   * layout).
   */
  public static WarehouseConfig load(Path dir, Path layoutsDir) {
    if (!Files.isDirectory(dir)) {
      throw ConfigErrors.noFolder(dir, ENV);
    }
    String shown = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    Reference reference = Reference.load(dir.resolve("reference"), shown + "/reference");
    String layoutsShown =
        layoutsDir.equals(dir.resolve("layouts")) ? shown + "/layouts" : layoutsDir.toString();
    Map<String, Layout> layouts = LayoutLoader.loadAll(layoutsDir, layoutsShown, reference);
    IndicatorCatalog indicators =
        IndicatorCatalog.load(dir.resolve("indicators.yaml"), shown + "/indicators.yaml");
    Map<String, String> layoutHashes = new java.util.LinkedHashMap<>();
    for (Layout l : layouts.values()) {
      layoutHashes.put(
          l.id(),
          Hashing.sha256(
              LOADER_VERSION
                  + "\n"
                  + fileText(layoutsDir.resolve(Path.of(l.source()).getFileName()))));
    }
    String silverFingerprint =
        Hashing.sha256(
            LOADER_VERSION
                + "\n"
                + fileText(dir.resolve("reference/partners.yaml"))
                + "\n"
                + fileText(dir.resolve("reference/codes.yaml"))
                + "\n"
                + rulesText(dir.resolve("rules"))
                + "\n"
                + String.join(",", new java.util.TreeMap<>(layoutHashes).values()));
    String goldFingerprint =
        Hashing.sha256(
            LOADER_VERSION
                + "\n"
                + fileText(dir.resolve("indicators.yaml"))
                + "\n"
                + silverFingerprint);
    RuleCatalog rules = RuleCatalog.load(dir.resolve("rules"), shown + "/rules");
    return new WarehouseConfig(
        dir,
        layouts,
        reference,
        indicators,
        Map.copyOf(layoutHashes),
        silverFingerprint,
        goldFingerprint,
        rules);
  }

  /**
   * The rules' files, in order: they decide what silver keeps, so they are part of its fingerprint.
   */
  private static String rulesText(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      StringBuilder sb = new StringBuilder();
      for (Path p :
          s.filter(x -> x.toString().endsWith(".yaml") || x.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        sb.append(p.getFileName()).append('\n').append(fileText(p)).append('\n');
      }
      return sb.toString();
    } catch (java.io.IOException e) {
      throw ConfigErrors.cannotList(dir, e);
    }
  }

  private static String fileText(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (java.io.IOException e) {
      throw ConfigErrors.cannotRead(p, e);
    }
  }

  /**
   * {@code --config}, else $WAREHOUSE_CONFIG, else ./config, else the configuration bundled in the
   * jar (spark-submit on a cluster, where no folder is at hand).
   */
  public static Path locate(Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    Invocation at = Invocation.current();
    String env = at.env(ENV);
    if (env != null && !env.isBlank()) {
      return at.path(env);
    }
    Path local = at.path("config");
    if (!Files.isDirectory(local)) {
      Path bundled = BundledConfig.folder();
      if (bundled != null) {
        return bundled;
      }
    }
    return local;
  }
}
