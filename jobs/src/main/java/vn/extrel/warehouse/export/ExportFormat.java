package vn.extrel.warehouse.export;

import java.util.Locale;

/** The file formats indicator tables are exported to. */
public enum ExportFormat {
  CSV("csv"),
  XLSX("xlsx"),
  JSON("json"),
  PARQUET("parquet");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public static ExportFormat of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ExportErrors.unknownFormat(name);
    }
  }
}
