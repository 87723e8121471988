package vn.extrel.warehouse.spark;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without a process per file. Without Hadoop's native library (not
 * shipped in Maven jars), {@link RawLocalFileSystem} runs {@code chmod} for every file and folder
 * it creates and {@code readlink} for every rename Delta's log store makes (a commit, a checksum
 * file): measured, about 2,900 processes forked from the JVM per load of two small workbooks. Here
 * the same two operations go through {@code java.nio}; everything else is Hadoop's own.
 *
 * <p>Set for the local file system ({@code file:}) of a local session and of the driver's
 * Spark-less paths, by {@link #SETTINGS}.
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** Hadoop settings (without the {@code spark.hadoop.} prefix) that put these classes in place. */
  public static final Map<String, String> SETTINGS =
      Map.of(
          "fs.file.impl", FileSystem.class.getName(),
          "fs.AbstractFileSystem.file.impl", Fs.class.getName());

  /**
   * Puts {@link #SETTINGS} into {@code conf} where it holds Hadoop's defaults only (nothing, or
   * core-default.xml's); a value from the user's core-site.xml or code stays.
   */
  public static Configuration apply(Configuration conf) {
    SETTINGS.forEach(
        (k, v) -> {
          String[] sources = conf.getPropertySources(k);
          if (sources == null || List.of(sources).equals(List.of("core-default.xml"))) {
            conf.set(k, v);
          }
        });
    return conf;
  }

  /** The raw (unchecksummed) file system: chmod and readlink by java.nio. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      String rwx =
          permission.getUserAction().SYMBOL
              + permission.getGroupAction().SYMBOL
              + permission.getOtherAction().SYMBOL;
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + p + " does not exist");
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission); // not a POSIX file system: Hadoop's way
      }
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      File file = pathToFile(f);
      // Hadoop asks readlink(1) first; only a symbolic link needs that answer.
      if (Files.isSymbolicLink(file.toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }
  }

  /** {@code fs.file.impl}: Hadoop's checksummed local file system over {@link Raw}. */
  public static class FileSystem extends LocalFileSystem {
    public FileSystem() {
      super(new Raw());
    }
  }

  /** {@code fs.AbstractFileSystem.file.impl} (FileContext, used by Delta's log store). */
  public static class Fs extends ChecksumFs {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }

    public Fs(Configuration conf) throws IOException, URISyntaxException {
      this(FsConstants.LOCAL_FS_URI, conf);
    }
  }

  /** The FileContext side of {@link Raw}, as Hadoop's {@code RawLocalFs} is of its own. */
  static class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // no default port for file:///
    }

    @Override
    public org.apache.hadoop.fs.FsServerDefaults getServerDefaults(Path f) throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }

    @Override
    @Deprecated
    public org.apache.hadoop.fs.FsServerDefaults getServerDefaults() throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true; // different local file systems have different rules; Hadoop's RawLocalFs too
    }
  }
}
