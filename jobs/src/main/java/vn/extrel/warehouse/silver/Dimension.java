package vn.extrel.warehouse.silver;

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
}
