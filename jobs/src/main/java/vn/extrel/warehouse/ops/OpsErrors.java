package vn.extrel.warehouse.ops;

import java.util.List;
import vn.extrel.warehouse.errors.UserException;

/**
 * The errors of the warehouse's own bookkeeping: its tables changed by something else than a load.
 */
public final class OpsErrors {
  private OpsErrors() {}

  /** The one-line error of a load that finds damage and was not asked to repair it. */
  public static UserException changedOutsideALoad(List<TableIntegrity.Damage> damage) {
    StringBuilder sb = new StringBuilder("the warehouse was changed outside a load: ");
    for (int i = 0; i < damage.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(damage.get(i).describe());
    }
    return new UserException(
        sb
            + ". Nothing was loaded. Rewrite the tables from the sources with 'warehouse load"
            + " --force' (see 'warehouse history TABLE' for what changed)");
  }
}
