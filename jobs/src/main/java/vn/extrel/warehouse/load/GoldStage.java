package vn.extrel.warehouse.load;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.DeltaWrites;
import vn.extrel.warehouse.catalog.HeldTables;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.gold.IndicatorBuilder;
import vn.extrel.warehouse.quality.Revisions;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.IndicatorsTable;
import vn.extrel.warehouse.table.PartnerTable;
import vn.extrel.warehouse.table.VintagesTable;
import vn.extrel.warehouse.util.Failpoints;
import vn.extrel.warehouse.util.Rows;

/**
 * The partner dimension from the reference lists, and the indicators from silver, each one
 * overwrite.
 */
final class GoldStage {

  private final WarehouseConfig config;

  GoldStage(WarehouseConfig config) {
    this.config = config;
  }

  /** What writing gold did: the findings about publications, and the rows written by table. */
  record Built(List<Row> revisions, Written written) {}

  Written partners(SparkSession spark, Warehouse w, String runId) {
    List<Row> rows = new ArrayList<>();
    config
        .reference()
        .partners()
        .all()
        .forEach(
            p ->
                rows.add(
                    RowFactory.create(
                        p.id(),
                        p.kind(),
                        p.country(),
                        p.nameVi(),
                        p.nameEn(),
                        Rows.seq(p.aliases()))));
    Dataset<Row> df = spark.createDataFrame(rows, PartnerTable.SCHEMA).coalesce(1);
    return Written.of(
        PartnerTable.ID.qualified(),
        DeltaWrites.overwrite(
            df, w.path(PartnerTable.ID), DeltaWrites.commitInfo(runId, "partners", List.of())));
  }

  /**
   * Writes gold.indicators and gold.indicator_vintages (one overwrite each); returns the findings
   * about publications: values they disagree on, and published ratios the figures do not give.
   */
  Built indicators(
      SparkSession spark, Warehouse w, HeldTables silver, String runId, Collection<String> files) {
    IndicatorBuilder.Built gold =
        new IndicatorBuilder(config.indicators(), config.reference(), config.layouts())
            .build(spark, w, silver, runId);
    Failpoints.hit(Failpoints.DURING_GOLD);
    Written written =
        Written.of(
                IndicatorsTable.ID.qualified(),
                DeltaWrites.overwrite(
                    gold.indicators(),
                    w.path(IndicatorsTable.ID),
                    DeltaWrites.commitInfo(runId, "gold", files)))
            .plus(
                VintagesTable.ID.qualified(),
                DeltaWrites.overwrite(
                    gold.vintages(),
                    w.path(VintagesTable.ID),
                    DeltaWrites.commitInfo(runId, "gold vintages", files)));
    List<Row> revisions =
        new ArrayList<>(
            vn.extrel.warehouse.quality.PublishedRatios.find(
                w.readHeld(spark, IndicatorsTable.ID), runId));
    for (FactTable t : FactTables.all()) {
      if (t.isLongFacts() && w.exists(spark, t.table())) {
        revisions.addAll(Revisions.find(silver.get(t.table()), t, config.layouts(), runId));
      }
    }
    return new Built(List.copyOf(revisions), written);
  }

  static List<LoadResult.HeadlineRow> headline(SparkSession spark, Warehouse w) {
    List<LoadResult.HeadlineRow> out = new ArrayList<>();
    for (Row r :
        w.read(spark, IndicatorsTable.ID)
            .filter(col(IndicatorsTable.DIMENSION).equalTo("total"))
            .orderBy(col(IndicatorsTable.INDICATOR), col(IndicatorsTable.YEAR))
            .collectAsList()) {
      out.add(
          new LoadResult.HeadlineRow(
              r.getAs(IndicatorsTable.INDICATOR),
              r.<Integer>getAs(IndicatorsTable.YEAR),
              r.getAs(IndicatorsTable.VALUE),
              r.getAs(IndicatorsTable.UNIT),
              r.getAs(IndicatorsTable.YOY_RATIO),
              r.getAs(IndicatorsTable.YOY_CHANGE_PCT)));
    }
    return out;
  }
}
