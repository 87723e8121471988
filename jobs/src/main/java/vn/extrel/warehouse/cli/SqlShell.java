package vn.extrel.warehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.catalog.WarehouseCatalog;
import vn.extrel.warehouse.table.TableId;

/**
 * The interactive side of {@code warehouse sql}: a prompt with line editing, a history kept between
 * sessions, statements over several lines (a statement ends with {@code ;}), and Tab completion of
 * keywords, table and column names. Ctrl-C cancels the running query (or clears the line), Ctrl-D
 * or {@code \q} leaves.
 */
final class SqlShell {

  static final String PROMPT = "warehouse> ";
  static final String CONTINUATION = "        -> ";

  private static final List<String> KEYWORDS =
      List.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP BY",
          "ORDER BY",
          "HAVING",
          "LIMIT",
          "JOIN",
          "LEFT JOIN",
          "ON",
          "AS",
          "AND",
          "OR",
          "NOT",
          "IN",
          "IS NULL",
          "IS NOT NULL",
          "DISTINCT",
          "COUNT",
          "SUM",
          "AVG",
          "MIN",
          "MAX",
          "ROUND",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "WITH",
          "UNION ALL",
          "DESC",
          "ASC",
          "DESCRIBE",
          "DESCRIBE HISTORY",
          "SHOW TABLES",
          "SHOW TABLES IN",
          "VERSION AS OF",
          "TIMESTAMP AS OF",
          "EXPLAIN");

  private final SqlRunner runner;
  private final Warehouse warehouse;

  /** Table and column names; filled in the background so the prompt comes at once. */
  private volatile List<Candidate> names = List.of();

  SqlShell(SqlRunner runner, Warehouse warehouse) {
    this.runner = runner;
    this.warehouse = warehouse;
  }

  int run() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      List<TableId> tables = WarehouseCatalog.discover(runner.spark(), warehouse);
      Thread loader = new Thread(() -> names = names(tables), "extrel-completion");
      loader.setDaemon(true);
      loader.start();
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("warehouse")
              .parser(new StatementParser())
              .completer(this::complete)
              .variable(LineReader.HISTORY_FILE, historyFile())
              .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
              .option(LineReader.Option.CASE_INSENSITIVE, true)
              // '!' is SQL's "not", never the shell's history expansion.
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
              .build();
      PrintWriter out = terminal.writer();
      out.printf(
          "Warehouse %s: %d tables in %s.%n"
              + "Statements end with ';'. Tab completes names, arrows recall history;"
              + " \\help for commands, \\q to quit.%n",
          warehouse.root(), tables.size(), String.join(", ", WarehouseCatalog.DATABASES));
      out.flush();
      while (true) {
        String line;
        try {
          line = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt: the line is dropped
        } catch (EndOfFileException e) {
          break;
        }
        String command = line.strip();
        if (command.isEmpty()) {
          continue;
        }
        if (isMeta(command)) {
          if (!meta(command, out)) {
            break;
          }
          continue;
        }
        for (String statement : SqlStatements.split(line)) {
          execute(statement, terminal, out);
        }
      }
      reader.getHistory().save();
      out.println("bye");
      out.flush();
    }
    return WarehouseCli.OK;
  }

  private void execute(String statement, Terminal terminal, PrintWriter out) {
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, s -> runner.spark().sparkContext().cancelAllJobs());
    try {
      Dataset<Row> result = runner.run(statement);
      if (result == null) {
        out.println("OK");
      } else {
        runner.print(result, out);
      }
    } catch (Exception e) { // AnalysisException is a checked exception thrown from Scala
      // The same one-line messages as the command line; the shell goes on.
      WarehouseCli.report(e, out, false);
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      out.flush();
    }
  }

  static boolean isMeta(String command) {
    String c = command.toLowerCase(Locale.ROOT).replaceAll(";$", "");
    return c.startsWith("\\") || c.equals("quit") || c.equals("exit") || c.equals("help");
  }

  /** Runs a shell command; false to leave. */
  private boolean meta(String command, PrintWriter out) {
    String[] parts = command.replaceAll(";$", "").strip().split("\\s+", 2);
    switch (parts[0].toLowerCase(Locale.ROOT)) {
      case "\\q", "quit", "exit" -> {
        return false;
      }
      case "\\format" -> {
        if (parts.length < 2) {
          out.println("format: " + runner.format().name().toLowerCase(Locale.ROOT));
        } else {
          try {
            runner.format(SqlRunner.parseFormat(parts[1]));
            out.println("format: " + runner.format().name().toLowerCase(Locale.ROOT));
          } catch (RuntimeException e) {
            WarehouseCli.report(e, out, false);
          }
        }
      }
      case "\\tables" -> {
        for (TableId t : WarehouseCatalog.discover(runner.spark(), warehouse)) {
          out.println(t.qualified());
        }
      }
      default -> {
        out.println("Statements end with ';' and may span lines. Shell commands:");
        out.println("  \\tables              the warehouse's tables");
        out.println("  \\format table|csv|json|markdown   how results print");
        out.println("  \\q, quit, Ctrl-D     leave;  Ctrl-C cancels the running query");
      }
    }
    out.flush();
    return true;
  }

  private void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String k : KEYWORDS) {
      candidates.add(new Candidate(k, k, "keyword", null, null, null, !k.contains(" ")));
    }
    candidates.addAll(names);
  }

  private List<Candidate> names(List<TableId> tables) {
    List<Candidate> out = new ArrayList<>();
    java.util.Set<String> columns = new java.util.TreeSet<>();
    for (String db : WarehouseCatalog.DATABASES) {
      out.add(new Candidate(db, db, "database", null, null, null, false));
    }
    for (TableId t : tables) {
      out.add(new Candidate(t.qualified(), t.qualified(), "table", null, null, null, true));
      try {
        columns.addAll(List.of(runner.spark().table(t.qualified()).schema().fieldNames()));
      } catch (RuntimeException e) {
        // A table being created by a load right now: its columns come next session.
      }
    }
    for (String c : columns) {
      out.add(new Candidate(c, c, "column", null, null, null, true));
    }
    return out;
  }

  static Path historyFile() {
    String explicit = System.getenv("WAREHOUSE_HISTORY");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String home = System.getenv("HOME");
    return Path.of(home != null ? home : System.getProperty("user.home"), ".warehouse_history");
  }

  /** Asks for more lines until the statement ends with ';' outside quotes and comments. */
  static final class StatementParser extends DefaultParser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE
          && !line.isBlank()
          && !isMeta(line.strip())
          && !SqlStatements.isComplete(line)) {
        throw new EOFError(-1, cursor, "the statement goes on until ';'");
      }
      return super.parse(line, cursor, context);
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
      char c = buffer.charAt(pos);
      return Character.isWhitespace(c) || ",()=<>+-*/;".indexOf(c) >= 0;
    }
  }
}
