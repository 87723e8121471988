package vn.extrel.warehouse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a report prints, numbered in the order they first appear: the number links the figure
 * in the text to its lineage (a footnote, a row of the table of sources).
 */
final class Citations {
  private final Map<Figure.Key, Integer> numbers = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  /** The number of a figure, given on its first citation. */
  int cite(Figure f) {
    return numbers.computeIfAbsent(
        f.key(),
        k -> {
          figures.add(f);
          return figures.size();
        });
  }

  /** The figures in citation order: number {@code i + 1} is {@code figures().get(i)}. */
  List<Figure> figures() {
    return List.copyOf(figures);
  }

  Figure figure(int number) {
    return figures.get(number - 1);
  }
}
