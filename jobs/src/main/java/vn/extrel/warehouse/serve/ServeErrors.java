package vn.extrel.warehouse.serve;

import vn.extrel.warehouse.errors.UserException;

/**
 * The errors of {@code serve}: an address or token that would open the warehouse wider than meant.
 * Each says what is wrong and what to write instead.
 */
final class ServeErrors {
  private ServeErrors() {}

  static UserException notAPort(int port) {
    return new UserException("--port " + port + " is not a TCP port (0-65535)");
  }

  static UserException hostDoesNotResolve(String host, Exception cause) {
    return new UserException("--host " + host + " does not resolve: " + cause.getMessage());
  }

  static UserException remoteNotMeant(String host) {
    return new UserException(
        "--host "
            + host
            + " accepts clients from other machines; add --allow-remote to mean it, together"
            + " with a token (--token-file or env SPARK_CONNECT_AUTHENTICATE_TOKEN), and put"
            + " TLS in front (see docs/ANALYSTS.md)");
  }

  static UserException remoteWithoutToken() {
    return new UserException(
        "--allow-remote needs a token that clients must present: --token-file FILE or env"
            + " SPARK_CONNECT_AUTHENTICATE_TOKEN");
  }

  static UserException weakWriteToken() {
    return new UserException(
        "the write token must be at least 16 characters of letters, digits and . _ ~ -"
            + " (clients send it in the URL); make one with: openssl rand -hex 24");
  }

  static UserException writeTokenIsTheReadToken() {
    return new UserException(
        "the write token must differ from the token every client presents, or every client"
            + " could write");
  }
}
