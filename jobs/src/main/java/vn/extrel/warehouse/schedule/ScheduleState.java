package vn.extrel.warehouse.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.extrel.warehouse.catalog.Warehouse;

/**
 * What a running scheduler tells {@code warehouse status}: its cron, zone, process and next fire
 * time, in {@code <warehouse>/_state/schedule.json} (local warehouses) or {@code
 * ./state/schedule.json}.
 */
public record ScheduleState(
    String cron,
    String zone,
    long pid,
    String startedAt,
    String nextFireTime,
    String lastFireTime) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static Path file(Warehouse w) {
    return w.machineDir().resolve("_state/schedule.json");
  }

  public static Optional<ScheduleState> read(Warehouse w) {
    Path f = file(w);
    try {
      return Files.exists(f)
          ? Optional.of(JSON.readValue(f.toFile(), ScheduleState.class))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void write(Warehouse w) throws IOException {
    Path f = file(w);
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling("schedule.json.tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
    Files.move(
        tmp,
        f,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
