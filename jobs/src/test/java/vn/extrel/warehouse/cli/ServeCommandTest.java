package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;

/**
 * {@code warehouse serve} refuses to open the warehouse to the network by accident (the server
 * itself is tested as a process in CliProcessIT).
 */
class ServeCommandTest {

  static Cli.Result run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "serve";
    all[1] = "--config";
    all[2] = Repo.config().toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void listeningBeyondLoopbackNeedsAnExplicitFlagAndAToken() {
    Cli.Result noFlag = run("--host", "0.0.0.0");
    assertThat(noFlag.code()).isEqualTo(1);
    assertThat(noFlag.err())
        .contains("--host 0.0.0.0 accepts clients from other machines", "--allow-remote");

    Cli.Result noToken = run("--host", "0.0.0.0", "--allow-remote");
    assertThat(noToken.code()).isEqualTo(1);
    assertThat(noToken.err()).contains("needs a token", "--token-file");
  }
}
