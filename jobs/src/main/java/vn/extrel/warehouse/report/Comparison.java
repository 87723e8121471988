package vn.extrel.warehouse.report;

/**
 * Whether a figure can be compared with the year before, and if not, why. A sentence never prints a
 * ratio the data cannot support: each kind but {@link #COMPARABLE} and {@link #MIXED_STATUS} has
 * its own wording instead of the ratio.
 */
public enum Comparison {
  /** Both years have a value, the base is not zero, in the same unit and with the same status. */
  COMPARABLE,
  /** The report year itself has no figure. */
  NO_FIGURE,
  /** The year before has no figure at all (the indicator has no data for that year). */
  NO_BASE,
  /** The year before is zero (or the member is absent from a year that has data). */
  ZERO_BASE,
  /** The source cells of the two years are in different base units (VND one year, USD the next). */
  UNIT_CHANGE,
  /**
   * Comparable, but one year is preliminary or estimated and the other final: the ratio is printed
   * with a note saying so.
   */
  MIXED_STATUS;

  /** Whether the ratio may be printed. */
  public boolean hasRatio() {
    return this == COMPARABLE || this == MIXED_STATUS;
  }
}
