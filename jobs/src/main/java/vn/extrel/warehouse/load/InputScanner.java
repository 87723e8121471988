package vn.extrel.warehouse.load;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.layout.Layout;

/**
 * Lists the input folder (local or object storage) on the driver and matches each file to its
 * layout.
 */
public final class InputScanner {

  private final Map<String, Layout> layouts;
  private final Map<String, List<PathMatcher>> globs = new LinkedHashMap<>();
  private final Map<String, Pattern> regexes = new LinkedHashMap<>();

  public InputScanner(Map<String, Layout> layouts) {
    this.layouts = layouts;
    for (Layout l : layouts.values()) {
      List<PathMatcher> ms = new ArrayList<>();
      for (String g : l.match().files()) {
        ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        if (g.startsWith("**/")) {
          ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
        }
      }
      globs.put(l.id(), ms);
      if (l.match().regex() != null) {
        regexes.put(
            l.id(),
            Pattern.compile(l.match().regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      }
    }
  }

  /** Office lock files and hidden files are never reports. */
  static boolean ignored(String name) {
    return name.startsWith(".")
        || name.startsWith("~$")
        || name.startsWith("_")
        || name.equalsIgnoreCase("README.md")
        || name.equalsIgnoreCase("Thumbs.db")
        || name.equalsIgnoreCase("desktop.ini");
  }

  public List<SourceFile> scan(String input, Configuration conf) {
    Path root = new Path(input);
    List<SourceFile> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new UserException(
            "input folder "
                + input
                + " does not exist. Pass --input with the folder that holds the spreadsheets");
      }
      Path qualifiedRoot = fs.makeQualified(root);
      String rootUri = qualifiedRoot.toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        String name = st.getPath().getName();
        String full = st.getPath().toUri().getPath();
        String rel = full.startsWith(rootUri) ? full.substring(rootUri.length()) : full;
        rel = rel.startsWith("/") ? rel.substring(1) : rel;
        if (ignored(name) || hasIgnoredFolder(rel)) {
          continue;
        }
        out.add(match(st.getPath().toString(), rel, st.getLen(), st.getModificationTime()));
      }
    } catch (IOException e) {
      throw new UserException("cannot list the input folder " + input + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(SourceFile::path));
    return out;
  }

  /** Whether {@code input} is a folder on local disk (no scheme, or file:). */
  public static boolean isLocal(String input) {
    int colon = input.indexOf(':');
    return colon <= 1 || input.startsWith("file:");
  }

  /**
   * {@link #scan} of a local folder through java.nio, with the same paths, sizes and times: the
   * nothing-changed nightly then never loads Hadoop's file systems.
   */
  public List<SourceFile> scanLocal(String input) {
    java.nio.file.Path root =
        input.startsWith("file:")
            ? java.nio.file.Path.of(java.net.URI.create(input.replace(" ", "%20")))
            : java.nio.file.Path.of(input);
    root = root.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(root)) {
      return scan(input, vn.extrel.warehouse.util.HadoopConf.withoutSpark()); // its error message
    }
    List<SourceFile> out = new ArrayList<>();
    java.nio.file.Path base = root;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        java.nio.file.attribute.BasicFileAttributes a =
            java.nio.file.Files.readAttributes(
                f, java.nio.file.attribute.BasicFileAttributes.class);
        if (!a.isRegularFile()) {
          continue;
        }
        String rel = base.relativize(f).toString().replace('\\', '/');
        if (ignored(f.getFileName().toString()) || hasIgnoredFolder(rel)) {
          continue;
        }
        // The path and modification time Hadoop's local file system reports ("file:/abs/path",
        // File.lastModified), so the state file's entries compare equal either way.
        out.add(match("file:" + f, rel, a.size(), f.toFile().lastModified()));
      }
    } catch (IOException e) {
      throw new UserException("cannot list the input folder " + input + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(SourceFile::path));
    return out;
  }

  private static boolean hasIgnoredFolder(String rel) {
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches a file given outside any input folder (the check command): each tail of its path is
   * tried, shortest first, so /x/data/fdi/a.xlsx matches a layout for "fdi/*.xlsx".
   */
  public SourceFile matchAnywhere(java.nio.file.Path file) {
    java.nio.file.Path abs = file.toAbsolutePath().normalize();
    SourceFile last = null;
    for (int i = abs.getNameCount() - 1; i >= 0; i--) {
      String rel = abs.subpath(i, abs.getNameCount()).toString().replace('\\', '/');
      SourceFile f =
          match(
              new Path(abs.toUri()).toString(),
              rel,
              abs.toFile().length(),
              abs.toFile().lastModified());
      if (f.layoutId() != null || "ambiguous_layout".equals(f.problem())) {
        return f;
      }
      last = f;
    }
    return last;
  }

  SourceFile match(String uri, String rel, long size, long modified) {
    List<String> hits = new ArrayList<>();
    java.nio.file.Path p = java.nio.file.Path.of(rel);
    for (Layout l : layouts.values()) {
      boolean hit = false;
      for (PathMatcher m : globs.get(l.id())) {
        hit |= m.matches(p);
      }
      Pattern r = regexes.get(l.id());
      hit |= r != null && r.matcher(rel).find();
      if (hit) {
        hits.add(l.id());
      }
    }
    if (hits.size() == 1) {
      return new SourceFile(uri, rel, size, modified, hits.get(0), null, null);
    }
    if (hits.size() > 1 && hits.stream().allMatch(h -> layouts.get(h).sheets().explicit())) {
      // Layouts that each name their sheets share the workbook; the reader refuses a sheet two of
      // them claim.
      return new SourceFile(
          uri,
          rel,
          size,
          modified,
          String.join(WarehouseConfig.LAYOUT_SEPARATOR, hits),
          null,
          null);
    }
    if (hits.isEmpty()) {
      return new SourceFile(
          uri,
          rel,
          size,
          modified,
          null,
          "no_layout",
          rel
              + ": no layout claims this file, so it was not loaded. Add its name pattern to a layout's match.files,"
              + " or write a layout for it (docs/LAYOUTS.md)");
    }
    return new SourceFile(
        uri,
        rel,
        size,
        modified,
        null,
        "ambiguous_layout",
        rel
            + ": claimed by several layouts "
            + hits
            + ". Make their match patterns exclusive, or give each layout sheets: of its own"
            + " (sheets.name, sheets.regex or sheets.index) so that they share the workbook");
  }
}
