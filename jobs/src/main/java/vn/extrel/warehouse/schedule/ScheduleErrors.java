package vn.extrel.warehouse.schedule;

import vn.extrel.warehouse.errors.UserException;

/** The errors of the built-in scheduler's options. */
final class ScheduleErrors {
  private ScheduleErrors() {}

  static UserException badCron(String cron, Exception cause) {
    return new UserException(
        "the cron expression '"
            + cron
            + "' is not valid ("
            + cause.getMessage()
            + "). Write five fields (minute hour day month weekday, e.g. '0 2 * * *' for 02:00"
            + " every night) or Quartz's six with seconds ('0 0 2 * * ?')",
        cause);
  }
}
