package vn.extrel.warehouse.table;

import java.io.Serializable;

/**
 * A warehouse table: its database (bronze, silver, gold, ops) and name; it lives at {@code
 * <warehouse>/db/name}.
 */
public record TableId(String database, String name) implements Serializable {

  /** The name analysts type: {@code gold.indicators}. */
  public String qualified() {
    return database + "." + name;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
