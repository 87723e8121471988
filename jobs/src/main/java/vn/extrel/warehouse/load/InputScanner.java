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
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.table.FileStatus;

/**
 * Lists the input folder (local or object storage) on the driver and matches each file to its
 * layout. The folder is not trusted: only regular files inside it are read. A symbolic link is
 * never followed (a link out would read files elsewhere, a link inside reads a file twice, a link
 * up loops), nor is anything that is not a regular file (a named pipe would hang the read); each is
 * reported as skipped. Clutter is ignored without a word (office lock files {@code ~$*}, {@code
 * Thumbs.db}, {@code desktop.ini}, hidden files and folders, a file that is no spreadsheet and that
 * no layout claims, and what {@code config/input.yaml} lists under {@code ignore:}); {@code
 * --verbose} lists it.
 */
public final class InputScanner {

  private final Map<String, Layout> layouts;
  private final Map<String, List<PathMatcher>> globs = new LinkedHashMap<>();
  private final Map<String, Pattern> regexes = new LinkedHashMap<>();
  private final List<PathMatcher> ignore = new ArrayList<>();

  /** What a file no layout claims must be called to count as a report that failed to match. */
  static final List<String> SPREADSHEETS = List.of(".xlsx", ".xlsm", ".xls", ".csv", ".tsv");

  public InputScanner(Map<String, Layout> layouts) {
    this(layouts, List.of());
  }

  /**
   * @param ignoreGlobs globs relative to the input folder ({@code notes/**}, {@code **}{@code
   *     /*.pdf}) of files never read nor reported
   */
  public InputScanner(Map<String, Layout> layouts, List<String> ignoreGlobs) {
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
    for (String g : ignoreGlobs) {
      ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      if (g.startsWith("**/")) {
        ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
      }
    }
  }

  /** The scanner for a configuration: its layouts and {@code input.yaml}'s ignore list. */
  public static InputScanner of(vn.extrel.warehouse.config.WarehouseConfig config) {
    return new InputScanner(config.layouts(), InputRules.ignore(config.dir()));
  }

