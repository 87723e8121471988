package vn.extrel.warehouse.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.catalog.CatalogStorageFormat;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.TryReflect;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LeafNode;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowTablesExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.CreateTempViewUsing;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a logical plan does beyond reading, decided from its nodes: the one place that knows which
 * statements a read-only session may run. Works on parsed plans (the early check of {@code
 * warehouse sql}) and on analysed plans (the check rule every session runs).
 *
 * <p>Spark has side effects only through {@link Command} nodes: query operators read, commands
 * write, create, drop, cache, configure, or add code. So commands are allowed by name, from a list
 * of those that only read (SHOW, DESCRIBE, EXPLAIN, ...); every other command is refused, including
 * ones added by later Spark or Delta versions. The few statements a parser produces before analysis
 * turns them into commands (INSERT, INSERT OVERWRITE DIRECTORY, Delta's RESTORE and CLONE) are
 * refused by name, and so are the expressions that call arbitrary Java methods.
 */
public final class PlanAccess {
  private PlanAccess() {}

  /** What a refused plan would do; the message says it in these words. */
  public enum Effect {
    WRITES_TABLE("writes to a table", false),
    WRITES_FILES("writes files", false),
    CHANGES_CATALOG("changes the catalog of tables and views", false),
    CONFIGURES("changes the session's configuration", false),
    CACHES("caches data in the server's memory", false),
    ADDS_CODE("adds code to the session", true),
    CALLS_JAVA("calls Java methods", true),
    OTHER("is not a query, SHOW, DESCRIBE or EXPLAIN", false);

    final String phrase;

    /** Runs code in the process: refused even where writes are allowed. */
    final boolean runsCode;

    Effect(String phrase, boolean runsCode) {
      this.phrase = phrase;
      this.runsCode = runsCode;
    }

    public String phrase() {
      return phrase;
    }

    public boolean runsCode() {
      return runsCode;
    }
  }

  /**
   * A node a read-only session may not run.
   *
   * @param operation the statement's words, e.g. {@code INSERT INTO}
   * @param target the table, folder or setting it acts on; null when the plan does not say
   */
  public record Finding(String operation, String target, Effect effect) {
    /** {@code INSERT INTO gold.indicators}. */
    public String statement() {
      return target == null ? operation : operation + " " + target;
    }
  }

  /** Commands that only read: listing and describing, explaining, changing the current database. */
  private static final Set<Class<?>> READING_COMMANDS =
      Set.of(
          ShowTables.class,
          ShowTablesExtended.class,
          ShowColumns.class,
          ShowTableProperties.class,
          ShowFunctions.class,
          ShowViews.class,
          ShowPartitions.class,
          ShowCreateTable.class,
          org.apache.spark.sql.catalyst.plans.logical.ShowTablePartition.class,
          org.apache.spark.sql.catalyst.plans.logical.DescribeRelation.class,
          org.apache.spark.sql.catalyst.plans.logical.DescribeColumn.class,
          org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace.class,
          org.apache.spark.sql.catalyst.plans.logical.DescribeFunction.class,
          org.apache.spark.sql.catalyst.plans.logical.SetCatalogAndNamespace.class,
          org.apache.spark.sql.execution.command.ShowTablesCommand.class,
          org.apache.spark.sql.execution.command.ShowColumnsCommand.class,
          org.apache.spark.sql.execution.command.ShowTablePropertiesCommand.class,
          org.apache.spark.sql.execution.command.ShowFunctionsCommand.class,
          org.apache.spark.sql.execution.command.ShowViewsCommand.class,
          org.apache.spark.sql.execution.command.ShowPartitionsCommand.class,
          org.apache.spark.sql.execution.command.ShowCreateTableCommand.class,
          org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand.class,
          org.apache.spark.sql.execution.command.ShowCatalogsCommand.class,
          // SHOW DATABASES: a logical ShowNamespaces up to Spark 4.0, this command since 4.1.
          org.apache.spark.sql.execution.command.ShowNamespacesCommand.class,
          org.apache.spark.sql.execution.command.ShowCollationsCommand.class,
          org.apache.spark.sql.execution.command.ShowProceduresCommand.class,
          org.apache.spark.sql.execution.command.DescribeProcedureCommand.class,
          org.apache.spark.sql.execution.command.DescribeTableCommand.class,
          org.apache.spark.sql.execution.command.DescribeColumnCommand.class,
          org.apache.spark.sql.execution.command.DescribeDatabaseCommand.class,
          org.apache.spark.sql.execution.command.DescribeFunctionCommand.class,
          org.apache.spark.sql.execution.command.DescribeQueryCommand.class,
          org.apache.spark.sql.execution.command.ExplainCommand.class,
          org.apache.spark.sql.execution.command.ListJarsCommand.class,
          org.apache.spark.sql.execution.command.ListFilesCommand.class,
          org.apache.spark.sql.execution.command.ListArchivesCommand.class,
          org.apache.spark.sql.execution.command.SetNamespaceCommand.class,
          org.apache.spark.sql.execution.command.SetCatalogCommand.class,
          org.apache.spark.sql.delta.commands.DescribeDeltaHistory.class,
          org.apache.spark.sql.delta.commands.DescribeDeltaHistoryCommand.class,
          org.apache.spark.sql.delta.commands.DescribeDeltaDetailCommand.class,
          org.apache.spark.sql.delta.commands.ShowDeltaTableColumnsCommand.class);

  /** Statements that are not yet commands when parsed; analysis makes commands of them. */
  private static final Set<String> WRITING_STATEMENTS =
      Set.of(
          "InsertIntoStatement",
          "InsertIntoDir",
          "RestoreTableStatement",
          "CloneTableStatement",
          "DeltaDelete",
          "DeltaUpdateTable");

  /** Functions that call any static Java method named in their arguments. */
  private static final Set<String> JAVA_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

  /**
   * The tables a statement reads, as {@code db.name} in lower case, when it is a query (a SELECT, a
   * WITH, a TABLE, set operations of them); empty for anything else (SHOW, DESCRIBE, USE, a write,
   * text that does not parse), which may need every name. One-part names are CTEs or temporary
   * views, never the warehouse's; a three-part one counts by its last two parts.
   */
  public static Optional<Set<String>> tablesRead(String statement) {
    LogicalPlan plan;
    try {
      plan = ReadOnlyGuard.Parser.INSTANCE.parsePlan(statement);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException | RuntimeException e) {
      return Optional.empty();
    }
    Set<String> out = new java.util.TreeSet<>();
    return relations(plan, out) ? Optional.of(out) : Optional.empty();
  }

  /**
   * The tables and views the statements read, with what those views ({@code gold.<name>} to its
   * query) read in turn; empty when any statement, or any view read, is not a plain query.
   */
  public static Optional<Set<String>> tablesRead(
      List<String> statements, Map<String, String> goldViews) {
    Set<String> out = new java.util.TreeSet<>();
    for (String s : statements) {
      Optional<Set<String>> read = tablesRead(s);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      out.addAll(read.get());
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, String> v : goldViews.entrySet()) {
        if (out.contains("gold." + v.getKey().toLowerCase(Locale.ROOT))) {
          Optional<Set<String>> read = tablesRead(v.getValue());
          if (read.isEmpty()) {
            return Optional.empty();
          }
          grew |= out.addAll(read.get());
        }
      }
    }
    return Optional.of(out);
  }

  /** Leaves of a parsed query that read no table. */
  private static final Set<String> PLAIN_LEAVES =
      Set.of("OneRowRelation", "UnresolvedInlineTable", "LocalRelation");

  /** Adds the plan's relations; false if a node is not part of a plain query. */
  private static boolean relations(LogicalPlan node, Set<String> out) {
    if (node instanceof Command) {
      return false;
    }
    if (node instanceof UnresolvedRelation r) {
      List<String> parts = CollectionConverters.asJava(r.multipartIdentifier());
      if (parts.size() >= 2) {
        out.add(
            (parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1))
                .toLowerCase(Locale.ROOT));
      }
      return true;
    }
    if (node instanceof LeafNode && !PLAIN_LEAVES.contains(node.getClass().getSimpleName())) {
      return false; // a leaf we do not know (time travel, a table function): it may read anything
    }
    for (Expression e : CollectionConverters.asJava(node.expressions())) {
      if (!relations(e, out)) {
        return false;
      }
    }
    for (LogicalPlan child : children(node)) {
      if (!relations(child, out)) {
        return false;
      }
    }
    return true;
  }

  private static boolean relations(Expression e, Set<String> out) {
    if (e instanceof SubqueryExpression s && !relations(s.plan(), out)) {
      return false;
    }
    for (Expression child : CollectionConverters.asJava(e.children())) {
      if (!relations(child, out)) {
        return false;
      }
    }
    return true;
  }

  /** The first node of the plan that an {@code access} session may not run. */
  public static Optional<Finding> find(LogicalPlan plan, ReadOnlyGuard.Access access) {
    Finding f = visit(plan);
    if (f != null && access == ReadOnlyGuard.Access.WRITE && !f.effect().runsCode()) {
      // Writes are allowed there; only code is not. Look on for code behind the write.
      f = visitCode(plan);
    }
    return Optional.ofNullable(f);
  }

  private static Finding visit(LogicalPlan node) {
    Finding f = node(node);
    if (f == null) {
      f = expressions(node);
    }
    if (f == null && node instanceof CreateViewCommand v) {
      // An analysed view keeps its query outside its children; its SELECT must read too.
      f = visit(v.plan());
    }
    for (LogicalPlan child : children(node)) {
      if (f != null) {
        break;
      }
      f = visit(child);
    }
    return f;
  }

  /** Like {@link #visit}, for JVM code only. */
  private static Finding visitCode(LogicalPlan node) {
    Finding f = expressions(node);
    if (f == null) {
      Finding own = node(node);
      if (own != null && own.effect().runsCode()) {
        f = own;
      }
    }
    for (LogicalPlan child : children(node)) {
      if (f != null) {
        break;
      }
      f = visitCode(child);
    }
    return f;
  }

  private static List<LogicalPlan> children(LogicalPlan node) {
    List<LogicalPlan> out = new java.util.ArrayList<>(CollectionConverters.asJava(node.children()));
    // CTE definitions of a parsed WITH, and the explained statement of EXPLAIN.
    for (Object inner : CollectionConverters.asJava(node.innerChildren())) {
      if (inner instanceof LogicalPlan p && out.stream().noneMatch(c -> c == p)) {
        out.add(p); // by identity: plans compare deeply
      }
    }
    return out;
  }

  private static Finding node(LogicalPlan node) {
    String name = node.getClass().getSimpleName().replace("$", "");
    if (node instanceof Command) {
      if (READING_COMMANDS.contains(node.getClass())) {
        return null;
      }
      if (node instanceof SetCommand set && (set.kv().isEmpty() || set.kv().get()._2().isEmpty())) {
        return null; // SET alone lists the settings, SET key shows one: reads
      }
      if (node instanceof CreateViewCommand v && v.viewType() == LocalTempView$.MODULE$) {
        return null; // a temporary view: a name for a query, in this session only
      }
      if (node instanceof CreateTempViewUsing v && !v.global()) {
        return null;
      }
      return finding(name, node);
    }
    return WRITING_STATEMENTS.contains(name) ? finding(name, node) : null;
  }

  private static Finding expressions(LogicalPlan node) {
    for (Expression e : CollectionConverters.asJava(node.expressions())) {
      Finding f = expression(e);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static Finding expression(Expression e) {
    if (e instanceof CallMethodViaReflection || e instanceof TryReflect) {
      return new Finding(e.prettyName(), null, Effect.CALLS_JAVA);
    }
    if (e instanceof UnresolvedFunction f) {
      List<String> parts = CollectionConverters.asJava(f.nameParts());
      String fn = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
      if (JAVA_FUNCTIONS.contains(fn)) {
        return new Finding(fn, null, Effect.CALLS_JAVA);
      }
    }
    if (e instanceof SubqueryExpression s) {
      Finding f = visit(s.plan());
      if (f != null) {
        return f;
      }
    }
    for (Expression child : CollectionConverters.asJava(e.children())) {
      Finding f = expression(child);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** A statement's words and what it does. */
  private record Words(String statement, Effect effect) {}

  /** Statement words and effect by node class; unlisted commands are named by their class. */
  private static final Map<String, Words> KNOWN = new HashMap<>();

  private static void words(Effect effect, String statement, String... nodes) {
    for (String n : nodes) {
      KNOWN.put(n, new Words(statement, effect));
    }
  }

  static {
    words(Effect.WRITES_TABLE, "INSERT INTO", "AppendData", "InsertIntoStatement");
    words(
        Effect.WRITES_TABLE,
        "INSERT OVERWRITE",
        "OverwriteByExpression",
        "OverwritePartitionsDynamic");
    words(
        Effect.WRITES_TABLE,
        "INSERT",
        "InsertIntoHadoopFsRelationCommand",
        "InsertIntoDataSourceCommand");
    words(Effect.WRITES_TABLE, "a DataFrame save", "SaveIntoDataSourceCommand");
    words(Effect.WRITES_TABLE, "DELETE FROM", "DeleteFromTable", "DeleteCommand", "DeltaDelete");
    words(Effect.WRITES_TABLE, "UPDATE", "UpdateTable", "UpdateCommand", "DeltaUpdateTable");
    words(
        Effect.WRITES_TABLE, "MERGE INTO", "MergeIntoTable", "MergeIntoCommand", "DeltaMergeInto");
    words(Effect.WRITES_TABLE, "TRUNCATE TABLE", "TruncateTable", "TruncateTableCommand");
    words(Effect.WRITES_TABLE, "RESTORE TABLE", "RestoreTableStatement", "RestoreTableCommand");
    words(Effect.WRITES_TABLE, "OPTIMIZE", "OptimizeTableCommand");
    words(Effect.WRITES_TABLE, "VACUUM", "VacuumTableCommand");
    words(Effect.WRITES_TABLE, "CONVERT TO DELTA", "ConvertToDeltaCommand");
    words(Effect.WRITES_TABLE, "GENERATE", "DeltaGenerateCommand");
    words(Effect.WRITES_TABLE, "CREATE TABLE CLONE", "CloneTableStatement");
    words(
        Effect.WRITES_FILES,
        "INSERT OVERWRITE DIRECTORY",
        "InsertIntoDir",
        "InsertIntoDataSourceDirCommand",
        "InsertIntoHiveDirCommand");
    words(
        Effect.CHANGES_CATALOG,
        "CREATE TABLE",
        "CreateTable",
        "CreateTableAsSelect",
        "CreateDataSourceTableCommand",
        "CreateDataSourceTableAsSelectCommand",
        "CreateDeltaTableCommand",
        "CreateTableLikeCommand");
    words(Effect.CHANGES_CATALOG, "REPLACE TABLE", "ReplaceTable", "ReplaceTableAsSelect");
    words(Effect.CHANGES_CATALOG, "DROP TABLE", "DropTable", "DropTableCommand");
    words(
        Effect.CHANGES_CATALOG,
        "CREATE VIEW",
        "CreateView",
        "CreateViewCommand",
        "CreateTempViewUsing");
    words(Effect.CHANGES_CATALOG, "DROP VIEW", "DropView");
    words(Effect.CHANGES_CATALOG, "CREATE DATABASE", "CreateNamespace");
    words(Effect.CHANGES_CATALOG, "DROP DATABASE", "DropNamespace");
    words(Effect.CHANGES_CATALOG, "ANALYZE TABLE", "AnalyzeTable", "AnalyzeColumn");
    words(Effect.CHANGES_CATALOG, "DROP FUNCTION", "DropFunction", "DropFunctionCommand");
    words(Effect.CACHES, "REFRESH TABLE", "RefreshTable");
    words(Effect.CACHES, "CACHE TABLE", "CacheTable", "CacheTableAsSelect");
    words(Effect.CACHES, "UNCACHE TABLE", "UncacheTable");
    words(Effect.CACHES, "CLEAR CACHE", "ClearCacheCommand");
    words(Effect.CONFIGURES, "SET", "SetCommand");
    words(Effect.CONFIGURES, "RESET", "ResetCommand");
    words(Effect.CONFIGURES, "DECLARE VARIABLE", "CreateVariable");
    words(Effect.CONFIGURES, "SET VARIABLE", "SetVariable");
    words(Effect.CONFIGURES, "DROP VARIABLE", "DropVariable");
    words(Effect.ADDS_CODE, "ADD JAR", "AddJarsCommand");
    words(Effect.ADDS_CODE, "ADD FILE", "AddFilesCommand");
    words(Effect.ADDS_CODE, "ADD ARCHIVE", "AddArchivesCommand");
    words(
        Effect.ADDS_CODE,
        "CREATE FUNCTION",
        "CreateFunction",
        "CreateFunctionCommand",
        "CreateUserDefinedFunction",
        "CreateSQLFunctionCommand");
  }

  private static Finding finding(String name, LogicalPlan node) {
    Words known = KNOWN.get(name);
    if (known == null) {
      boolean alters =
          name.startsWith("Alter") || name.contains("Properties") || name.contains("Column");
      return new Finding(
          alters ? "ALTER" : name, target(node), alters ? Effect.CHANGES_CATALOG : Effect.OTHER);
    }
    String words = known.statement();
    if (node instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement i
        && i.overwrite()) {
      words = "INSERT OVERWRITE";
    }
    if (node instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir d
        && d.isLocal()) {
      words = "INSERT OVERWRITE LOCAL DIRECTORY";
    }
    return new Finding(words, target(node), known.effect());
  }

  /** The table, folder or setting a node acts on, if one of its fields names it. */
  static String target(LogicalPlan node) {
    if (node instanceof SetCommand set && set.kv().isDefined()) {
      return set.kv().get()._1();
    }
    scala.collection.Iterator<Object> fields = node.productIterator();
    while (fields.hasNext()) {
      String n = name(fields.next());
      if (n != null) {
        return n.startsWith("spark_catalog.") ? n.substring("spark_catalog.".length()) : n;
      }
    }
    return null;
  }

  private static String name(Object field) {
    if (field instanceof scala.Option<?> o) {
      return o.isDefined() ? name(o.get()) : null;
    }
    if (field instanceof UnresolvedRelation r) {
      return r.tableName();
    }
    if (field instanceof UnresolvedIdentifier u) {
      return String.join(".", CollectionConverters.asJava(u.nameParts()));
    }
    if (field instanceof org.apache.spark.sql.catalyst.analysis.ResolvedIdentifier r) {
      return r.identifier().toString();
    }
    if (field instanceof org.apache.spark.sql.catalyst.analysis.ResolvedTable r) {
      return r.identifier().toString();
    }
    if (field instanceof org.apache.spark.sql.catalyst.analysis.NamedRelation r) {
      return r.name();
    }
    if (field instanceof CatalogTable t) {
      return t.identifier().unquotedString();
    }
    if (field instanceof org.apache.spark.sql.catalyst.TableIdentifier t) {
      return t.unquotedString();
    }
    if (field instanceof CatalogStorageFormat s && s.locationUri().isDefined()) {
      return "'" + s.locationUri().get() + "'";
    }
    if (field instanceof org.apache.spark.sql.execution.datasources.LogicalRelation r) {
      return name(r.catalogTable());
    }
    return null;
  }
}
