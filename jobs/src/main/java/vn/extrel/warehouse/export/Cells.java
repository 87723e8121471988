package vn.extrel.warehouse.export;

/**
 * Text a spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code +cmd}, {@code @SUM})
 * is made inert by a leading apostrophe, as OWASP advises for CSV injection; Excel and LibreOffice
 * show the text and run nothing. Only text is touched: numbers keep their sign.
 */
public final class Cells {
  private Cells() {}

  public static boolean dangerous(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  public static String inert(String text) {
    return dangerous(text) ? "'" + text : text;
  }
}