  /** Office lock files, thumbnails and hidden files are never reports. */
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
        throw LoadErrors.noInputFolder(input);
      }
      Path qualifiedRoot = fs.makeQualified(root);
      String rootUri = qualifiedRoot.toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        String full = st.getPath().toUri().getPath();
        String rel = full.startsWith(rootUri) ? full.substring(rootUri.length()) : full;
        rel = rel.startsWith("/") ? rel.substring(1) : rel;
        String uri = st.getPath().toString();
        if (st.isSymlink()) {
          out.add(skipped(uri, rel, "a symbolic link; links are not followed"));
        } else if (!st.isFile()) {
          out.add(skipped(uri, rel, "not a regular file"));
        } else {
          out.add(classify(uri, rel, st.getLen(), st.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw LoadErrors.cannotListInput(input, e);
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
   * nothing-changed nightly then never loads Hadoop's file systems. Links are seen as links here
   * (Hadoop's local listing follows them), so a local folder is always listed this way.
   */
  public List<SourceFile> scanLocal(String input) {
    java.nio.file.Path given =
        input.startsWith("file:")
            ? java.nio.file.Path.of(java.net.URI.create(input.replace(" ", "%20")))
            : java.nio.file.Path.of(input);
    given = given.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(given)) {
      return scan(input, vn.extrel.warehouse.util.HadoopConf.withoutSpark()); // its error message
    }
    java.nio.file.Path root;
    try {
      root = given.toRealPath(); // the input folder itself may be a link: it is trusted
    } catch (IOException e) {
      throw LoadErrors.cannotListInput(input, e);
    }
    LocalWalk walk = new LocalWalk(root);
    try {
      java.nio.file.Files.walkFileTree(root, walk);
    } catch (IOException e) {
      throw LoadErrors.cannotListInput(input, e);
    }
    List<SourceFile> out = new ArrayList<>(walk.found);
    out.sort(Comparator.comparing(SourceFile::path));
    return out;
  }

  /** The walk of a local input folder: a file found, skipped or ignored each time it is visited. */
  private final class LocalWalk extends java.nio.file.SimpleFileVisitor<java.nio.file.Path> {
    private final java.nio.file.Path base;
    private final List<SourceFile> found = new ArrayList<>();

    LocalWalk(java.nio.file.Path base) {
      this.base = base;
    }

    @Override
    public java.nio.file.FileVisitResult preVisitDirectory(
        java.nio.file.Path dir, java.nio.file.attribute.BasicFileAttributes a) {
      if (!dir.equals(base) && ignored(dir.getFileName().toString())) {
        String rel = base.relativize(dir).toString().replace('\\', '/') + "/";
        found.add(ignoredFile("file:" + dir, rel, "a hidden folder"));
        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
      }
      return java.nio.file.FileVisitResult.CONTINUE;
    }

    @Override
    public java.nio.file.FileVisitResult visitFile(
        java.nio.file.Path f, java.nio.file.attribute.BasicFileAttributes a) {
      String rel = base.relativize(f).toString().replace('\\', '/');
      String uri = "file:" + f;
      if (a.isSymbolicLink()) {
        found.add(skipped(uri, rel, link(base, f)));
      } else if (!a.isRegularFile()) {
        found.add(
            skipped(
                uri,
                rel,
                "not a regular file (a named pipe, a device or a socket), so it was not read"));
      } else {
        // The path and modification time Hadoop's local file system reports
        // ("file:/abs/path", File.lastModified), so the state file's entries compare equal
        // either way.
        SourceFile s = classify(uri, rel, a.size(), f.toFile().lastModified());
        found.add(s.problem() == null ? s.withChangeStamp(changeStamp(f)) : s);
      }
      return java.nio.file.FileVisitResult.CONTINUE;
    }

    @Override
    public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path f, IOException e) {
      String rel = base.relativize(f).toString().replace('\\', '/');
      found.add(skipped("file:" + f, rel, "cannot be listed (" + e.getMessage() + ")"));
      return java.nio.file.FileVisitResult.CONTINUE;
    }
  }

  /**
   * The inode and the inode's change time: a write, a copy over the file or a rename into place
   * changes the change time, which no tool can set back (unlike the modification time). Null where
   * the file system has no such attributes.
   */
  static String changeStamp(java.nio.file.Path f) {
    try {
      Map<String, Object> a =
          java.nio.file.Files.readAttributes(
              f, "unix:ino,ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      Object ctime = a.get("ctime");
      long nanos =
          ctime instanceof java.nio.file.attribute.FileTime t
              ? t.to(java.util.concurrent.TimeUnit.NANOSECONDS)
              : 0;
      return a.get("ino") + ":" + nanos;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** What a link found in the input folder points at, for the line that says it was skipped. */
  private static String link(java.nio.file.Path root, java.nio.file.Path f) {
    java.nio.file.Path target;
    try {
      target = f.toRealPath();
    } catch (IOException e) {
      return "a symbolic link that leads nowhere or in a loop; links are not followed";
    }
    if (target.startsWith(root)) {
      String rel = root.relativize(target).toString().replace('\\', '/');
      return "a symbolic link to "
          + (rel.isEmpty() ? "the input folder itself" : "'" + rel + "' in the input folder")
          + "; links are not followed (what it points at is read under its own name, once)";
    }
    return "a symbolic link to "
        + target
        + ", outside the input folder; it is not followed. Copy the file into the input folder to"
        + " load it";
  }

  private static SourceFile skipped(String uri, String rel, String why) {
    return new SourceFile(uri, rel, 0, 0, null, FileStatus.SKIPPED, rel + ": skipped: " + why);
  }

  private static SourceFile ignoredFile(String uri, String rel, String why) {
    return new SourceFile(
        uri, rel, 0, 0, null, FileStatus.IGNORED, rel + ": ignored (" + why + ")");
  }

  /** A regular file: clutter, listed to be ignored, or matched to its layout. */
  SourceFile classify(String uri, String rel, long size, long modified) {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (ignored(name) || hasIgnoredFolder(rel)) {
      return ignoredFile(uri, rel, "a hidden, lock or system file");
    }
    java.nio.file.Path p = java.nio.file.Path.of(rel);
    for (PathMatcher m : ignore) {
      if (m.matches(p)) {
        return ignoredFile(uri, rel, "listed under ignore: in input.yaml");
      }
    }
    SourceFile f = match(uri, rel, size, modified);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (f.problem() == FileStatus.NO_LAYOUT && SPREADSHEETS.stream().noneMatch(lower::endsWith)) {
      return ignoredFile(uri, rel, "not a spreadsheet, and no layout claims it");
    }
    return f;
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
      if (f.layoutId() != null || f.problem() == FileStatus.AMBIGUOUS_LAYOUT) {
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
          uri, rel, size, modified, String.join(Layout.ID_SEPARATOR, hits), null, null);
    }
    if (hits.isEmpty()) {
      return new SourceFile(
          uri,
          rel,
          size,
          modified,
          null,
          FileStatus.NO_LAYOUT,
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
        FileStatus.AMBIGUOUS_LAYOUT,
        rel
            + ": claimed by several layouts "
            + hits
            + ". Make their match patterns exclusive, or give each layout sheets: of its own"
            + " (sheets.name, sheets.regex or sheets.index) so that they share the workbook");
  }
}
