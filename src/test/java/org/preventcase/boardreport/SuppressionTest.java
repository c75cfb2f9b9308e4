package org.preventcase.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preventcase.authority.ReferenceCsv;
import org.preventcase.casefile.Stage;

/**
 * Small-number suppression (issue 15, docs/board-report.md): nothing from 1 to 4 is published, and a reader
 * holding everything published (this year's CSV and last year's: totals, every table, quarters, the year,
 * the comparisons) cannot work a withheld count out. The same reader does rebuild counts from a naive
 * suppression, so the check can fail.
 */
class SuppressionTest {

  static final StatisticsYear YEAR = new StatisticsYear(2024);
  static final BoardReportProperties PROPERTIES = new BoardReportProperties(5, Map.of(Stage.SCREENING, 7, Stage.PANEL, 35));

  static BoardReports reports(Suppression suppression) {
    return new BoardReports(null, suppression, PROPERTIES);
  }

  static BoardReport report(Suppression suppression, StatisticsYear year, int referrals, long seed) {
    return reports(suppression).report("E06000031", year, SyntheticStatistics.year(year, referrals, seed),
        SyntheticStatistics.year(year.previous(), referrals, seed + 1));
  }

  static String csv(BoardReport report) {
    return BoardReportCsv.of(BoardReportView.year(report, "Peterborough City Council"));
  }

  /** Primary suppression only: every count from 1 to 4 withheld, nothing beside it. */
  static final class PrimaryOnly extends Suppression {
    PrimaryOnly() {
      super(PROPERTIES);
    }

    @Override
    BitSet apply(Grid grid) {
      BitSet withheld = new BitSet();
      for (int cell = 0; cell < grid.size(); cell++) {
        if (grid.value(cell) > 0 && grid.value(cell) < threshold()) {
          withheld.set(cell);
        }
      }
      return withheld;
    }
  }

  @Test
  void noCountFromOneToFourIsPublishedInAnyTableChartOrCsv() {
    for (long seed = 1; seed <= 6; seed++) {
      BoardReport report = report(new Suppression(PROPERTIES), YEAR, 20 + (int) seed * 9, seed);
      for (BoardReportView view : List.of(BoardReportView.year(report, "P"), BoardReportView.quarter(report, 1, "P"),
          BoardReportView.quarter(report, 3, "P"))) {
        view.tables().forEach(table -> table.lines().forEach(line -> line.figures().stream()
            .filter(figure -> figure.kind() == Figure.Kind.COUNT)
            .forEach(figure -> assertThat(figure.number()).as(table.title() + " " + line.label())
                .isNotIn(1.0, 2.0, 3.0, 4.0))));
        view.tables().forEach(table -> table.chart().bars().forEach(bar -> assertThat(bar.text())
            .as("chart " + table.title()).doesNotMatch("[1-4]")));
        view.stages().forEach(stage -> stage.lines().subList(0, 2).forEach(line -> line.figures().stream()
            .filter(figure -> figure.kind() == Figure.Kind.COUNT)
            .forEach(figure -> assertThat(figure.number()).isNotIn(1.0, 2.0, 3.0, 4.0))));
        // a change is shown only beside two shown figures
        view.tables().forEach(table -> table.lines().forEach(line -> {
          for (int column = 0; column < line.figures().size(); column++) {
            if (line.figures().get(column).kind() == Figure.Kind.CHANGE) {
              assertThat(line.figures().get(column - 1).shown()).isTrue();
            }
          }
        }));
      }
      List<List<String>> rows = ReferenceCsv.rows(csv(report));
      for (List<String> row : rows.subList(2, rows.size())) {
        if (!row.get(1).contains("days")) {
          row.subList(2, 8).forEach(cell -> assertThat(cell).as(row.toString()).isNotIn("1", "2", "3", "4"));
        }
      }
    }
  }

  @Test
  void noWithheldCountCanBeRebuiltFromTheTotalsTheOtherTablesTheQuartersAndTheComparisons() {
    Suppression suppression = new Suppression(PROPERTIES);
    for (long seed = 1; seed <= 8; seed++) {
      int referrals = 12 + (int) seed * 7;
      BoardReport thisYear = report(suppression, YEAR, referrals, seed);
      BoardReport lastYear = report(suppression, YEAR.previous(), referrals, seed + 1);
      assertThat(thisYear.previous().referrals()).isEqualTo(lastYear.referrals());
      assertThat(new Attacker().read(csv(thisYear)).read(csv(lastYear)).rebuild()).as("seed " + seed).isEmpty();
    }
  }

  @Test
  void theSameReaderRebuildsCountsFromPrimarySuppressionAlone() {
    BoardReport thisYear = report(new PrimaryOnly(), YEAR, 40, 3);
    BoardReport lastYear = report(new PrimaryOnly(), YEAR.previous(), 40, 4);
    List<Attacker.Rebuilt> rebuilt = new Attacker().read(csv(thisYear)).read(csv(lastYear)).rebuild();
    assertThat(rebuilt).as("a naive suppression gives counts away").isNotEmpty();
    assertThat(rebuilt).allSatisfy(cell -> assertThat(cell.value()).as(cell.cell()).isBetween(1L, 4L));
  }

  @Test
  void aCountDeterminedOnlyByCombiningSumsIsFoundAndProtected() {
    // two 2x2 blocks joined by one cell: every row and column has two withheld cells or more, yet the
    // joining cell is determined (the rows of the first block less its columns)
    Grid grid = new Grid();
    int[][] cells = new int[4][4];
    int[][] values = {{2, 9, 0, 0}, {9, 2, 3, 0}, {0, 0, 9, 2}, {0, 0, 2, 9}};
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        cells[r][c] = grid.cell(values[r][c]);
      }
    }
    for (int r = 0; r < 4; r++) {
      int total = grid.cell(java.util.Arrays.stream(values[r]).sum());
      grid.sum(total, java.util.Arrays.stream(cells[r]).boxed().toList());
    }
    for (int c = 0; c < 4; c++) {
      int col = c;
      int total = grid.cell(values[0][c] + values[1][c] + values[2][c] + values[3][c]);
      grid.sum(total, List.of(cells[0][col], cells[1][col], cells[2][col], cells[3][col]));
    }
    BitSet naive = new BitSet();
    for (int[] at : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 2}, {2, 3},
        {3, 2}, {3, 3}}) {
      naive.set(cells[at[0]][at[1]]);
    }
    assertThat(Suppression.determined(grid, naive)).as("the cell joining the blocks").containsExactly(cells[1][2]);
    BitSet withheld = new Suppression(PROPERTIES).apply(grid);
    assertThat(Suppression.determined(grid, withheld)).isEmpty();
  }
}
