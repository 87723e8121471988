package vn.extrel.warehouse.notebook;

import java.nio.file.Path;
import java.util.Collection;
import vn.extrel.warehouse.errors.UserException;

/**
 * The errors of {@code notebook run}: each names the notebook and cell ({@code where}), says what
 * is wrong and what to write instead.
 */
final class NotebookErrors {
  private NotebookErrors() {}

  static UserException notJson(Path path, int line, String problem) {
    return new UserException(
        path
            + " is not a notebook: JSON error at line "
            + line
            + ": "
            + problem
            + ". Open and save it in Jupyter, or fix the JSON");
  }

  static UserException unreadable(Path path, Exception cause) {
    return new UserException("cannot read the notebook " + path + ": " + cause.getMessage());
  }

  static UserException notNbformat4(Path path) {
    return new UserException(
        path + " is not an nbformat 4 notebook (no \"nbformat\": 4 and \"cells\" list)");
  }

  static UserException cellFailed(String at, String message, Path outNotebook, Exception cause) {
    return new UserException(
        at
            + " failed: "
            + message
            + " (the notebook as run up to that cell is in "
            + outNotebook
            + ")",
        cause);
  }

  static UserException notAnAssignment(String where, int line, String text) {
    return new UserException(
        where
            + ", parameters cell line "
            + line
            + ": '"
            + text
            + "' is not 'name = value'. Keep only simple assignments in the parameters cell");
  }

  static UserException unknownParameter(String where, String name, Collection<String> known) {
    return new UserException(
        where
            + " has no parameter '"
            + name
            + "'; its parameters are "
            + (known.isEmpty() ? "none (no cell tagged 'parameters')" : known));
  }

  static UserException noStatement(String where) {
    return new UserException(where + ": the %%sql cell has no statement under its first line");
  }

  static UserException optionNeedsValue(String where, String option) {
    return new UserException(where + ": %%sql option " + option + " needs a value");
  }

  static UserException unknownOption(String where, String option) {
    return new UserException(
        where + ": unknown %%sql option " + option + "; use --chart, --x, --y, --label, --title");
  }

  static UserException unknownChart(String where, String type) {
    return new UserException(where + ": --chart " + type + " is not known; use bar or line");
  }

  static UserException chartWithoutColumns(String where) {
    return new UserException(where + ": a chart needs --x COLUMN and --y COLUMN[,COLUMN]");
  }

  static UserException unclosedQuote(String where) {
    return new UserException(where + ": unclosed quote in the %%sql line");
  }

  static UserException notANumberColumn(String where, String column, Object value) {
    return new UserException(where + ": --y " + column + " is not a number column (" + value + ")");
  }

  static UserException noSuchColumn(String where, String name, String[] columns) {
    return new UserException(
        where
            + ": the chart names column '"
            + name
            + "', which the result does not have; its columns are "
            + String.join(", ", columns));
  }
}
