package org.preventcase.boardreport;

import java.util.List;

/**
 * The board report of one authority for one statistics year (docs/board-report.md), as published: every
 * count already through {@link Suppression}. Each line has five figures: the four quarters and the year.
 * A {@code partition} table splits the year's referrals (its lines add up to {@link #referrals()});
 * {@code previous} is the previous year's report, suppressed on its own, for the comparisons.
 */
public record BoardReport(String authorityCode, StatisticsYear year, int threshold, Line referrals,
    List<Table> tables, List<StageLine> stages, BoardReport previous) {

  public static final int YEAR = 4;

  /** A category and its figures: quarters 1 to 4, then the year. */
  public record Line(String code, String label, List<Figure> figures) {}

  public record Table(String key, String title, boolean partition, List<Line> lines) {}

  /**
   * A stage: the spells that began in each period and are over ({@code completed}), those that took more
   * than the target, and the median and 90th percentile of their days (shown over at least the threshold's
   * number of spells).
   */
  public record StageLine(String stage, String label, Integer targetDays, Line completed, Line overTarget,
      List<Figure> medianDays, List<Figure> ninetiethPercentileDays) {}

  public Table table(String key) {
    return tables.stream().filter(table -> table.key().equals(key)).findFirst().orElseThrow();
  }
}
