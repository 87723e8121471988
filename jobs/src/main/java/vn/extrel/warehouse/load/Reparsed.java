package vn.extrel.warehouse.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.table.FileStatus;

/** Silver parsed again from bronze after a change of layouts or reference lists. */
record Reparsed(Written written, List<Row> dq, Set<String> files) {
  static final Reparsed NONE = new Reparsed(Written.NONE, List.of(), Set.of());

  static Reparsed run(
      SparkSession spark,
      Warehouse w,
      String runId,
      Scan scan,
      Fresh fresh,
      Stages stages,
      WarehouseConfig config) {
    if (!scan.reparseAll()) {
      return NONE;
    }
    // Every current file, without reading it again; those just loaded are done.
    Map<String, String> current = new LinkedHashMap<>();
    scan.known().values().stream()
        .filter(
            e ->
                FileStatus.LOADED.equals(e.status())
                    && scan.plan().files().containsKey(e.path())
                    && !fresh.loaded().containsKey(e.path()))
        .forEach(e -> current.put(e.path(), e.sha256()));
    if (current.isEmpty()) {
      return NONE;
    }
    SilverPass pass =
        stages.time(
            "silver-reparse",
            current.size() + " files",
            () -> SilverPass.run(spark, w, runId, current, null, config));
    return new Reparsed(pass.written(), pass.dq(), Set.copyOf(current.keySet()));
  }
}
