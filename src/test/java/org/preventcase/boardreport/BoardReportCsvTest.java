package org.preventcase.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preventcase.authority.ReferenceCsv;

/** The board report's CSV (issue 15): a cell a spreadsheet would run as a formula is neutralised; numbers stay numbers. */
class BoardReportCsvTest {

  @Test
  void aCellStartingAFormulaIsNeutralised() {
    for (String formula : List.of("=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
        "@SUM(A1:A2)", "\tcmd", "\rcmd")) {
      String cell = BoardReportCsv.cell(formula);
      String read = ReferenceCsv.fields(cell).get(0);
      assertThat(read).as(formula).startsWith("'");
    }
  }

  @Test
  void aNumberAChangeAndTheMarkersStayAsTheyAre() {
    for (String plain : List.of("12", "+3", "-2", "1,234", "12.5", "[c]", "[n]", "Education")) {
      assertThat(BoardReportCsv.cell(plain)).isEqualTo(plain.contains(",") ? "\"" + plain + "\"" : plain);
    }
  }

  @Test
  void aCategoryNamedLikeAFormulaIsNeutralisedInTheReport() {
    BoardReports.Rows rows = SyntheticStatistics.year(SuppressionTest.YEAR, 30, 7);
    List<org.preventcase.statistics.StatisticsRows.Referral> referrals = new java.util.ArrayList<>(rows.referrals());
    org.preventcase.statistics.StatisticsRows.Referral first = referrals.get(0);
    referrals.set(0, new org.preventcase.statistics.StatisticsRows.Referral(first.referredMonth(),
        "=HYPERLINK(\"http://example.invalid\")", first.concernType(), first.ageBand(), first.earlierAgeBand(),
        first.gender(), first.gatewayOutcome(), first.discussedAtPanel(), first.adopted(), first.consentOutcome(),
        first.closureReason(), first.repeat()));
    BoardReport report = SuppressionTest.reports(new Suppression(SuppressionTest.PROPERTIES)).report("E06000031",
        SuppressionTest.YEAR, new BoardReports.Rows(referrals, rows.spells()),
        SyntheticStatistics.year(SuppressionTest.YEAR.previous(), 30, 8));
    String csv = BoardReportCsv.of(BoardReportView.year(report, "=cmd"));
    assertThat(ReferenceCsv.rows("title\r\n" + csv)).allSatisfy(row -> row.forEach(cell -> assertThat(cell)
        .as(row.toString()).doesNotStartWith("=")));
    assertThat(csv).containsIgnoringCase("'=hyperlink").contains("'=cmd");
  }
}
