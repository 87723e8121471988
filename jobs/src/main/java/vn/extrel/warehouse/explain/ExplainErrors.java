package vn.extrel.warehouse.explain;

import java.util.List;
import vn.extrel.warehouse.errors.UserException;

/** The errors of {@code warehouse explain}: a figure that is not there, and how to find one. */
final class ExplainErrors {
  private ExplainErrors() {}

  static UserException unknownIndicator(String indicator, List<String> known) {
    return new UserException("unknown indicator '" + indicator + "'; known: " + known);
  }

  static UserException noFigure(String indicator, int year, String dim, String mem) {
    return new UserException(
        "gold.indicators has no "
            + indicator
            + " for "
            + year
            + " with dimension '"
            + dim
            + "' and member '"
            + mem
            + "'. List what there is with: bin/warehouse sql -e \"SELECT DISTINCT year, dimension,"
            + " member FROM gold.indicators WHERE indicator = '"
            + indicator
            + "'\"");
  }

  static UserException memberDoesNotFit(String mem, String dim) {
    return new UserException(
        "member '"
            + mem
            + "' does not fit dimension '"
            + dim
            + "': give one value per column, joined by /");
  }
}
