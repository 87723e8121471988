package vn.extrel.warehouse.table;

import java.io.Serializable;

/**
 * A descriptive field of a target.
 *
 * @param codeList for {@link FieldType#CODE}, the list in codes.yaml
 * @param stored false for fields that are only read to check or fill another (an activity's
 *     country)
 */
public record Dimension(String name, FieldType type, String codeList, boolean stored)
    implements Serializable {

  public static Dimension of(String name, FieldType type) {
    return new Dimension(name, type, null, true);
  }

  public static Dimension code(String name, String codeList) {
    return new Dimension(name, FieldType.CODE, codeList, true);
  }

  /**
   * True for a member field, one a table can be broken down by (partner, area, sector, flow...);
   * false for the time fields (year, period, status, date) and the ones only read to check others.
   */
  public boolean isMember() {
    return stored
        && switch (type) {
          case YEAR, PERIOD, STATUS, DATE -> false;
          default -> true;
        };
  }
}
