package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.caseprocess.OpenCaseConsistency;
import org.preventcase.caseprocess.PreventCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work with no one signed in: the screening timer writes the case record as the system actor of the
 * case's authority, and the scheduled consistency check raises an open case left without its process.
 */
class NoOneSignedInIT extends ApplicationIT {


  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TestClock clock;
  @Autowired OpenCaseConsistency consistency;

  String refer() throws Exception {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Ns" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ReferralApiIT.caseOf(jdbc, created);
  }

  @Test
  void anOverdueScreeningIsRecordedInTheCaseByTheTimerAsTheSystemActorOfTheCasesAuthority() throws Exception {
    String reference = refer();
    Instant now = clock.instant();
    try {
      clock.advance(Duration.ofDays(9));
      executeDueJobs();
    } finally {
      clock.set(now);
    }
    assertThat(jdbc.queryForList("""
        SELECT action, outcome, authority_code, purpose_code FROM audit_event
        WHERE case_reference = ? AND user_id = 'system:engine'""", reference)).containsExactly(
        Map.of("action", "UPDATE", "outcome", "GRANTED", "authority_code", "E06000031", "purpose_code", "PROCESS"));
    assertThat(jdbc.queryForList("""
        SELECT e.summary, e.recorded_by FROM case_entry e JOIN case_file c ON c.id = e.case_id WHERE c.reference = ?""",
        reference)).containsExactly(Map.of("summary", "Screening overdue", "recorded_by", "system:engine"));
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM notification_outbox WHERE case_reference = ? AND message_type = 'TASK_ESCALATION'""",
        Long.class, reference)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult()).as("the case and its screening stay open").isNotNull();
  }

  @Test
  void anOpenCaseLeftWithoutItsProcessIsRaisedToManagers() throws Exception {
    String reference = refer();
    assertThat(consistency.check().withoutProcess()).doesNotContain(reference);
    runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult().getId(), "test: the case loses its process");

    assertThat(consistency.check().withoutProcess()).contains(reference);

    HttpResponse<String> health = call("GET", "/actuator/health/openCases", "demo-manager", null);
    assertThat(health.body()).contains("DEGRADED").contains(reference);
    HttpResponse<String> metrics = call("GET", "/actuator/prometheus", "demo-manager", null);
    assertThat(metrics.body()).containsPattern("prevent_cases_inconsistent [1-9]");
  }
}
