package org.preventcase.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.authority.ReferenceCsv;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board report's page and CSV (issue 15, docs/board-report.md): a Prevent manager of the authority
 * reads it, by year and by quarter, every look audited; the CSV comes as a download; a bad year or quarter
 * is refused naming the field. Other roles and other authorities' managers: DashboardIT.
 */
class BoardReportPageIT extends ApplicationIT {

  @Autowired JdbcTemplate jdbc;

  Map<String, Object> lastReportRow(String user) {
    return jdbc.queryForMap("""
        SELECT authority_code, action, outcome, purpose_detail FROM audit_event
        WHERE user_id = ? AND purpose_code = 'REPORT' ORDER BY id DESC LIMIT 1""", user);
  }

  @Test
  void aPreventManagerReadsTheirAuthoritysReportByYearAndQuarterAndDownloadsItEachLookAudited() {
    Browser manager = signIn("demo-manager");
    HttpResponse<String> year = manager.get("/reports/board?year=2019/20");
    assertThat(year.statusCode()).isEqualTo(200);
    assertThat(year.body()).contains("Board report: Statistics year 2019/20").contains("Peterborough City Council")
        .contains("Referrals by referring sector").contains("Age when referred, in the bands of releases before 2024/25")
        .contains("<svg").contains("Days in each stage, against its target").contains("Screening: target 7 days");
    assertThat(lastReportRow("demo-manager")).isEqualTo(Map.of("authority_code", "E06000031", "action", "VIEW",
        "outcome", "GRANTED", "purpose_detail", "board-report"));

    HttpResponse<String> quarter = manager.get("/reports/board?year=2019/20&quarter=1");
    assertThat(quarter.statusCode()).isEqualTo(200);
    assertThat(quarter.body()).contains("Q1 (Apr to Jun 2019)").contains("Q4 (Jan to Mar 2019)")
        .contains("Change on the previous quarter");

    HttpResponse<String> csv = manager.get("/reports/board.csv?year=2019/20");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment").contains("board-report-E06000031-2019-20.csv");
    List<List<String>> rows = ReferenceCsv.rows(csv.body());
    assertThat(rows.get(1)).startsWith("Table", "Line", "Q1 (Apr to Jun 2019)");
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("Referrals by gender", "All referrals"));
    assertThat(lastReportRow("demo-manager")).containsEntry("purpose_detail", "board-report CSV");
  }

  @Test
  void aYearOrQuarterThatIsNotOneIsRefusedNamingTheField() {
    Browser manager = signIn("demo-manager");
    HttpResponse<String> year = manager.get("/reports/board?year=2019/21");
    assertThat(year.statusCode()).isEqualTo(400);
    assertThat(year.body()).contains("year: a statistics year runs from April to the next March");
    HttpResponse<String> quarter = manager.get("/reports/board.csv?quarter=5");
    assertThat(quarter.statusCode()).isEqualTo(400);
    assertThat(quarter.body()).isEqualTo("quarter: 1, 2, 3 or 4");
  }
}
