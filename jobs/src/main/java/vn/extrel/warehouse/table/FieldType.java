package vn.extrel.warehouse.table;

/**
 * What a target field holds, which decides how its source text is parsed and which columns it
 * becomes.
 */
public enum FieldType {
  /** Free text, NFC-normalised and trimmed. */
  TEXT,
  /** A calendar year: 2016, "2016", "Năm 2016", 2016.0. */
  YEAR,
  /** A reporting period within the year: "Quý I/2016", "6 tháng đầu năm", or the full year. */
  PERIOD,
  /** Figure status: final, preliminary ("sơ bộ"), estimated ("ước tính"). */
  STATUS,
  /** A date: a date cell, an Excel serial number, or text in the column's date format. */
  DATE,
  /**
   * A partner (country, foreign province, organisation) resolved against silver.partner: three
   * columns.
   */
  PARTNER,
  /** A country name resolved to ISO 3166 alpha-3; checks or fills the partner's country. */
  COUNTRY,
  /**
   * A value from a code list in config/reference/codes.yaml (activity types, channels, fields,
   * flows).
   */
  CODE
}
