package vn.extrel.warehouse.serve;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.Catalog;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.WriteOperation;
import org.sparkproject.connect.protobuf.Descriptors;
import org.sparkproject.connect.protobuf.Message;
import vn.extrel.warehouse.spark.PlanAccess.Effect;
import vn.extrel.warehouse.spark.PlanAccess.Finding;
import vn.extrel.warehouse.spark.ReadOnlyGuard.Access;

/**
 * What a Spark Connect client may ask of {@code warehouse serve}, decided from the request before
 * the server plans it. SQL and DataFrame queries reach Spark's analyser, whose check rule (see
 * {@link vn.extrel.warehouse.spark.ReadOnlyGuard}) decides them; this covers what never does or
 * does too late: DataFrame writes, settings, caching through the catalog API, artifacts (jars,
 * classes), and user-defined functions, whose code the client sends along.
 */
public final class ConnectRequests {
  private ConnectRequests() {}

  /** Commands a reader may send: SQL (checked by the analyser), temporary views, resources. */
  private static final Set<Command.CommandTypeCase> READING_COMMANDS =
      EnumSet.of(
          Command.CommandTypeCase.SQL_COMMAND,
          Command.CommandTypeCase.CREATE_DATAFRAME_VIEW,
          Command.CommandTypeCase.GET_RESOURCES_COMMAND);

  /** Catalog calls that only look. */
  private static final Set<Catalog.CatTypeCase> READING_CATALOG =
      EnumSet.of(
          Catalog.CatTypeCase.CURRENT_DATABASE,
          Catalog.CatTypeCase.SET_CURRENT_DATABASE,
          Catalog.CatTypeCase.LIST_DATABASES,
          Catalog.CatTypeCase.LIST_TABLES,
          Catalog.CatTypeCase.LIST_FUNCTIONS,
          Catalog.CatTypeCase.LIST_COLUMNS,
          Catalog.CatTypeCase.GET_DATABASE,
          Catalog.CatTypeCase.GET_TABLE,
          Catalog.CatTypeCase.GET_FUNCTION,
          Catalog.CatTypeCase.DATABASE_EXISTS,
          Catalog.CatTypeCase.TABLE_EXISTS,
          Catalog.CatTypeCase.FUNCTION_EXISTS,
          Catalog.CatTypeCase.IS_CACHED,
          Catalog.CatTypeCase.CURRENT_CATALOG,
          Catalog.CatTypeCase.SET_CURRENT_CATALOG,
          Catalog.CatTypeCase.LIST_CATALOGS,
          // Since Spark 4.2 (the catalog calls that change something are refused by not being
          // here).
          Catalog.CatTypeCase.LIST_VIEWS,
          Catalog.CatTypeCase.LIST_PARTITIONS,
          Catalog.CatTypeCase.GET_TABLE_PROPERTIES,
          Catalog.CatTypeCase.GET_CREATE_TABLE_STRING);

  /** Messages that carry code for the server to run, by their protobuf names. */
  private static final Map<String, String> CODE =
      Map.of(
          "spark.connect.CommonInlineUserDefinedFunction", "a user-defined function",
          "spark.connect.CommonInlineUserDefinedTableFunction", "a user-defined table function",
          "spark.connect.CommonInlineUserDefinedDataSource", "a user-defined data source",
          "spark.connect.ScalarScalaUDF", "a Scala function",
          "spark.connect.JavaUDF", "a Java function",
          "spark.connect.PythonUDF", "a Python function",
          "spark.connect.PythonUDTF", "a Python table function",
          "spark.connect.PythonDataSource", "a Python data source",
          "spark.connect.MlRelation", "Spark ML",
          "spark.connect.MlCommand", "Spark ML");

