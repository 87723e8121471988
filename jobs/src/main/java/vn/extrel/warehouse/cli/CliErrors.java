package vn.extrel.warehouse.cli;

import java.nio.file.Path;
import java.util.Collection;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.table.TableId;

/** The errors of the command line itself: what is wrong with what was typed, and what to type. */
final class CliErrors {
  private CliErrors() {}

  static UserException noStatement() {
    return new UserException("no SQL statement given (use -e, -f, or pipe statements in)");
  }

  static UserException noSuchFile(Path f) {
    return new UserException(f + ": no such file");
  }

  static UserException queryFailed(String first, Exception cause) {
    return new UserException("the query failed: " + first, cause);
  }

  static UserException unknownFormat(String name) {
    return new UserException("unknown format '" + name + "'; use table, csv, json or markdown");
  }

  static UserException unknownTable(String name, Collection<String> known) {
    return new UserException("unknown table '" + name + "'; the warehouse has " + known);
  }

  static UserException noVersions(TableId id) {
    return new UserException(id + " has no versions yet: no load has written it");
  }

  static UserException writeNeedsToken() {
    return new UserException(
        "--allow-write needs a write token that writing clients present: --write-token-file"
            + " FILE or env WAREHOUSE_WRITE_TOKEN (make one with: openssl rand -hex 24)");
  }

  static UserException tokenWithoutWrite() {
    return new UserException(
        "--write-token-file is for --allow-write; without it every client only reads");
  }
}
