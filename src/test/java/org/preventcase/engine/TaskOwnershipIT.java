package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task belongs to its assignee (issue 16 item 3): another officer of the same group can neither
 * take over, release, write variables to nor complete a task claimed by someone else; the assignee
 * may release it; giving a task to a named person is a Prevent manager's act, audited.
 */
public class TaskOwnershipIT extends ApplicationIT {

  static final String OWNER = "demo-police";
  static final String COLLEAGUE = "test-police-colleague";
  static final String DONE = ReferralExamples.json(Map.of("variables",
      Map.of("deconfliction", Map.of("value", "CLEAR"))));

  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  String task;
  String caseReference;

  /** A second police Prevent officer of the demo authority (invented), created once. */
  public static String colleague(IdentityService identity) {
    if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
      User colleague = identity.newUser(COLLEAGUE);
      colleague.setFirstName("Robin");
      colleague.setLastName("Hale");
      colleague.setPassword(DEMO_PASSWORD);
      identity.saveUser(colleague);
      identity.createMembership(COLLEAGUE, "prevent-police-officer");
      identity.createTenantUserMembership("E06000031", COLLEAGUE);
    }
    return COLLEAGUE;
  }

  @BeforeEach
  void aScreeningTaskWaitsForThePoliceAndASecondOfficerWorksInTheSameGroup() {
    colleague(identity);
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("To" + UUID.randomUUID().toString().substring(0, 8)));
    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(referral));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    caseReference = started.body().replaceFirst(".*\"businessKey\":\"([^\"]+)\".*", "$1");
    task = tasks.createTaskQuery().processInstanceBusinessKey(caseReference).singleResult().getId();
  }

  HttpResponse<String> claim(String user, String forWhom) {
    return call("POST", "/engine-rest/task/" + task + "/claim", user, "{\"userId\": \"" + forWhom + "\"}");
  }

  @Test
  void theGroupsATaskIsOfferedToMayWorkItButNotUpdateIt() {
    var granted = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task)
        .groupIdIn("prevent-police-officer").singleResult();
    assertThat(granted.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(granted.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }

  @Test
  void anotherOfficerCannotTakeOverReleaseWriteToOrCompleteATaskClaimedBySomeoneElse() {
    assertThat(claim(OWNER, OWNER).statusCode()).isEqualTo(204);

    HttpResponse<String> takeOver = claim(COLLEAGUE, COLLEAGUE);
    assertThat(takeOver.statusCode()).isEqualTo(409);
    assertThat(takeOver.body()).contains("already been claimed by someone else").doesNotContain(OWNER, task);
    assertThat(call("POST", "/engine-rest/task/" + task + "/assignee", COLLEAGUE, "{\"userId\": \"" + COLLEAGUE + "\"}")
        .statusCode()).isEqualTo(403);
    assertThat(call("POST", "/engine-rest/task/" + task + "/delegate", COLLEAGUE, "{\"userId\": \"" + COLLEAGUE + "\"}")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> release = call("POST", "/engine-rest/task/" + task + "/unclaim", COLLEAGUE, null);
    assertThat(release.statusCode()).isEqualTo(409);
    assertThat(release.body()).contains("only they or a Prevent manager can release it");
    HttpResponse<String> complete = call("POST", "/engine-rest/task/" + task + "/submit-form", COLLEAGUE, DONE);
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(409);
    assertThat(complete.body()).contains("only they can complete it").doesNotContain(task, "Exception", "ENGINE-");
    assertThat(call("POST", "/engine-rest/task/" + task + "/complete", COLLEAGUE, DONE).statusCode()).isEqualTo(409);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(OWNER);
  }

  @Test
  void theEngineItselfRefusesACompletionByAnyoneButTheAssignee() {
    assertThat(claim(OWNER, OWNER).statusCode()).isEqualTo(204);
    identity.setAuthentication(COLLEAGUE, List.of("prevent-police-officer"), List.of("E06000031"));
    try {
      assertThatThrownBy(() -> tasks.complete(task, Map.of("deconfliction", "CLEAR")))
          .hasRootCauseInstanceOf(TaskOwnershipException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void noOneWritesVariablesToATaskOrCaseExceptThroughItsForm() {
    assertThat(claim(OWNER, OWNER).statusCode()).isEqualTo(204);
    String notes = "{\"value\": \"Name and date of birth\", \"type\": \"String\"}";
    String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    for (String[] route : new String[][] {
        {"PUT", "/engine-rest/task/" + task + "/variables/notes", notes},
        {"POST", "/engine-rest/task/" + task + "/variables", "{\"modifications\": {\"notes\": " + notes + "}}"},
        {"PUT", "/engine-rest/task/" + task + "/localVariables/notes", notes},
        {"DELETE", "/engine-rest/task/" + task + "/variables/caseRef", null},
        {"PUT", "/engine-rest/process-instance/" + instance + "/variables/notes", notes},
        {"POST", "/engine-rest/process-instance/" + instance + "/variables", "{\"modifications\": {\"notes\": " + notes + "}}"},
        {"POST", "/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\": \"x\", \"variables\": {\"notes\": " + notes + "}}"},
        {"POST", "/engine-rest/task/" + task + "/resolve", "{\"variables\": {\"notes\": " + notes + "}}"}}) {
      HttpResponse<String> refused = call(route[0], route[1], OWNER, route[2]);
      assertThat(refused.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
      assertThat(refused.body()).contains("only by submitting a task's form");
    }
    assertThat(tasks.getVariables(task)).doesNotContainKey("notes");
  }

  @Test
  void theAssigneeMayReleaseTheirTaskAndAnotherOfficerThenClaimsAndCompletesIt() {
    assertThat(claim(OWNER, OWNER).statusCode()).isEqualTo(204);
    assertThat(call("POST", "/engine-rest/task/" + task + "/unclaim", OWNER, null).statusCode()).isEqualTo(204);
    HttpResponse<String> forSomeoneElse = claim(COLLEAGUE, OWNER);
    assertThat(forSomeoneElse.statusCode()).isEqualTo(403);
    assertThat(forSomeoneElse.body()).contains("Only a Prevent manager can give a task to a named person");
    assertThat(claim(COLLEAGUE, COLLEAGUE).statusCode()).isEqualTo(204);
    HttpResponse<String> completed = call("POST", "/engine-rest/task/" + task + "/submit-form", COLLEAGUE, DONE);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
  }

  @Test
  void aPreventManagerGivesATaskToANamedOfficerAndThatIsAudited() {
    HttpResponse<String> assigned = call("POST", "/engine-rest/task/" + task + "/assignee", "demo-manager",
        "{\"userId\": \"" + COLLEAGUE + "\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(jdbc.queryForList("SELECT user_id, subject_user_id, case_reference, purpose_detail FROM audit_event "
        + "WHERE action = 'ASSIGN_TASK' AND purpose_detail = ?", task)).singleElement().satisfies(row -> {
          assertThat(row).containsEntry("user_id", "demo-manager").containsEntry("subject_user_id", COLLEAGUE)
              .containsEntry("case_reference", caseReference);
        });
    assertThat(call("POST", "/engine-rest/task/" + task + "/submit-form", OWNER, DONE).statusCode())
        .as("not the assignee now").isEqualTo(409);
    assertThat(call("POST", "/engine-rest/task/" + task + "/submit-form", COLLEAGUE, DONE).statusCode()).isEqualTo(204);
  }
}