  /** What the request asks that an {@code access} client may not; empty when it may go on. */
  public static Optional<Finding> refusal(Object request, Access access) {
    if (request instanceof AddArtifactsRequest a && !onlyCachedData(a)) {
      return Optional.of(
          new Finding("adding artifacts (jars, classes, files)", null, Effect.ADDS_CODE));
    }
    if (request instanceof Message m) {
      Finding code = code(m);
      if (code != null) {
        return Optional.of(code);
      }
    }
    if (access == Access.WRITE) {
      return Optional.empty();
    }
    if (request instanceof ExecutePlanRequest e && e.getPlan().hasCommand()) {
      Command c = e.getPlan().getCommand();
      if (!READING_COMMANDS.contains(c.getCommandTypeCase())) {
        return Optional.of(command(c));
      }
    }
    if (request instanceof AnalyzePlanRequest a
        && a.getAnalyzeCase() == AnalyzePlanRequest.AnalyzeCase.PERSIST) {
      return Optional.of(new Finding("persist", null, Effect.CACHES));
    }
    if (request instanceof ConfigRequest c) {
      ConfigRequest.Operation op = c.getOperation();
      if (op.hasSet()) {
        List<String> keys = op.getSet().getPairsList().stream().map(p -> p.getKey()).toList();
        return Optional.of(new Finding("conf.set", String.join(", ", keys), Effect.CONFIGURES));
      }
      if (op.hasUnset()) {
        return Optional.of(
            new Finding(
                "conf.unset", String.join(", ", op.getUnset().getKeysList()), Effect.CONFIGURES));
      }
    }
    if (request instanceof Message m) {
      return Optional.ofNullable(catalog(m));
    }
    return Optional.empty();
  }

  /**
   * Artifacts named {@code cache/...} are data: the rows of a large local DataFrame, which the
   * client uploads instead of sending them in the plan. Everything else (jars, classes, files,
   * archives) would be code or files on the server.
   */
  private static boolean onlyCachedData(AddArtifactsRequest a) {
    List<String> names =
        a.hasBatch()
            ? a.getBatch().getArtifactsList().stream()
                .map(AddArtifactsRequest.SingleChunkArtifact::getName)
                .toList()
            : a.hasBeginChunk() ? List.of(a.getBeginChunk().getName()) : List.of();
    // A message of neither kind continues an artifact whose first message was decided.
    return names.stream().allMatch(n -> n.startsWith("cache/"));
  }

  private static Finding command(Command c) {
    return switch (c.getCommandTypeCase()) {
      case WRITE_OPERATION -> write(c.getWriteOperation());
      case WRITE_OPERATION_V2 ->
          new Finding("writeTo", c.getWriteOperationV2().getTableName(), Effect.WRITES_TABLE);
      case MERGE_INTO_TABLE_COMMAND ->
          new Finding(
              "mergeInto", c.getMergeIntoTableCommand().getTargetTableName(), Effect.WRITES_TABLE);
      case REGISTER_FUNCTION, REGISTER_TABLE_FUNCTION, REGISTER_DATA_SOURCE ->
          new Finding("registering a function", null, Effect.ADDS_CODE);
      case CHECKPOINT_COMMAND -> new Finding("checkpoint", null, Effect.CACHES);
      case WRITE_STREAM_OPERATION_START -> new Finding("writeStream", null, Effect.WRITES_FILES);
      default ->
          new Finding(
              c.getCommandTypeCase().name().toLowerCase(java.util.Locale.ROOT), null, Effect.OTHER);
    };
  }

  private static Finding write(WriteOperation w) {
    if (w.hasTable()) {
      String method =
          w.getTable().getSaveMethod()
                  == WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO
              ? "insertInto"
              : "saveAsTable";
      return new Finding(method, w.getTable().getTableName(), Effect.WRITES_TABLE);
    }
    return new Finding("save", w.hasPath() ? "'" + w.getPath() + "'" : null, Effect.WRITES_TABLE);
  }

  /** The first message of the request, at any depth, that carries code. */
  private static Finding code(Message m) {
    String what = CODE.get(m.getDescriptorForType().getFullName());
    if (what != null) {
      return new Finding(what, null, Effect.ADDS_CODE);
    }
    for (Message child : children(m)) {
      Finding f = code(child);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** The first catalog call of the request that changes something. */
  private static Finding catalog(Message m) {
    if (m instanceof Catalog c && !READING_CATALOG.contains(c.getCatTypeCase())) {
      String name = c.getCatTypeCase().name().toLowerCase(java.util.Locale.ROOT);
      Effect effect =
          name.contains("cache") || name.startsWith("refresh")
              ? Effect.CACHES
              : name.startsWith("truncate") ? Effect.WRITES_TABLE : Effect.CHANGES_CATALOG;
      return new Finding("catalog." + camel(name), null, effect);
    }
    for (Message child : children(m)) {
      Finding f = catalog(child);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static List<Message> children(Message m) {
    List<Message> out = new java.util.ArrayList<>();
    for (Map.Entry<Descriptors.FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (f.getValue() instanceof List<?> list) {
        list.forEach(v -> out.add((Message) v));
      } else {
        out.add((Message) f.getValue());
      }
    }
    return out;
  }

  /** cache_table: cacheTable, as the client's API names it. */
  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }
}
