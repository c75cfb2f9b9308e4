package org.preventcase.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, a case moving from Peterborough (E06000031) to Luton (E06000032), both served here
 * (issue 12): until Luton accepts, Peterborough keeps the case and its work; after, Peterborough's
 * users no longer see the case's tasks or its new entries (only their own past entries), and Luton's
 * users work its own case, listed at Luton's next panel meeting.
 */
class TransferIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String RECEIVING = "E06000032";
  static final String LUTON_POLICE = "luton-police";
  static final String POLICE = "demo-police";

  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  /** Luton, a second authority served here, and one of its police Prevent officers (made once for the shared context). */
  @BeforeEach
  void lutonIsServedHere() {
    if (identity.createTenantQuery().tenantId(RECEIVING).count() == 0) {
      Tenant tenant = identity.newTenant(RECEIVING);
      tenant.setName("Luton Borough Council");
      identity.saveTenant(tenant);
    }
    if (identity.createUserQuery().userId(LUTON_POLICE).count() == 0) {
      User user = identity.newUser(LUTON_POLICE);
      user.setFirstName("Ayla");
      user.setLastName("Marsh");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(LUTON_POLICE, Role.POLICE_PREVENT_OFFICER.groupId());
      identity.createTenantUserMembership(RECEIVING, LUTON_POLICE);
    }
  }

  /** A new Peterborough case, deconflicted: waiting for its screening. */
  String caseAwaitingScreening() {
    return caseAwaitingScreening("Tr");
  }

  HttpResponse<String> requestTransfer(String user, String reference, String body) {
    return call("POST", "/api/cases/" + reference + "/transfer", user, body);
  }

  /** The business keys of the tasks the user sees through the engine REST API. */
  List<String> tasksSeenBy(String user, String reference) throws Exception {
    HttpResponse<String> seen = call("GET", "/engine-rest/task?processInstanceBusinessKey=" + reference, user, null);
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    List<String> names = new java.util.ArrayList<>();
    JSON.readTree(seen.body()).forEach(task -> names.add(task.path("taskDefinitionKey").asText()));
    return names;
  }

  String receivingCaseOf(String sending) {
    return jdbc.queryForObject("""
        SELECT c.reference FROM case_file c JOIN case_entry e ON e.case_id = c.id
        WHERE c.authority_code = ? AND e.summary LIKE ?""", String.class, RECEIVING, "Transferred from % (case "
        + sending + ")");
  }

  @Test
  void aTransferRequestNamesTheFieldItRefusesAndStoresNothing() {
    String reference = caseAwaitingScreening();
    Map<String, String> refusals = Map.of(
        "{\"reason\": \"MOVED_HOME\"}", "receivingAuthorityCode",
        "{\"receivingAuthorityCode\": \"X99000001\", \"reason\": \"MOVED_HOME\"}", "receivingAuthorityCode",
        "{\"receivingAuthorityCode\": \"E06000032\", \"reason\": \"BORED\"}", "reason",
        "{\"receivingAuthorityCode\": \"E06000031\", \"reason\": \"MOVED_HOME\"}", "receivingAuthorityCode");
    refusals.forEach((body, field) -> {
      HttpResponse<String> refused = requestTransfer(POLICE, reference, body);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(field);
    });
    assertThat(requestTransfer("demo-referrer", reference,
        "{\"receivingAuthorityCode\": \"E06000032\", \"reason\": \"MOVED_HOME\"}").statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? AND e.summary LIKE 'Transfer to %'""", Long.class, reference)).isZero();
  }

  @Test
  void afterATransferTheSendingAuthorityNoLongerSeesTheCasesTasksOrNewEntriesAndTheReceivingAuthorityDoes()
      throws Exception {
    String sending = caseAwaitingScreening();
    HttpResponse<String> requested = requestTransfer(POLICE, sending,
        "{\"receivingAuthorityCode\": \"E06000032\", \"reason\": \"MOVED_HOME\"}");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    assertThat(requestTransfer(POLICE, sending, "{\"receivingAuthorityCode\": \"E06000032\", \"reason\": \"MOVED_HOME\"}")
        .statusCode()).as("one transfer at a time").isEqualTo(409);
    executeDueJobs();

    String receiving = receivingCaseOf(sending);
    assertThat(receiving).startsWith(RECEIVING + "-");
    assertThat(tasksSeenBy(POLICE, sending)).as("Peterborough's work goes on until Luton accepts")
        .containsExactly("Task_ScreenReferral");
    assertThat(tasksSeenBy(LUTON_POLICE, receiving)).containsExactly("Task_AcceptTransfer");
    assertThat(tasksSeenBy(POLICE, receiving)).as("not Luton's tasks").isEmpty();
    assertThat(tasksSeenBy(LUTON_POLICE, sending)).as("nor Peterborough's to Luton").isEmpty();
    JsonNode copied = JSON.readTree(call("GET", "/api/cases/" + receiving, LUTON_POLICE, null).body());
    JsonNode original = JSON.readTree(call("GET", "/api/cases/" + sending, POLICE, null).body());
    for (String field : List.of("givenNames", "familyName", "dateOfBirth", "gender", "aliases")) {
      assertThat(copied.path("person").path(field)).as("the person copied: " + field)
          .isEqualTo(original.path("person").path(field));
    }
    assertThat(jdbc.queryForList("""
        SELECT authority_code, action, recipient, purpose_code FROM audit_event
        WHERE case_reference = ? AND action = 'EXPORT'""", sending)).as("the copy is an audited disclosure")
        .containsExactly(Map.of("authority_code", "E06000031", "action", "EXPORT", "recipient", RECEIVING,
            "purpose_code", "TRANSFER"));

    String accept = tasks.createTaskQuery().processInstanceBusinessKey(receiving).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + accept + "/claim", LUTON_POLICE,
        "{\"userId\": \"" + LUTON_POLICE + "\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> accepted = call("POST", "/engine-rest/task/" + accept + "/submit-form", LUTON_POLICE,
        "{\"variables\": {\"transferAccepted\": {\"value\": true}}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    executeDueJobs();

    assertThat(jdbc.queryForMap("SELECT status, closure_reason FROM case_file WHERE reference = ?", sending))
        .containsEntry("status", "CLOSED").containsEntry("closure_reason", "TRANSFERRED_TO_ANOTHER_AREA");
    assertThat(tasksSeenBy(POLICE, sending)).as("the sending case's work ended").isEmpty();
    assertThat(jdbc.queryForObject("SELECT stage FROM case_file WHERE reference = ?", String.class, receiving))
        .as("listed at Luton's next panel").isEqualTo("PANEL");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiving).processDefinitionKey("prevent-case")
        .singleResult().getTenantId()).isEqualTo(RECEIVING);

    JsonNode own = JSON.readTree(call("GET", "/api/cases/" + sending, POLICE, null).body());
    List<String> ownEntries = new java.util.ArrayList<>();
    own.path("entries").forEach(entry -> ownEntries.add(entry.path("summary").asText()));
    assertThat(ownEntries).as("Peterborough keeps its own past entries").contains("Transfer to Luton requested")
        .noneMatch(summary -> summary.startsWith("Transfer accepted"));
    assertThat(call("GET", "/api/cases/" + receiving, POLICE, null).statusCode()).as("not Luton's case or its entries")
        .isEqualTo(404);
    JsonNode theirs = JSON.readTree(call("GET", "/api/cases/" + receiving, LUTON_POLICE, null).body());
    List<String> theirEntries = new java.util.ArrayList<>();
    theirs.path("entries").forEach(entry -> theirEntries.add(entry.path("summary").asText()));
    assertThat(theirEntries).contains("Transfer accepted from Peterborough");
  }

  @Test
  void aCaseMovingToAnAuthorityNotServedHereGoesAsAnAuditedTransferPackAndClosesWhenItsReceiptIsRecorded()
      throws Exception {
    String reference = caseAwaitingScreening();
    assertThat(requestTransfer(POLICE, reference, "{\"receivingAuthorityCode\": \"E06000034\", \"reason\": \"MOVED_HOME\"}")
        .statusCode()).isEqualTo(202);
    assertThat(tasksSeenBy(POLICE, reference)).containsExactlyInAnyOrder("Task_ScreenReferral", "Task_SendTransferPack");

    assertThat(call("GET", "/api/cases/" + reference + "/transfer-pack", POLICE, null).statusCode())
        .as("the pack names its recipient").isEqualTo(400);
    assertThat(call("GET", "/api/cases/" + reference + "/transfer-pack?recipient=E06000034", "demo-referrer", null)
        .statusCode()).isEqualTo(404);
    HttpResponse<String> pack = call("GET", "/api/cases/" + reference + "/transfer-pack?recipient=E06000034", POLICE, null);
    assertThat(pack.statusCode()).as(pack.body()).isEqualTo(200);
    assertThat(pack.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"transfer-pack-"
        + reference + ".json\"");
    assertThat(JSON.readTree(pack.body()).path("person").path("givenNames").asText()).isNotBlank();
    assertThat(jdbc.queryForList("""
        SELECT user_id, recipient, purpose_code, purpose_detail FROM audit_event
        WHERE case_reference = ? AND action = 'EXPORT' AND outcome = 'GRANTED'""", reference))
        .as("the pack is an audited disclosure").containsExactly(Map.of("user_id", POLICE, "recipient", "E06000034",
            "purpose_code", "TRANSFER", "purpose_detail", "transfer pack"));

    String send = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_SendTransferPack")
        .singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + send + "/claim", POLICE, "{\"userId\": \"" + POLICE + "\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> received = call("POST", "/engine-rest/task/" + send + "/submit-form", POLICE,
        "{\"variables\": {\"transferPackReceived\": {\"value\": true}}}");
    assertThat(received.statusCode()).as(received.body()).isEqualTo(204);
    assertThat(jdbc.queryForMap("SELECT status, closure_reason FROM case_file WHERE reference = ?", reference))
        .containsEntry("status", "CLOSED").containsEntry("closure_reason", "TRANSFERRED_TO_AUTHORITY_NOT_SERVED");
    assertThat(tasksSeenBy(POLICE, reference)).isEmpty();
  }

  @Test
  void aMoveToScotlandTransfersTheCaseToPmapAndClosesItHere() throws Exception {
    String reference = caseAwaitingScreening();
    assertThat(requestTransfer(POLICE, reference,
        "{\"receivingAuthorityCode\": \"S12000036\", \"reason\": \"RELEASED_TO_ADDRESS\"}").statusCode())
        .isEqualTo(202);
    String pmap = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_TransferToPmap")
        .singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + pmap + "/claim", POLICE, "{\"userId\": \"" + POLICE + "\"}")
        .statusCode()).isEqualTo(204);
    assertThat(call("POST", "/engine-rest/task/" + pmap + "/submit-form", POLICE,
        "{\"variables\": {\"transferPackReceived\": {\"value\": true}}}").statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForMap("SELECT status, closure_reason FROM case_file WHERE reference = ?", reference))
        .containsEntry("status", "CLOSED").containsEntry("closure_reason", "TRANSFERRED_TO_SCOTLAND");
    assertThat(jdbc.queryForList("""
        SELECT e.summary FROM case_entry e JOIN case_file c ON c.id = e.case_id WHERE c.reference = ? ORDER BY e.id""",
        String.class, reference)).contains("Transfer to Scotland: the Prevent Multi-Agency Panel (PMAP) requested",
            "Transfer pack received by Scotland: the Prevent Multi-Agency Panel (PMAP)");
  }
}
