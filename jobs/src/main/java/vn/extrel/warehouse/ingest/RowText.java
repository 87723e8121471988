package vn.extrel.warehouse.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.extrel.warehouse.util.Text;

/** A row's text as headers, errors and the layout's patterns read it. */
final class RowText {
  private RowText() {}

  /** The row's cells' text, squished and joined with " | ". */
  static String joined(RawRow row) {
    StringBuilder sb = new StringBuilder();
    for (RawCell c : row.cells()) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(Text.squish(c.text()));
    }
    return sb.toString();
  }

  static List<String> texts(Collection<RawRow> rows) {
    List<String> out = new ArrayList<>();
    for (RawRow r : rows) {
      out.add(joined(r));
    }
    return out;
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
