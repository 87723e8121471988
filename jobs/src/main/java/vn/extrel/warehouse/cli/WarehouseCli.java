package vn.extrel.warehouse.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.AnalysisException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.util.Invocation;

/**
 * {@code warehouse}: the command line. Thin: each subcommand parses its options, calls a job and
 * prints.
 *
 * <p>Exit codes: 0 ok; 1 data or usage error; 2 internal failure; 3 another load is running.
 */
@Command(
    name = "warehouse",
    mixinStandardHelpOptions = true,
    version = "extrel-warehouse 0.1.0",
    description =
        "Loads the province's external-relations spreadsheets into Delta tables and answers Spark SQL.",
    subcommands = {
      LoadCommand.class,
      GenerateCommand.class,
      NightlyCommand.class,
      ScheduleCommand.class,
      StatusCommand.class,
      HistoryCommand.class,
      RestoreCommand.class,
      MaintainCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      SqlCommand.class,
      ServeCommand.class,
      NotebookCommand.class,
      CatalogCommand.class,
      ChecksumsCommand.class,
      CheckCommand.class,
      ExplainCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:data or usage error (the message says what to fix)",
      "2:internal failure (rerun with --verbose and report it)",
      "3:another load is running"
    })
public final class WarehouseCli {

  public static final int OK = 0;
  public static final int DATA_ERROR = 1;
  public static final int INTERNAL_ERROR = 2;

  private WarehouseCli() {}

  /** Runs the command line and returns the exit code; never exits the JVM. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, Invocation.here(), args);
  }

  /**
   * Runs the command line of {@code at}: this process's own, or a client's that handed its command
   * to this process (the warm path), whose paths and {@code WAREHOUSE_*} variables then mean what
   * they mean where the client was started.
   */
  public static int run(PrintStream out, PrintStream err, Invocation at, String... args) {
    CommandLine cli = new CommandLine(new WarehouseCli());
    cli.registerConverter(java.nio.file.Path.class, s -> Invocation.current().path(s));
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          boolean verbose = parsed.hasMatchedOption("--verbose");
          return report(ex, cmd.getErr(), verbose);
        });
    cli.setExitCodeExceptionMapper(ex -> DATA_ERROR);
    CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (ex, rest) -> {
          String line = optionOfAnotherCommand(cli, ex);
          if (line == null) {
            return standard.handleParseException(ex, rest);
          }
          ex.getCommandLine().getErr().println("error: " + line);
          return DATA_ERROR;
        });
    return at.within(() -> cli.execute(args));
  }

  /**
   * For an option the command does not have but other commands do ({@code load --no-exports}): a
   * line naming the commands that take it, where picocli would suggest a look-alike of the
   * command's own ({@code --no-progress}). Null for any other mistake.
   */
  static String optionOfAnotherCommand(CommandLine root, CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
        || ex.getCommandLine() == root) {
      return null;
    }
    String command = ex.getCommandLine().getCommandName();
    for (String arg : unmatched.getUnmatched()) {
      String name = arg.split("=", 2)[0];
      if (!name.startsWith("--")) {
        continue;
      }
      java.util.List<String> owners =
          root.getSubcommands().entrySet().stream()
              .filter(e -> e.getValue().getCommandSpec().findOption(name) != null)
              .map(java.util.Map.Entry::getKey)
              .toList();
      if (!owners.isEmpty()) {
        return command
            + " has no option "
            + name
            + ": it is an option of "
            + String.join(", ", owners)
            + ". Drop it, or run one of those (see bin/warehouse "
            + command
            + " --help)";
      }
    }
    return null;
  }

  /**
   * One line for what a user can fix; a stack trace only for our own failures, and only when asked.
   */
  static int report(Throwable ex, PrintWriter err, boolean verbose) {
    String full = vn.extrel.warehouse.errors.DiskFull.find(ex);
    if (full != null) {
      err.println("error: " + vn.extrel.warehouse.errors.DiskFull.message(full));
      if (verbose) {
        ex.printStackTrace(err);
      }
      return INTERNAL_ERROR; // a retry after space is freed succeeds: schedulers retry code 2
    }
    Throwable cause = userCause(ex);
    if (cause instanceof UserException ue) {
      err.println("error: " + vn.extrel.warehouse.util.Text.printable(ue.getMessage()));
      if (verbose) {
        ue.printStackTrace(err);
      }
      return ue.exitCode();
    }
    if (cause instanceof org.apache.spark.sql.catalyst.parser.ParseException pe) {
      err.println("error: the SQL does not parse: " + firstLine(pe.getMessage()));
      return DATA_ERROR;
    }
    if (cause instanceof AnalysisException ae) {
      err.println(
          "error: "
              + firstLine(ae.getMessage())
              + ". Check table and column names (SHOW TABLES IN gold; DESCRIBE gold.indicators)");
      return DATA_ERROR;
    }
    err.println(
        "internal error: "
            + ex
            + (verbose ? "" : " (rerun with --verbose for details, and report it)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return INTERNAL_ERROR;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line =
        message
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .findFirst()
            .orElse(message.strip());
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  /** Spark wraps task failures; the cause a user can act on is further down. */
  static Throwable userCause(Throwable ex) {
    Throwable t = ex;
    for (int i = 0; i < 20 && t != null; i++) {
      if (t instanceof UserException
          || t instanceof AnalysisException
          || t instanceof org.apache.spark.sql.catalyst.parser.ParseException) {
        return t;
      }
      t = t.getCause();
    }
    return ex;
  }
}
