package vn.extrel.warehouse.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.CacheTable;
import org.apache.spark.connect.proto.Catalog;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.CommonInlineUserDefinedFunction;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.KeyValue;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Project;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.ScalarScalaUDF;
import org.apache.spark.connect.proto.SqlCommand;
import org.apache.spark.connect.proto.WriteOperation;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.spark.PlanAccess.Effect;
import vn.extrel.warehouse.spark.ReadOnlyGuard.Access;

/**
 * What {@code serve} lets a Spark Connect client ask, on the requests the client sends (the
 * process-level test runs the real client against the server: CliProcessIT).
 */
class ConnectRequestsTest {

  static ExecutePlanRequest command(Command.Builder c) {
    return ExecutePlanRequest.newBuilder()
        .setSessionId("00000000-0000-0000-0000-000000000000")
        .setPlan(Plan.newBuilder().setCommand(c))
        .build();
  }

  static ExecutePlanRequest query(Relation.Builder r) {
    return ExecutePlanRequest.newBuilder().setPlan(Plan.newBuilder().setRoot(r)).build();
  }

  static final Relation.Builder RANGE =
      Relation.newBuilder().setRange(org.apache.spark.connect.proto.Range.newBuilder().setEnd(1));

  @Test
  void sqlGoesOnToTheAnalyserAndDataFrameWritesStopHere() {
    ExecutePlanRequest sql =
        command(Command.newBuilder().setSqlCommand(SqlCommand.newBuilder().setSql("SELECT 1")));
    assertThat(ConnectRequests.refusal(sql, Access.READ_ONLY)).isEmpty();

    ExecutePlanRequest save =
        command(
            Command.newBuilder()
                .setWriteOperation(
                    WriteOperation.newBuilder().setInput(RANGE).setPath("/w/silver/trade")));
    assertThat(ConnectRequests.refusal(save, Access.READ_ONLY))
        .hasValueSatisfying(
            f -> {
              assertThat(f.statement()).isEqualTo("save '/w/silver/trade'");
              assertThat(f.effect()).isEqualTo(Effect.WRITES_TABLE);
            });
    assertThat(ConnectRequests.refusal(save, Access.WRITE)).as("with the write token").isEmpty();

    ExecutePlanRequest insertInto =
        command(
            Command.newBuilder()
                .setWriteOperation(
                    WriteOperation.newBuilder()
                        .setInput(RANGE)
                        .setTable(
                            WriteOperation.SaveTable.newBuilder()
                                .setTableName("silver.fdi")
                                .setSaveMethod(
                                    WriteOperation.SaveTable.TableSaveMethod
                                        .TABLE_SAVE_METHOD_INSERT_INTO))));
    assertThat(ConnectRequests.refusal(insertInto, Access.READ_ONLY).get().statement())
        .isEqualTo("insertInto silver.fdi");
  }

  @Test
  void settingsCachesAndCatalogChangesNeedTheToken() {
    ConfigRequest set =
        ConfigRequest.newBuilder()
            .setOperation(
                ConfigRequest.Operation.newBuilder()
                    .setSet(
                        ConfigRequest.Set.newBuilder()
                            .addPairs(
                                KeyValue.newBuilder()
                                    .setKey("spark.sql.ansi.enabled")
                                    .setValue("false"))))
            .build();
    assertThat(ConnectRequests.refusal(set, Access.READ_ONLY).get().effect())
        .isEqualTo(Effect.CONFIGURES);
    assertThat(ConnectRequests.refusal(set, Access.WRITE)).isEmpty();
    ConfigRequest get =
        ConfigRequest.newBuilder()
            .setOperation(
                ConfigRequest.Operation.newBuilder()
                    .setGet(ConfigRequest.Get.newBuilder().addKeys("spark.sql.ansi.enabled")))
            .build();
    assertThat(ConnectRequests.refusal(get, Access.READ_ONLY)).isEmpty();

    AnalyzePlanRequest persist =
        AnalyzePlanRequest.newBuilder()
            .setPersist(AnalyzePlanRequest.Persist.newBuilder().setRelation(RANGE))
            .build();
    assertThat(ConnectRequests.refusal(persist, Access.READ_ONLY).get().effect())
        .isEqualTo(Effect.CACHES);

    ExecutePlanRequest cacheTable =
        query(
            Relation.newBuilder()
                .setCatalog(
                    Catalog.newBuilder()
                        .setCacheTable(CacheTable.newBuilder().setTableName("gold.indicators"))));
    assertThat(ConnectRequests.refusal(cacheTable, Access.READ_ONLY).get().statement())
        .isEqualTo("catalog.cacheTable");
    ExecutePlanRequest listTables =
        query(
            Relation.newBuilder()
                .setCatalog(
                    Catalog.newBuilder()
                        .setListTables(org.apache.spark.connect.proto.ListTables.newBuilder())));
    assertThat(ConnectRequests.refusal(listTables, Access.READ_ONLY)).isEmpty();
  }

  @Test
  void codeIsRefusedWithOrWithoutTheToken() {
    ExecutePlanRequest udf =
        query(
            Relation.newBuilder()
                .setProject(
                    Project.newBuilder()
                        .setInput(RANGE)
                        .addExpressions(
                            Expression.newBuilder()
                                .setCommonInlineUserDefinedFunction(
                                    CommonInlineUserDefinedFunction.newBuilder()
                                        .setFunctionName("plusOne")
                                        .setScalarScalaUdf(ScalarScalaUDF.newBuilder())))));
    for (Access access : Access.values()) {
      assertThat(ConnectRequests.refusal(udf, access).get().effect()).isEqualTo(Effect.ADDS_CODE);
      assertThat(ConnectRequests.refusal(artifact("jars/evil.jar"), access).get().effect())
          .isEqualTo(Effect.ADDS_CODE);
    }
    assertThat(ConnectRequests.refusal(query(RANGE), Access.READ_ONLY)).isEmpty();
  }

  static AddArtifactsRequest artifact(String name) {
    return AddArtifactsRequest.newBuilder()
        .setBatch(
            AddArtifactsRequest.Batch.newBuilder()
                .addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(name)))
        .build();
  }

  @Test
  void theRowsOfALargeLocalDataFrameMayBeUploadedJarsAndClassesMayNot() {
    assertThat(ConnectRequests.refusal(artifact("cache/0a1b2c"), Access.READ_ONLY)).isEmpty();
    assertThat(ConnectRequests.refusal(artifact("jars/evil.jar"), Access.READ_ONLY)).isPresent();
    assertThat(ConnectRequests.refusal(artifact("classes/Evil.class"), Access.WRITE)).isPresent();
  }
}
