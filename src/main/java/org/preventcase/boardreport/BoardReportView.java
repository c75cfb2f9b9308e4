package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the page, its charts, the CSV and the printed paper show of a board report: the year (its
 * quarters, the year, the previous year and the change) or one quarter (the quarter, the one before, the
 * same quarter a year before, and the changes). Built only from the report's published figures, so it
 * can show nothing the suppression withheld; a change is shown only when both its figures are.
 */
public record BoardReportView(String authorityName, String period, String quarterParameter, List<String> headings,
    int charted, List<ViewTable> tables, List<ViewStage> stages, int threshold) {

  /** A table's line; {@code total} for the line of all referrals that the table splits. */
  public record ViewLine(String label, List<Figure> figures, boolean total) {}

  public record ViewTable(String key, String title, boolean partition, List<ViewLine> lines, Chart chart) {}

  public record ViewStage(String label, Integer targetDays, List<ViewLine> lines) {}

  /** The columns of one line, from the line in this report and the same line a year before. */
  private interface Columns extends BiFunction<List<Figure>, List<Figure>, List<Figure>> {}

  public static BoardReportView year(BoardReport report, String authorityName) {
    StatisticsYear year = report.year();
    List<String> headings = new ArrayList<>();
    for (int quarter = 1; quarter <= 4; quarter++) {
      headings.add(year.quarterName(quarter));
    }
    headings.addAll(List.of("Year " + year.name(), "Year " + year.previous().name(), "Change on " + year.previous().name()));
    Columns columns = (now, before) -> {
      List<Figure> figures = new ArrayList<>(now);
      Figure previous = before.get(BoardReport.YEAR);
      figures.add(previous);
      figures.add(Figure.change(now.get(BoardReport.YEAR), previous));
      return figures;
    };
    return build(report, authorityName, "Statistics year " + year.name(), null, headings, BoardReport.YEAR, columns);
  }

  /** One quarter (1 to 4) of the report's year. */
  public static BoardReportView quarter(BoardReport report, int quarter, String authorityName) {
    StatisticsYear year = report.year();
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter: 1, 2, 3 or 4");
    }
    String before = quarter == 1 ? year.previous().quarterName(4) : year.quarterName(quarter - 1);
    List<String> headings = List.of(year.quarterName(quarter), before, "Change on the previous quarter",
        year.previous().quarterName(quarter), "Change on a year before");
    int q = quarter - 1;
    Columns columns = (now, earlier) -> {
      Figure previousQuarter = quarter == 1 ? earlier.get(3) : now.get(q - 1);
      return List.of(now.get(q), previousQuarter, Figure.change(now.get(q), previousQuarter), earlier.get(q),
          Figure.change(now.get(q), earlier.get(q)));
    };
    return build(report, authorityName, year.quarterName(quarter) + ", statistics year " + year.name(),
        Integer.toString(quarter), headings, 0, columns);
  }

  private static BoardReportView build(BoardReport report, String authorityName, String period, String quarter,
      List<String> headings, int charted, Columns columns) {
    BoardReport previous = report.previous();
    ViewLine referrals = new ViewLine("All referrals", columns.apply(report.referrals().figures(),
        previous.referrals().figures()), true);
    List<ViewTable> tables = new ArrayList<>();
    for (BoardReport.Table table : report.tables()) {
      BoardReport.Table before = previous.table(table.key());
      List<ViewLine> lines = new ArrayList<>();
      if (!table.partition()) {
        lines.add(referrals);
      }
      table.lines().forEach(line -> lines.add(new ViewLine(line.label(),
          columns.apply(line.figures(), sameLine(before.lines(), line.code())), false)));
      if (table.partition()) {
        lines.add(referrals);
      }
      tables.add(new ViewTable(table.key(), table.title(), table.partition(), lines,
          Chart.of(table.title(), lines.stream().filter(line -> !line.total())
              .map(line -> Map.entry(line.label(), line.figures().get(charted))).toList())));
    }
    List<ViewStage> stages = new ArrayList<>();
    for (int s = 0; s < report.stages().size(); s++) {
      BoardReport.StageLine stage = report.stages().get(s);
      BoardReport.StageLine before = previous.stages().get(s);
      stages.add(new ViewStage(stage.label(), stage.targetDays(), List.of(
          new ViewLine("Completed", columns.apply(stage.completed().figures(), before.completed().figures()), false),
          new ViewLine("Took longer than the target", columns.apply(stage.overTarget().figures(),
              before.overTarget().figures()), false),
          new ViewLine("Median days", columns.apply(stage.medianDays(), before.medianDays()), false),
          new ViewLine("90th percentile days", columns.apply(stage.ninetiethPercentileDays(),
              before.ninetiethPercentileDays()), false))));
    }
    return new BoardReportView(authorityName, period, quarter, headings, charted, tables, stages, report.threshold());
  }

  /** The same category a year before; a category that did not occur then counted none. */
  private static List<Figure> sameLine(List<BoardReport.Line> lines, String code) {
    Optional<BoardReport.Line> same = lines.stream().filter(line -> line.code().equals(code)).findFirst();
    return same.map(BoardReport.Line::figures).orElseGet(() -> java.util.Collections.nCopies(5, Figure.count(0)));
  }

  /** The tables' column headers for templates/table.html: the line, then each numeric column. */
  public String columns() {
    return "Line|#" + String.join("|#", headings);
  }

  /** Every figure the view shows, for the checks that nothing small is published. */
  public List<Figure> figures() {
    List<Figure> all = new ArrayList<>();
    tables.forEach(table -> table.lines().forEach(line -> all.addAll(line.figures())));
    stages.forEach(stage -> stage.lines().forEach(line -> all.addAll(line.figures())));
    return all;
  }
}
