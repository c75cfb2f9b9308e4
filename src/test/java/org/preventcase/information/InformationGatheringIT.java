package org.preventcase.information;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.intake.ReferralIntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Information gathering on PostgreSQL, driven through the engine REST API as the case owner and the
 * agencies would: a case opened through the intake, the called process started for it as the gateway
 * calls it, the agencies' answers as entries of the case of each agency, the agency's page open to
 * its own group only while its request is open, every access audited, and a late agency left behind
 * by the case owner.
 */
class InformationGatheringIT extends ApplicationIT {

  static final String POLICE = "prevent-police-officer";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TestClock clock;

  String marker;
  String reference;
  ProcessInstance gathering;

  @BeforeEach
  void aCaseOpenedThroughTheIntakeGathersInformation() {
    marker = "Ig" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid(marker)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    reference = ReferralApiIT.caseOf(jdbc, created);
    // as the gateway's call activity starts it: the case reference as business key, the case owner's group
    gathering = runtime.startProcessInstanceByKey(InformationGathering.PROCESS_KEY, reference,
        Map.of(InformationGathering.CASE_OWNER_GROUP, POLICE));
  }

  String taskOf(String definitionKey, String user) {
    HttpResponse<String> found = call("GET", "/engine-rest/task?processInstanceId=" + gathering.getId()
        + "&taskDefinitionKey=" + definitionKey, user, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    JsonNode tasks = ReferralApiIT.json(found);
    assertThat(tasks).as(definitionKey + " offered to " + user).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  HttpResponse<String> work(String definitionKey, String user, String variables) {
    String task = taskOf(definitionKey, user);
    HttpResponse<String> claimed = call("POST", "/engine-rest/task/" + task + "/claim", user,
        "{\"userId\":\"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> submitted = call("POST", "/engine-rest/task/" + task + "/submit-form", user,
        "{\"variables\":" + variables + "}");
    executeDueJobs();
    return submitted;
  }

  void askEducationAndHealth() {
    HttpResponse<String> asked = work("Task_SelectPartnerAgencies", "demo-police", """
        {"agenciesToAsk": {"type": "Json", "value": "[\\"EDUCATION\\", \\"HEALTH\\"]"},
         "informationAsked": {"type": "String", "value": "Is %s known to you? Any concern about isolation?"}}"""
        .formatted(marker));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
  }

  List<Map<String, Object>> audit(String user) {
    return jdbc.queryForList("""
        SELECT action, outcome, purpose_code, purpose_detail FROM audit_event WHERE case_reference = ? AND user_id = ?
        ORDER BY id""", reference, user);
  }

  Map<String, Object> request(String agency) {
    return jdbc.queryForMap("""
        SELECT q.status, q.answer_held, array_to_string(q.answer_factors, ',') AS factors, e.kind, e.summary, e.body,
          e.recorded_by
        FROM information_request q JOIN case_file c ON c.id = q.case_id
        LEFT JOIN case_entry e ON e.id = q.answer_entry_id WHERE c.reference = ? AND q.agency = ?""", reference, agency);
  }

  @Test
  void anAgencyReadsWhoItsRequestIsAboutAndItsAnswerBecomesAnEntryOfTheCaseOfThatAgency() {
    askEducationAndHealth();

    HttpResponse<String> page = signIn("demo-panel-education").get("/information-requests/" + reference + "/EDUCATION");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Oswin" + marker).contains("Thackeray" + marker).contains("17 April 2012")
        .contains("Is " + marker + " known to you?").contains("Request to Education".substring(11));
    assertThat(audit("demo-panel-education")).containsExactly(Map.of("action", "VIEW", "outcome", "GRANTED",
        "purpose_code", "INFORMATION_REQUEST", "purpose_detail", "EDUCATION"));

    HttpResponse<String> answered = work(InformationGathering.REQUEST_TASK, "demo-panel-education", """
        {"agencyHolds": {"type": "String", "value": "RELEVANT"},
         "informationFactors": {"type": "Json", "value": "[\\"ISOLATION_OR_EXCLUSION\\"]"},
         "informationShared": {"type": "String", "value": "Year 10 at Invented Academy; withdrawn %s since the summer."}}"""
        .formatted(marker));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);

    assertThat(request("EDUCATION")).containsEntry("status", "ANSWERED").containsEntry("answer_held", "RELEVANT")
        .containsEntry("factors", "ISOLATION_OR_EXCLUSION").containsEntry("kind", "INFORMATION_SHARED")
        .containsEntry("summary", "Education: We hold information relevant to the concern")
        .containsEntry("body", "Risk and vulnerability facts: Isolation or exclusion.\n\nYear 10 at Invented Academy; "
            + "withdrawn " + marker + " since the summer.")
        .containsEntry("recorded_by", "demo-panel-education");
    assertThat(audit("demo-panel-education")).extracting(row -> row.get("action") + " " + row.get("outcome"))
        .containsExactly("VIEW GRANTED", "UPDATE GRANTED");
    assertThat(ReferralIntakeIT.engineTablesHolding(jdbc, List.of("withdrawn " + marker, "Is " + marker)))
        .as("the answer and what was asked rest in the case record only").isEmpty();

    HttpResponse<String> closed = signIn("demo-panel-education").get("/information-requests/" + reference + "/EDUCATION");
    assertThat(closed.statusCode()).as("answered: the page is refused").isEqualTo(404);
    assertThat(closed.body()).doesNotContain("Oswin" + marker);
    assertThat(audit("demo-panel-education")).last().isEqualTo(Map.of("action", "VIEW", "outcome", "REFUSED_NOT_OPEN",
        "purpose_code", "INFORMATION_REQUEST", "purpose_detail", "EDUCATION"));
  }

  @Test
  void anotherAgencysGroupCannotReadTheRequestNorTheCase() {
    askEducationAndHealth();

    HttpResponse<String> other = signIn("demo-panel-health").get("/information-requests/" + reference + "/EDUCATION");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Oswin" + marker);
    HttpResponse<String> notAsked = signIn("demo-panel-housing").get("/information-requests/" + reference + "/HOUSING");
    assertThat(notAsked.statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/cases/" + reference, "demo-panel-health", null).statusCode())
        .as("the case itself is not a partner's to read").isEqualTo(404);
    assertThat(call("GET", "/engine-rest/task?processInstanceId=" + gathering.getId() + "&candidateGroup=partner-education",
        "demo-panel-health", null).body()).as("nor the other agency's task").isEqualTo("[]");

    assertThat(audit("demo-panel-health")).extracting(row -> row.get("action") + " " + row.get("outcome") + " "
        + row.get("purpose_code")).containsExactly("VIEW REFUSED_ROLE INFORMATION_REQUEST", "VIEW REFUSED_ROLE CASE_API");
    assertThat(audit("demo-panel-housing")).extracting(row -> row.get("outcome")).containsExactly("REFUSED_NOT_OPEN");
  }

  @Test
  void anAgencyThatDoesNotAnswerInTimeIsEscalatedAndTheCaseOwnerGoesOnWithoutIt() {
    askEducationAndHealth();
    assertThat(work(InformationGathering.REQUEST_TASK, "demo-panel-education", """
        {"agencyHolds": {"type": "String", "value": "NOT_KNOWN"}}""").statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForList("""
        SELECT recipient FROM notification_outbox WHERE case_reference = ? AND message_type = 'INFORMATION_REQUEST'
        ORDER BY recipient""", String.class, reference))
        .containsExactly("demo-panel-education@example.invalid", "demo-panel-health@example.invalid");

    Instant now = clock.instant();
    try {
      clock.advance(Duration.ofDays(16));
      executeDueJobs();
      assertThat(jdbc.queryForList("""
          SELECT message_type || ' ' || recipient_group FROM notification_outbox WHERE case_reference = ?
            AND message_type IN ('INFORMATION_REQUEST_REMINDER', 'TASK_ESCALATION')
            AND facts ->> 'taskName' LIKE 'Answer the information request%' ORDER BY 1""", String.class, reference))
          .containsExactly("INFORMATION_REQUEST_REMINDER partner-health", "TASK_ESCALATION prevent-manager",
              "TASK_ESCALATION prevent-police-officer");
      assertThat(jdbc.queryForList("""
          SELECT e.summary || ' by ' || e.recorded_by FROM case_entry e JOIN case_file c ON c.id = e.case_id
          WHERE c.reference = ? AND e.kind = 'NOTE' AND e.summary LIKE 'Information request overdue%'""", String.class,
          reference)).containsExactly("Information request overdue: Health by system:engine");

      String decision = taskOf("Task_DecideOnOverdueRequest", "demo-police");
      call("POST", "/engine-rest/task/" + decision + "/claim", "demo-police", "{\"userId\":\"demo-police\"}");
      HttpResponse<String> past = call("POST", "/engine-rest/task/" + decision + "/submit-form", "demo-police", """
          {"variables": {"overdueDecision": {"type": "String", "value": "WAIT_LONGER"},
           "newDueDateDay": {"type": "Integer", "value": 1}, "newDueDateMonth": {"type": "Integer", "value": 1},
           "newDueDateYear": {"type": "Integer", "value": 2020}}}""");
      assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
      assertThat(ReferralApiIT.json(past).path("errors").get(0).path("field").asText()).isEqualTo("newDueDateDay");
      assertThat(ReferralApiIT.json(past).path("errors").get(0).path("message").asText())
          .isEqualTo("The new due date must be after today");

      HttpResponse<String> decided = work("Task_DecideOnOverdueRequest", "demo-police", """
          {"overdueDecision": {"type": "String", "value": "PROCEED_WITHOUT"}}""");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
    } finally {
      clock.set(now);
    }

    assertThat(request("HEALTH")).containsEntry("status", "WITHDRAWN");
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM notification_outbox WHERE case_reference = ? AND message_type = 'INFORMATION_REQUEST_WITHDRAWN'
          AND recipient_group = 'partner-health'""", Long.class, reference)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(gathering.getId()).count())
        .as("every request answered or given up: the gathering has ended").isZero();
    assertThat(signIn("demo-panel-health").get("/information-requests/" + reference + "/HEALTH").statusCode())
        .as("withdrawn: the page is refused").isEqualTo(404);
    assertThat(audit("demo-panel-health")).extracting(row -> row.get("outcome")).containsExactly("REFUSED_NOT_OPEN");
  }
}
