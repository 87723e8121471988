package vn.extrel.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.extrel.warehouse.testing.Cli;
import vn.extrel.warehouse.testing.Repo;

/**
 * {@code warehouse serve} refuses to open the warehouse to the network, or to writes, by accident
 * (the server itself is tested as a process in CliProcessIT).
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

  @Test
  void writesNeedAllowWriteAndAWriteTokenThatIsHardToGuess(@TempDir Path dir) throws Exception {
    Cli.Result noToken = run("--allow-write");
    assertThat(noToken.code()).isEqualTo(1);
    assertThat(noToken.err())
        .contains(
            "--allow-write needs a write token", "--write-token-file", "WAREHOUSE_WRITE_TOKEN");

    Path weak = Files.writeString(dir.resolve("weak"), "secret");
    Cli.Result short_ = run("--allow-write", "--write-token-file", weak.toString());
    assertThat(short_.code()).isEqualTo(1);
    assertThat(short_.err()).contains("at least 16 characters");

    Path good = Files.writeString(dir.resolve("good"), "0123456789abcdef0123");
    Cli.Result withoutFlag = run("--write-token-file", good.toString());
    assertThat(withoutFlag.code()).isEqualTo(1);
    assertThat(withoutFlag.err()).contains("--write-token-file is for --allow-write");
  }
}
