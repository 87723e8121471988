package vn.extrel.warehouse.spark;

import vn.extrel.warehouse.errors.UserException;

/**
 * The one-line refusals of a read-only session: what the statement does, why that is refused here,
 * and what allows it.
 */
public final class Refusals {
  private Refusals() {}

  /** A statement a guarded session may not run; Spark Connect clients see its message too. */
  public static final class Refused extends UserException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * @param hint how to get it after all, ending the message; null where nothing allows it
   */
  public static Refused refused(PlanAccess.Finding f, String hint) {
    String why;
    if (f.effect().runsCode()) {
      why = "no session here runs code of its own";
    } else if (f.effect() == PlanAccess.Effect.CONFIGURES
        || f.effect() == PlanAccess.Effect.CACHES) {
      why = "read-only sessions only query";
    } else {
      why = "the warehouse is written only by 'warehouse load'";
    }
    return new Refused(
        "refused: "
            + f.statement()
            + " "
            + f.effect().phrase()
            + "; "
            + why
            + (hint == null ? "" : ". " + hint));
  }
}
