package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.List;

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

  static Chart of(String title, List<BoardReportView.ViewLine> lines, int column) {
    double longest = lines.stream().map(line -> line.figures().get(column)).filter(Figure::shown)
        .mapToDouble(Figure::number).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (BoardReportView.ViewLine line : lines) {
      Figure figure = line.figures().get(column);
      int width = figure.shown() && longest > 0 ? (int) Math.round(figure.number() / longest * LONGEST_BAR) : 0;
      bars.add(new Bar(line.label(), y + 16, y + 22, width, figure.text(), width + 6, y + 36));
      y += ROW;
    }
    return new Chart(title, WIDTH, Math.max(y, ROW), bars);
  }
}
