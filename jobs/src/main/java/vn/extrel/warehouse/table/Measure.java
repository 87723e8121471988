package vn.extrel.warehouse.table;

import java.io.Serializable;

/**
 * A measure of a long fact table. Values are stored in {@code baseUnit}; a source unit of another
 * base is refused ("tỷ đồng" in a USD measure), a scaled one is converted ("triệu USD" ×
 * 1,000,000).
 *
 * @param baseUnit the stored unit, or null when the source's unit is kept as it is
 * @param integer whether the measure counts things (then "6.785" in vi is 6785, never 6.785)
 */
public record Measure(String name, String baseUnit, boolean integer) implements Serializable {}
