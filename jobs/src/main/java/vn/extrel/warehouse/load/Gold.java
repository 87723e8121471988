package vn.extrel.warehouse.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.HeldTables;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.quality.RuleEngine;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.PartnerTable;

/**
 * Gold and the table-wide rules.
 *
 * @param ran whether gold was computed (else the table-wide results stay as they are)
 * @param tableWide the uniqueness and year-over-year rules' results
 * @param revisions the findings about publications; null when gold was not computed
 */
record Gold(Written written, boolean ran, List<Row> tableWide, List<Row> revisions) {

  static Gold run(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Fresh fresh,
      boolean silverChanged,
      Stages stages,
      WarehouseConfig config) {
    boolean ran = silverChanged || scan.regold();
    GoldStage gold = new GoldStage(config);
    Written partners =
        ran || !w.exists(spark, PartnerTable.ID)
            ? stages.time("partners", "", () -> gold.partners(spark, w, runId))
            : Written.NONE;
    if (!ran) {
      return new Gold(partners, false, List.of(), null);
    }
    return stages.time(
        "gold",
        config.indicators().indicators().size() + " indicators",
        () -> {
          RuleEngine rules = new RuleEngine(config.rules(), config.reference(), runId);
          // The uniqueness of silver's rows is checked again whenever gold is written, or a
          // gold-only run (a changed indicator) would drop its results.
          List<Row> tableWide = new ArrayList<>();
          Map<String, Dataset<Row>> silverTables = new LinkedHashMap<>();
          HeldTables silver = new HeldTables(spark, w);
          for (FactTable t : FactTables.all()) {
            Dataset<Row> table = silver.get(t.table());
            tableWide.addAll(rules.unique(table, t));
            silverTables.put(t.name(), table);
          }
          GoldStage.Built built = gold.indicators(spark, w, silver, runId, fresh.loaded().keySet());
          tableWide.addAll(rules.yoy(w.readHeld(spark, IndicatorsTable.ID), silverTables));
          return new Gold(
              partners.plus(built.written()), true, List.copyOf(tableWide), built.revisions());
        });
  }
}
