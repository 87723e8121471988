package vn.extrel.warehouse.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows a stage wrote, by table (in the order written), as the summary and {@code ops.load_runs}
 * report them. Immutable: each stage returns its own, and the job adds them up.
 */
record Written(Map<String, Long> rows) {
  static final Written NONE = new Written(Map.of());

  Written {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  static Written of(String table, long n) {
    return new Written(Map.of(table, n));
  }

  Written plus(String table, long n) {
    return plus(of(table, n));
  }

  Written plus(Written other) {
    if (other.rows.isEmpty()) {
      return this;
    }
    Map<String, Long> sum = new LinkedHashMap<>(rows);
    other.rows.forEach((t, n) -> sum.merge(t, n, Long::sum));
    return new Written(sum);
  }
}
