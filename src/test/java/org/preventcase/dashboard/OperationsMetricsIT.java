package org.preventcase.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations team's metrics (issue 15, docs/dashboard.md): scraped from /actuator/prometheus as the
 * Prometheus scraper would, they count cases by authority and stage as the database does, and no label of
 * any of the application's metrics holds a case reference or anything else but codes.
 */
class OperationsMetricsIT extends ApplicationIT {

  static final Pattern SAMPLE = Pattern.compile("^(prevent_[a-z_]+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
  static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
  /** What a label of ours may hold: an authority code, a stage or other code, a group id. */
  static final Pattern CODE = Pattern.compile("[A-Z][0-9]{8}|[A-Z][A-Z_]*|[a-z]+(-[a-z]+)*");

  @Autowired OperationsMetrics metrics;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMetricsCountCasesAsTheDatabaseDoesAndNoLabelHoldsACaseReference() {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "metrics-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Mt" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = ReferralApiIT.caseOf(jdbc, created);
    metrics.refresh();

    String scraped = call("GET", "/actuator/prometheus", "demo-manager", null).body();
    assertThat(scraped).contains("prevent_jobs_backlog").contains("prevent_incidents_open")
        .contains("prevent_notifications_stuck").doesNotContain(reference);
    Matcher sample = SAMPLE.matcher(scraped);
    List<String> names = new java.util.ArrayList<>();
    while (sample.find()) {
      names.add(sample.group(1));
      Matcher label = LABEL.matcher(sample.group(2));
      while (label.find()) {
        assertThat(label.group(2)).as(sample.group()).matches(CODE);
      }
      if (sample.group(1).equals("prevent_cases_open") && sample.group(2).contains("authority=\"E06000031\"")) {
        Matcher stage = Pattern.compile("stage=\"([A-Z_]+)\"").matcher(sample.group(2));
        assertThat(stage.find()).isTrue();
        assertThat(Double.parseDouble(sample.group(3))).as(sample.group()).isEqualTo(jdbc.queryForObject(
            "SELECT count(*) FROM case_file WHERE authority_code = 'E06000031' AND status = 'OPEN' AND stage = ?",
            Long.class, stage.group(1)).doubleValue());
      }
    }
    assertThat(names).contains("prevent_cases_open", "prevent_sla_breaches");
    assertThat(scraped).as("no case reference of any authority")
        .doesNotContainPattern("[A-Z][0-9]{8}-[0-9]{4}-[0-9]+").doesNotContainPattern("\\bR-[0-9]+");
  }
}
