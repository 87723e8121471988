package vn.extrel.warehouse.util;

/** A1-style cell references: column letters and 1-based rows, as a spreadsheet user reads them. */
public final class CellRef {
  private CellRef() {}

  /** 0 → "A", 25 → "Z", 26 → "AA". */
  public static String column(int index) {
    StringBuilder sb = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int rem = (n - 1) % 26;
      sb.insert(0, (char) ('A' + rem));
      n = (n - 1) / 26;
    }
    return sb.toString();
  }

  /** "A" → 0, "AA" → 26; -1 when the text is not column letters. */
  public static int columnIndex(String letters) {
    if (letters == null || letters.isEmpty()) {
      return -1;
    }
    int n = 0;
    for (char c : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c < 'A' || c > 'Z') {
        return -1;
      }
      n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
  }

  private static final String[] LETTERS = new String[702];

  static {
    for (int i = 0; i < LETTERS.length; i++) {
      LETTERS[i] = column(i);
    }
  }

  /** "C", 12 → "C12". */
  public static String of(int columnIndex, int row) {
    return (columnIndex < LETTERS.length ? LETTERS[columnIndex] : column(columnIndex)) + row;
  }

  /** Parses "C12" into {column index, row}; null when malformed. */
  public static int[] parse(String ref) {
    if (ref == null) {
      return null;
    }
    int i = 0;
    while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
      i++;
    }
    if (i == 0 || i == ref.length()) {
      return null;
    }
    int col = columnIndex(ref.substring(0, i));
    try {
      int row = Integer.parseInt(ref.substring(i));
      return col < 0 || row < 1 ? null : new int[] {col, row};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
