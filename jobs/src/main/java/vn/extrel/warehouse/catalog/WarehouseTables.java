package vn.extrel.warehouse.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.gold.IndicatorsTable;
import vn.extrel.warehouse.gold.VintagesTable;
import vn.extrel.warehouse.ops.DqResultsTable;
import vn.extrel.warehouse.ops.FileLoadsTable;
import vn.extrel.warehouse.ops.FilesTable;
import vn.extrel.warehouse.ops.LoadRunsTable;
import vn.extrel.warehouse.silver.ExcludedRowsTable;
import vn.extrel.warehouse.silver.MemberKeys;
import vn.extrel.warehouse.silver.PartnerTable;
import vn.extrel.warehouse.silver.QuarantineTable;
import vn.extrel.warehouse.silver.Target;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.util.Parallel;

/** Every table of the warehouse with its schema, and their creation on first use. */
public final class WarehouseTables {
  private WarehouseTables() {}

  /**
   * Table properties set at creation, with their reasons. Time travel answers "as published on"; a
   * year of log keeps a year of versions reachable; deleted files stay 30 days for readers of older
   * versions.
   */
  public static final Map<String, String> PROPERTIES =
      Map.of(
          "delta.logRetentionDuration", "interval 365 days",
          "delta.deletedFileRetentionDuration", "interval 30 days");

  /** Properties of one table beyond {@link #PROPERTIES}. */
  public static Map<String, String> properties(TableId table) {
    if (table.equals(BronzeTable.ID)) {
      return BronzeTable.PROPERTIES;
    }
    if (table.equals(QuarantineTable.ID)) {
      return QuarantineTable.PROPERTIES;
    }
    if (table.equals(ExcludedRowsTable.ID)) {
      return ExcludedRowsTable.PROPERTIES;
    }
    for (Target t : Targets.all()) {
      if (table.equals(t.table())) {
        return t.properties();
      }
    }
    return Map.of();
  }

  public static Map<TableId, StructType> all() {
    Map<TableId, StructType> tables = new LinkedHashMap<>();
    tables.put(BronzeTable.ID, BronzeTable.SCHEMA);
    for (Target t : Targets.all()) {
      tables.put(t.table(), t.schema());
    }
    tables.put(QuarantineTable.ID, QuarantineTable.SCHEMA);
    tables.put(ExcludedRowsTable.ID, ExcludedRowsTable.SCHEMA);
    tables.put(PartnerTable.ID, PartnerTable.SCHEMA);
    tables.put(MemberKeys.ID, MemberKeys.SCHEMA);
    tables.put(IndicatorsTable.ID, IndicatorsTable.SCHEMA);
    tables.put(VintagesTable.ID, VintagesTable.SCHEMA);
    tables.put(FilesTable.ID, FilesTable.SCHEMA);
    tables.put(LoadRunsTable.ID, LoadRunsTable.SCHEMA);
    tables.put(DqResultsTable.ID, DqResultsTable.SCHEMA);
    tables.put(FileLoadsTable.ID, FileLoadsTable.SCHEMA);
    return tables;
  }

  /** The tables that hold facts and their lineage (not the operational log). */
  public static List<TableId> data() {
    List<TableId> out = new ArrayList<>(List.of(BronzeTable.ID));
    Targets.all().forEach(t -> out.add(t.table()));
    out.addAll(
        List.of(
            QuarantineTable.ID,
            ExcludedRowsTable.ID,
            PartnerTable.ID,
            IndicatorsTable.ID,
            VintagesTable.ID));
    return out;
  }

  /** Creates what is missing, side by side: each creation is one small commit. */
  public static void ensure(SparkSession spark, Warehouse w, int threads) {
    List<Callable<Boolean>> creates = new ArrayList<>();
    all()
        .forEach(
            (id, schema) ->
                creates.add(
                    () -> {
                      w.ensure(spark, id, schema);
                      return true;
                    }));
    Parallel.all(creates, threads);
  }
}
