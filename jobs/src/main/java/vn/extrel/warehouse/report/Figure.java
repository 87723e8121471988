package vn.extrel.warehouse.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import vn.extrel.warehouse.gold.IndicatorDefinition;

/**
 * One figure of {@code gold.indicators} a report cites: the report year's value, the year before,
 * the publications behind it and, read when first needed, its source cells. Templates get it from
 * {@code figure("fdi_disbursed_usd")} and hand it to the wording helpers; its getters ({@code
 * exists}, {@code value}, {@code comparison}, ...) are there for conditions.
 */
public final class Figure {

  /** What a figure is: an indicator's value for a year, in a breakdown and member. */
  public record Key(String indicator, String dimension, String member, int year) {}

  /** One year's row of gold.indicators. */
  public record YearValue(
      BigDecimal value, String status, String publication, LocalDate published) {

    boolean isFinal() {
      return status == null || FINAL.equals(status);
    }
  }

  /** A publication's value of the figure (gold.indicator_vintages). */
  public record Vintage(
      String publication,
      LocalDate published,
      String edition,
      BigDecimal value,
      String status,
      boolean current) {}

  static final String FINAL = "final";

  private final IndicatorDefinition definition;
  private final Key key;
  private final String memberName;
  private final YearValue current;
  private final YearValue previous;
  private final boolean baseYearHasData;
  private final Double ratio;
  private final Double sharePct;
  private final List<Vintage> vintages;
  private final Supplier<FigureLineage> lineage;
  private FigureLineage loaded;

  /**
   * @param previous the year before's row; null when it has none
   * @param baseYearHasData whether the indicator has any figure for the year before: a member
   *     absent from such a year counts as zero, not as missing
   * @param lineage the source cells, read on first use
   */
  public Figure(
      IndicatorDefinition definition,
      Key key,
      String memberName,
      YearValue current,
      YearValue previous,
      boolean baseYearHasData,
      Double ratio,
      Double sharePct,
      List<Vintage> vintages,
      Supplier<FigureLineage> lineage) {
    this.definition = Objects.requireNonNull(definition);
    this.key = key;
    this.memberName = memberName;
    this.current = current;
    this.previous = previous;
    this.baseYearHasData = baseYearHasData;
    this.ratio = ratio;
    this.sharePct = sharePct;
    this.vintages = List.copyOf(vintages);
    this.lineage = lineage;
  }

  public IndicatorDefinition definition() {
    return definition;
  }

  public Key key() {
    return key;
  }

  public YearValue current() {
    return current;
  }

  public YearValue previous() {
    return previous;
  }

  public List<Vintage> vintages() {
    return vintages;
  }

  /** The source cells of both years (read from silver the first time). */
  public synchronized FigureLineage lineage() {
    if (loaded == null) {
      loaded = lineage.get();
    }
    return loaded;
  }

  /** Whether the lineage has been read already. */
  synchronized boolean lineageLoaded() {
    return loaded != null;
  }

  // ---- what templates read -------------------------------------------------------------------

  public String getIndicator() {
    return key.indicator();
  }

  public int getYear() {
    return key.year();
  }

  public String getMember() {
    return key.member();
  }

  public String getMemberName() {
    return memberName;
  }

  public String getUnit() {
    return definition.unit();
  }

  /** Whether the report year has this figure. */
  public boolean isExists() {
    return current != null && current.value() != null;
  }

  /** The value (0 when there is none; test {@code exists} first). */
  public BigDecimal getValue() {
    return isExists() ? current.value() : BigDecimal.ZERO;
  }

  /** The year before's value; 0 when it has none or the member is absent. */
  public BigDecimal getPrev() {
    return previous == null || previous.value() == null ? BigDecimal.ZERO : previous.value();
  }

  /** final, preliminary or estimated. */
  public String getStatus() {
    return current == null || current.status() == null ? FINAL : current.status();
  }

  /** Whether several publications gave this figure different values. */
  public boolean isRestated() {
    return vintages.stream()
            .map(v -> v.value() == null ? null : v.value().stripTrailingZeros())
            .distinct()
            .count()
        > 1;
  }

  /** The comparison with the year before, as the guards see it. */
  public String getComparison() {
    return comparison().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** value / the year before, when it may be printed; null otherwise. */
  public Double getRatio() {
    return comparison().hasRatio() ? ratio() : null;
  }

  /** Share of the year's total in %, for a member of a breakdown; null for a total. */
  public Double getShare() {
    return sharePct;
  }

  // ---- the guards ----------------------------------------------------------------------------

  /** Whether the year before has a figure, zero included. */
  boolean hasBase() {
    return (previous != null && previous.value() != null) || baseYearHasData;
  }

  Comparison comparison() {
    if (!isExists()) {
      return Comparison.NO_FIGURE;
    }
    if (!hasBase()) {
      return Comparison.NO_BASE;
    }
    Set<String> now = lineage().units(key.year());
    Set<String> before = lineage().units(key.year() - 1);
    if (!now.isEmpty() && !before.isEmpty() && !now.equals(before)) {
      return Comparison.UNIT_CHANGE;
    }
    if (getPrev().signum() == 0) {
      return Comparison.ZERO_BASE;
    }
    if (previous != null && !Objects.equals(getStatus(), previousStatus())) {
      return Comparison.MIXED_STATUS;
    }
    return Comparison.COMPARABLE;
  }

  String previousStatus() {
    return previous == null || previous.status() == null ? FINAL : previous.status();
  }

  /** value / the year before, computed where gold has none (it never should when comparable). */
  double ratio() {
    if (ratio != null) {
      return ratio;
    }
    return getValue().doubleValue() / getPrev().doubleValue();
  }

  @Override
  public String toString() {
    return key.indicator()
        + " "
        + key.year()
        + ("total".equals(key.dimension()) ? "" : " " + key.dimension() + "=" + key.member());
  }
}
