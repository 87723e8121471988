package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.quality.RuleEngine;

/** One silver pass over some file versions: the totals check, then the rows. */
record SilverPass(SilverStage.Result result, Written written, List<Row> dq) {

  /**
   * @param headers the tables' headers as the readers reported them; null to read them back from
   *     bronze
   */
  static SilverPass run(
      SparkSession spark,
      Warehouse w,
      String runId,
      Map<String, String> versions,
      TableHeaders headers,
      WarehouseConfig config) {
    SilverStage silver = new SilverStage(config);
    RuleEngine rules = new RuleEngine(config.rules(), config.reference(), runId);
    TableHeaders h = headers != null ? headers : silver.headers(spark, w, versions);
    SilverStage.Reconciled totals = silver.reconcile(spark, w, runId, versions, h);
    RuleEngine.Totals decided = rules.totals(totals.mismatches());
    SilverStage.Result result =
        silver.write(spark, w, runId, versions, rules, decided.rejected(), h);
    List<Row> dq = new ArrayList<>(decided.results());
    dq.addAll(result.dq());
    return new SilverPass(result, totals.written().plus(result.written()), List.copyOf(dq));
  }
}
