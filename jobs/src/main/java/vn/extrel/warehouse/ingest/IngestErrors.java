package vn.extrel.warehouse.ingest;

import java.util.List;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.util.Text;

/**
 * Errors that stop one file from loading. Each names the file (and sheet, cell where there is one),
 * says why and what to do; the rest of the night's files go on. Those of a sheet's table (its
 * header, columns and units) are in {@link TableErrors}.
 */
public final class IngestErrors {
  private IngestErrors() {}

  /** A file that could not be read; {@link #code()} is stored with the file's status. */
  public static final class FileException extends UserException {
    private static final long serialVersionUID = 1L;
    private final String code;

    FileException(String code, String message, Throwable cause) {
      super(message, cause);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** The file, and the sheet where there is one, as they can be printed (see Text#printable). */
  static String where(String file, String sheet) {
    return sheet == null
        ? Text.printable(file)
        : Text.printable(file) + " [sheet '" + Text.printable(sheet) + "']";
  }

  public static FileException notASpreadsheet(String file, String what) {
    return new FileException(
        "NOT_A_SPREADSHEET",
        file
            + ": not a spreadsheet ("
            + what
            + "). Send the report as .xlsx, .xls or .csv, or remove it from the"
            + " input folder",
        null);
  }

  public static FileException unreadable(String file, Throwable cause) {
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new FileException(
        "UNREADABLE_FILE",
        file
            + ": cannot be read ("
            + Text.clip(Text.squish(msg), 200)
            + "). Open it in Excel and save it again; if it is"
            + " password-protected, save an unprotected copy",
        cause);
  }

  public static FileException encrypted(String file) {
    return new FileException(
        "ENCRYPTED_WORKBOOK",
        file
            + ": the workbook is password-protected (encrypted). Ask the sender for an unprotected copy, or open"
            + " it with the password and save it without one",
        null);
  }

  public static FileException zipBomb(String file, String part, long size, long packed) {
    return new FileException(
        "SUSPICIOUS_ARCHIVE",
        file
            + ": refused: its part '"
            + part
            + "' would inflate from "
            + packed
            + " to "
            + size
            + " bytes, which no real report does (a zip bomb?). Ask the sender for the original file",
        null);
  }

  public static FileException inflatesTooFar(
      String file, String part, long inflated, long limit, long packed) {
    return new FileException(
        "SUSPICIOUS_ARCHIVE",
        file
            + ": refused: its part '"
            + part
            + "' inflates past "
            + limit
            + " bytes (read so far: "
            + inflated
            + (packed > 0 ? " from " + packed : "")
            + "), whatever size the archive declares; no real report does (a zip bomb?). Ask the"
            + " sender for the original file",
        null);
  }

  public static FileException runTooLong(String file, String part, long limit) {
    return new FileException(
        "CELL_TOO_LARGE",
        file
            + ": refused: its part '"
            + part
            + "' holds a text or tag of more than "
            + limit
            + " bytes, far longer than the 32,767 characters a spreadsheet cell can hold; the file"
            + " is damaged or crafted. Ask the sender for the original",
        null);
  }

  public static FileException xmlDeclaration(String file, String part) {
    return new FileException(
        "HOSTILE_XML",
        file
            + ": refused: its part '"
            + part
            + "' declares a document type or entities (<!DOCTYPE, <!ENTITY), which no spreadsheet"
            + " program writes and which is how XML external entities get in; nothing of it was read."
            + " Ask the sender to save the report again from Excel",
        null);
  }

  /**
   * The last line of defence when a file slips past the limits above: reading it ran the loader out
   * of memory. The allocation that failed is gone; the file fails, the JVM and the night go on.
   */
  public static FileException outOfMemory(String file, Throwable cause) {
    return new FileException(
        "OUT_OF_MEMORY",
        Text.printable(file)
            + ": reading it needed more memory than the loader has (WAREHOUSE_HEAP), which no real"
            + " report does; the file is damaged or crafted. Ask the sender for the original",
        cause);
  }

  public static FileException formulaWithoutValue(
      String file, String sheet, String cell, String formula) {
    return new FileException(
        "FORMULA_WITHOUT_VALUE",
        where(file, sheet)
            + " cell "
            + cell
            + ": the formula '="
            + Text.clip(formula, 80)
            + "' has no saved result (the file was written by a program that does not calculate). Open it in"
            + " Excel or LibreOffice, let it recalculate and save it",
        null);
  }

  public static FileException nulBytes(String file, long offset) {
    return new FileException(
        "NUL_BYTES",
        file
            + ": contains NUL bytes (first at byte "
            + offset
            + "), so it is not a text CSV. If it is UTF-16,"
            + " save it as 'CSV UTF-8'; otherwise it may be a binary file with a .csv name",
        null);
  }

  public static FileException nulBytesAt(String file, int row, int column) {
    return new FileException(
        "NUL_BYTES",
        file
            + " row "
            + row
            + " column "
            + vn.extrel.warehouse.util.CellRef.column(column)
            + ": contains a NUL byte. Save the file again as 'CSV UTF-8' from Excel",
        null);
  }

  public static FileException unreadableCsv(String file, int row, Throwable cause) {
    return new FileException(
        "MALFORMED_CSV",
        file
            + " near record "
            + row
            + ": the CSV cannot be parsed ("
            + Text.clip(String.valueOf(cause.getMessage()), 160)
            + "). Look for an unbalanced double quote on that line",
        cause);
  }

  public static FileException unknownEncoding(String file, String encoding) {
    return new FileException(
        "UNKNOWN_ENCODING",
        file
            + ": the layout names encoding '"
            + encoding
            + "', which Java does not know. Use auto, utf-8,"
            + " utf-16 or windows-1258",
        null);
  }

  public static FileException noSheet(String file, String wanted, List<String> present) {
    return new FileException(
        "SHEET_NOT_FOUND",
        file
            + ": no sheet matches "
            + wanted
            + "; the workbook has "
            + present
            + ". Rename the sheet or change 'sheets' in the layout",
        null);
  }

  public static FileException cellTooLarge(
      String file, String sheet, String cell, long length, long limit) {
    return new FileException(
        "CELL_TOO_LARGE",
        where(file, sheet)
            + " cell "
            + cell
            + ": holds "
            + length
            + " characters, more than the "
            + limit
            + " a spreadsheet cell can hold; the file is damaged or not a report. Ask the sender for the original",
        null);
  }

  /** A cell a layout maps that holds more than a cell can (its exact length is not kept). */
  public static FileException cellTooLarge(String file, String sheet, String cell, long limit) {
    return new FileException(
        "CELL_TOO_LARGE",
        where(file, sheet)
            + " cell "
            + cell
            + ": holds more than the "
            + limit
            + " characters a spreadsheet cell can hold; the file is damaged or not a report. Ask the"
            + " sender for the original",
        null);
  }

  public static FileException tooLarge(String file, String what, long limit) {
    return new FileException(
        "LIMIT_EXCEEDED",
        file
            + ": "
            + what
            + " exceeds the limit of "
            + limit
            + ". Split the file or check it is the right one",
        null);
  }

  public static FileException sheetClaimedTwice(
      String file, String sheet, String layout, String other) {
    return new FileException(
        "SHEET_CLAIMED_TWICE",
        where(file, sheet)
            + ": claimed by both layouts "
            + layout
            + " and "
            + other
            + ". A sheet is read by one layout; make their sheets: exclusive (sheets.name, sheets.regex"
            + " or sheets.index)",
        null);
  }
}
