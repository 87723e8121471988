package vn.extrel.warehouse.report;

import java.util.List;
import vn.extrel.warehouse.gold.IndicatorDefinition;

/**
 * Where a report's templates find figures: {@code gold.indicators} for the report year and the year
 * before ({@link WarehouseFigures}), by indicator, breakdown and member.
 */
interface Figures {

  /** The report year. */
  int year();

  /** The indicator of an id, or null when there is none. */
  IndicatorDefinition definition(String indicator);

  /** Every indicator id, for messages. */
  List<String> indicators();

  /** A figure of the report year; one that does not exist answers {@code exists = false}. */
  Figure figure(IndicatorDefinition indicator, String dimension, String member);

  /** Every member of a breakdown in the report year, largest first. */
  List<Figure> members(IndicatorDefinition indicator, String dimension);
}
