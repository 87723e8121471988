package vn.extrel.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.testing.TestSpark;

/**
 * The local file system without forked processes still does what Hadoop's does: permissions set on
 * create and by request, links told from files, renames (a Delta commit) that refuse to overwrite,
 * missing files reported as missing.
 */
class LocalFilesTest {

  @TempDir java.nio.file.Path dir;

  static Configuration conf() {
    Configuration c = LocalFiles.apply(new Configuration());
    c.setBoolean("fs.file.impl.disable.cache", true);
    return c;
  }

  @Test
  void theSessionsLocalFileSystemIsThisOne() throws Exception {
    Configuration hadoop = TestSpark.get().sparkContext().hadoopConfiguration();
    assertThat(new Path(dir.toUri()).getFileSystem(hadoop).getClass())
        .isEqualTo(LocalFiles.FileSystem.class);
  }

  @Test
  void hadoopsDefaultsAreReplacedAUsersSettingIsNot() {
    Configuration defaults = LocalFiles.apply(new Configuration());
    assertThat(defaults.get("fs.AbstractFileSystem.file.impl"))
        .isEqualTo(LocalFiles.Fs.class.getName());
    assertThat(defaults.get("fs.file.impl")).isEqualTo(LocalFiles.FileSystem.class.getName());
    Configuration users = new Configuration();
    users.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    LocalFiles.apply(users);
    assertThat(users.get("fs.file.impl")).isEqualTo("org.apache.hadoop.fs.LocalFileSystem");
  }

  @Test
  void permissionsAreSetOnCreateAndOnRequest() throws Exception {
    var fs = new Path(dir.toUri()).getFileSystem(conf());
    Path file = new Path(dir.resolve("a/b.txt").toUri());
    try (FSDataOutputStream out = fs.create(file)) {
      out.write("x".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b.txt"))))
        .isEqualTo("rw-r--r--");
    fs.setPermission(file, new FsPermission((short) 0640));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b.txt"))))
        .isEqualTo("rw-r-----");
    assertThatThrownBy(
            () ->
                fs.setPermission(new Path(dir.resolve("nope").toUri()), FsPermission.getDefault()))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void linksAreToldFromFilesAndRenamesRefuseToOverwrite() throws Exception {
    Files.writeString(dir.resolve("file"), "1");
    Files.writeString(dir.resolve("other"), "2");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("file"));
    FileContext fc = FileContext.getFileContext(conf());
    assertThat(fc.getDefaultFileSystem().getClass()).isEqualTo(LocalFiles.Fs.class);

    // The same answers as Hadoop's own local FileContext, which forks readlink(1) to get them.
    Configuration hadoops = new Configuration();
    hadoops.setBoolean("fs.file.impl.disable.cache", true);
    FileContext theirs = FileContext.getFileContext(hadoops);
    assertThat(theirs.getDefaultFileSystem().getClass()).isNotEqualTo(LocalFiles.Fs.class);
    for (String name : new String[] {"file", "link", ""}) {
      Path p = new Path(dir.resolve(name).toUri());
      FileStatus ours = fc.getFileLinkStatus(p);
      FileStatus hadoop = theirs.getFileLinkStatus(p);
      assertThat(List.of(ours.isSymlink(), ours.isFile(), ours.isDirectory(), ours.getLen()))
          .as(name)
          .isEqualTo(
              List.of(hadoop.isSymlink(), hadoop.isFile(), hadoop.isDirectory(), hadoop.getLen()));
      if (hadoop.isSymlink()) {
        assertThat(ours.getSymlink()).isEqualTo(hadoop.getSymlink());
      }
    }
    assertThat(fc.getFileLinkStatus(new Path(dir.resolve("file").toUri())).getLen()).isEqualTo(1);

    // Delta's log store commits by a rename that must not replace an existing version.
    assertThatThrownBy(
            () ->
                fc.rename(
                    new Path(dir.resolve("other").toUri()),
                    new Path(dir.resolve("file").toUri()),
                    Options.Rename.NONE))
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    fc.rename(
        new Path(dir.resolve("other").toUri()),
        new Path(dir.resolve("moved").toUri()),
        Options.Rename.NONE);
    assertThat(Files.readString(dir.resolve("moved"))).isEqualTo("2");
    assertThatThrownBy(() -> fc.getFileLinkStatus(new Path(dir.resolve("gone").toUri())))
        .isInstanceOf(FileNotFoundException.class);
  }
}
