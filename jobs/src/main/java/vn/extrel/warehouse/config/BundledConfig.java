package vn.extrel.warehouse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The configuration shipped inside the jar ({@code extrel-config/}), for runs where no config
 * folder is at hand: spark-submit on a cluster, a container. Unpacked once per process into a
 * temporary folder, since the loaders read files.
 */
final class BundledConfig {
  private BundledConfig() {}

  static final String ROOT = "extrel-config";

  private static Path unpacked;

  /** The bundled configuration as a folder, or null when the jar has none. */
  static synchronized Path folder() {
    if (unpacked != null) {
      return unpacked;
    }
    URL marker = BundledConfig.class.getClassLoader().getResource(ROOT + "/indicators.yaml");
    if (marker == null) {
      return null;
    }
    try {
      if (marker.getProtocol().equals("file")) {
        unpacked = Path.of(marker.toURI()).getParent();
        return unpacked;
      }
      Path dir = Files.createTempDirectory("extrel-config-");
      JarURLConnection conn = (JarURLConnection) marker.openConnection();
      conn.setUseCaches(false);
      try (JarFile jar = conn.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          if (!e.getName().startsWith(ROOT + "/") || e.isDirectory()) {
            continue;
          }
          Path target = dir.resolve(e.getName().substring(ROOT.length() + 1)).normalize();
          if (!target.startsWith(dir)) {
            continue; // never outside the folder
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(e)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      dir.toFile().deleteOnExit();
      try (Stream<Path> all = Files.walk(dir)) {
        all.forEach(p -> p.toFile().deleteOnExit());
      }
      unpacked = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the configuration bundled in the jar", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
