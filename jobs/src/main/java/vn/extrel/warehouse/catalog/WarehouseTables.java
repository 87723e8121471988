package vn.extrel.warehouse.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * Every table of the warehouse with its schema. Tables are created by their first write (see {@link
 * Warehouse#read}).
 */
public final class WarehouseTables {
  private WarehouseTables() {}

  /**
   * The table's own properties (its file statistics), beyond the Delta defaults every table gets
   * from the session (see SparkSessions).
   */
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
}
