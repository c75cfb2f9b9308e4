package org.preventcase.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.database.LoggedStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, through the API and the engine's REST API as Tasklist calls it (issue 12, custody): a
 * person in custody is handed to prison and probation services; the case closes, or is held open (a
 * process waiting, never a suspended one) and screened again on release.
 */
class CustodyIT extends ApplicationIT {

  static final String POLICE = "demo-police";
  static final String HAND_OFF = """
      {"custodyBasis": {"value": "REMANDED"}, "custodyEstablishment": {"value": "HMP Synthetic Vale"},
       "probationInvolvement": {"value": "NONE"}, "desistanceAndDisengagement": {"value": "TO_BE_CONSIDERED"},
       "custodyDecision": {"value": "%s"}, "custodyHandOffNote": {"value": "Synthetic: the prison's Prevent lead has it."}}""";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  int reportInCustody(String user, String reference) {
    return call("POST", "/api/cases/" + reference + "/custody", user, null).statusCode();
  }

  Map<String, Object> record(String reference) {
    return jdbc.queryForMap("SELECT stage, status, closure_reason FROM case_file WHERE reference = ?", reference);
  }

  List<String> entries(String reference) {
    return jdbc.queryForList("""
        SELECT e.summary FROM case_entry e JOIN case_file c ON c.id = e.case_id WHERE c.reference = ? ORDER BY e.id""",
        String.class, reference);
  }

  List<ProcessInstance> caseProcesses(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("prevent-case").processInstanceBusinessKey(reference)
        .list();
  }

  @Test
  void aPersonRemandedDuringTheInformationGatheringIsHandedToPrisonAndProbationTheRequestWithdrawnAndTheCaseClosed() {
    String reference = caseAwaitingScreening("Cu");
    submitTask(reference, "Task_ScreenReferral", POLICE, """
        {"gatewayOutcome": {"value": "REFER_TO_PANEL"}, "ideologyIdentified": {"value": "YES"},
         "rationale": {"value": "Synthetic rationale for the screening."}}""");
    submitTask(reference, "Task_SelectPartnerAgencies", POLICE, """
        {"agenciesToAsk": {"type": "Json", "value": "[\\"EDUCATION\\"]"},
         "informationAsked": {"type": "String", "value": "Is the person known to you?"}}""");

    assertThat(reportInCustody("demo-referrer", reference)).as("not a case owner").isEqualTo(404);
    List<String> waitsAt = new java.util.ArrayList<>();
    List<String> statements = LoggedStatements.sql(thread -> true, () -> waitsAt.addAll(LoggedStatements.during(
        "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity", event -> event.getFormattedMessage()
            .contains("Preparing:") && event.getLoggerName().endsWith("CountByQueryCriteria"),
        () -> assertThat(reportInCustody(POLICE, reference)).isEqualTo(202)).stream()
        .map(event -> event.getLoggerName()).toList()));
    assertThat(waitsAt).as("whether the case can take the custody now: one engine query").hasSize(1);
    assertThat(statements).filteredOn(sql -> sql.contains("information_request"))
        .as("the open requests withdrawn in one statement").singleElement().asString().startsWith("UPDATE");
    assertThat(reportInCustody(POLICE, reference)).as("already handed over").isEqualTo(409);

    assertThat(record(reference)).containsEntry("stage", "CUSTODY").containsEntry("status", "OPEN");
    assertThat(jdbc.queryForObject("""
        SELECT r.status FROM information_request r JOIN case_file c ON c.id = r.case_id WHERE c.reference = ?""",
        String.class, reference)).as("Education's request withdrawn").isEqualTo("WITHDRAWN");
    submitTask(reference, "Task_RecordCustodyHandOff", POLICE, HAND_OFF.formatted("CLOSE"));

    assertThat(record(reference)).containsEntry("stage", "CLOSED").containsEntry("status", "CLOSED")
        .containsEntry("closure_reason", "IN_CUSTODY");
    assertThat(entries(reference)).contains("Reported in custody", "Handed to prison and probation services");
    assertThat(caseProcesses(reference)).isEmpty();
    assertThat(jdbc.queryForList("""
        SELECT user_id, action, outcome, purpose_detail FROM audit_event WHERE case_reference = ? AND purpose_code = 'CASE_API'
        ORDER BY id""", reference)).extracting(row -> row.get("user_id") + " " + row.get("outcome"))
        .as("audited; the 409 stored nothing, its granted access included")
        .containsExactly("demo-referrer REFUSED_ROLE", POLICE + " GRANTED");
    assertThat(reportInCustody(POLICE, reference)).as("a closed case").isEqualTo(409);
  }

  @Test
  void aPersonOnRemandIsHandedToPrisonAndProbationTheCaseHeldOpenAndScreenedAgainOnRelease() {
    String reference = caseAwaitingScreening("Cu");
    assertThat(reportInCustody(POLICE, reference)).isEqualTo(202);
    submitTask(reference, "Task_RecordCustodyHandOff", POLICE, HAND_OFF.formatted("HOLD"));

    assertThat(record(reference)).containsEntry("stage", "CUSTODY").containsEntry("status", "OPEN");
    List<ProcessInstance> held = caseProcesses(reference);
    assertThat(held).hasSize(1).allSatisfy(instance -> {
      assertThat(instance.isSuspended()).as("a waiting process, never a suspended one").isFalse();
      assertThat(instance.getTenantId()).isEqualTo("E06000031");
    });
    assertThat(runtime.getActiveActivityIds(held.get(0).getId())).containsExactly("Task_AwaitRelease");
    assertThat(reportInCustody(POLICE, reference)).as("already held").isEqualTo(409);

    submitTask(reference, "Task_AwaitRelease", POLICE, """
        {"releaseDecision": {"value": "SCREEN_AGAIN"}, "custodyReviewNote": {"value": "Synthetic: released on bail."}}""");

    assertThat(record(reference)).containsEntry("stage", "SCREENING").containsEntry("status", "OPEN");
    assertThat(entries(reference)).contains("Custody review: Released, or release is near: screen the case again");
    assertThat(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=Task_DeconflictReferral", POLICE, null).body()).as("screened again, deconflicted first")
        .contains("Task_DeconflictReferral");
  }
}
