package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.Repo;

/**
 * {@code warehouse serve} refuses to open the warehouse to the network by accident (the server
 * itself is tested as a process in CliProcessIT).
 */
class ServeCommandTest {

  static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 3];
    all[0] = "serve";
    all[1] = "--config";
    all[2] = Repo.config().toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int code =
        WarehouseCli.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            all);
    return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void listeningBeyondLoopbackNeedsAnExplicitFlagAndAToken() {
    String[] noFlag = run("--host", "0.0.0.0");
    assertThat(noFlag[0]).isEqualTo("1");
    assertThat(noFlag[1])
        .contains("--host 0.0.0.0 accepts clients from other machines", "--allow-remote");

    String[] noToken = run("--host", "0.0.0.0", "--allow-remote");
    assertThat(noToken[0]).isEqualTo("1");
    assertThat(noToken[1]).contains("needs a token", "--token-file");
  }
}
