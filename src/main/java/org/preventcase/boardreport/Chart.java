package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart of one column of a table, drawn by the template as SVG on the server (no
 * script, no outside library), from the published figures only: a withheld count gets no bar and its
 * marker. The table beside it holds the same figures for those who do not read the chart.
 */
public record Chart(String title, int width, int height, List<Bar> bars) {

  static final int WIDTH = 640;
  static final int ROW = 44;
  static final int LONGEST_BAR = 520;

  /** A category's label (its baseline {@code labelY}), its bar and the figure written after it. */
  public record Bar(String label, int labelY, int barY, int barWidth, String text, int textX, int textY) {}

  /** A bar per category, in order, scaled to the longest shown figure. */
  public static Chart of(String title, List<Map.Entry<String, Figure>> figures) {
    double longest = figures.stream().map(Map.Entry::getValue).filter(Figure::shown)
        .mapToDouble(Figure::number).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (Map.Entry<String, Figure> category : figures) {
      Figure figure = category.getValue();
      int width = figure.shown() && longest > 0 ? (int) Math.round(Math.max(figure.number(), 0) / longest * LONGEST_BAR)
          : 0;
      bars.add(new Bar(category.getKey(), y + 16, y + 22, width, figure.text(), width + 6, y + 36));
      y += ROW;
    }
    return new Chart(title, WIDTH, Math.max(y, ROW), bars);
  }
}
