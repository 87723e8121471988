package vn.extrel.warehouse.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run the declared exports after the load ({@code nightly}, {@code
 * schedule}); {@code load} itself writes none, so it has no such options.
 */
public final class ExportsOptions {

  @Option(names = "--no-exports", description = "Skip the exports config/exports.yaml declares.")
  boolean skip;

  @Option(
      names = "--exports-dir",
      paramLabel = "DIR",
      description = "Where exports go (default: <warehouse>/exports).")
  Path dir;
}
