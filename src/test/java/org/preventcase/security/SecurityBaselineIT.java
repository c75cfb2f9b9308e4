package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.gateway.Gateway;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;

/** The foundation's security baseline, each item proved against the running application on PostgreSQL. */
class SecurityBaselineIT extends ApplicationIT {

  static final String REFERRAL = ReferralExamples.submitFormBody(ReferralExamples.valid("Sec"));

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  String referralId;

  @BeforeEach
  void aReferrerHasMadeAReferral() {
    // a person not known before, so the referral opens a case of its own
    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Sec" + System.nanoTime())));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    // the intake ends at once; the case's own process (business key = case reference) calls the
    // gateway, whose instance holds the police's first task
    String caseReference = started.body().replaceFirst(".*\"businessKey\":\"([^\"]+)\".*", "$1");
    referralId = runtime.createProcessInstanceQuery().processDefinitionKey(Gateway.PROCESS_KEY)
        .processInstanceBusinessKey(caseReference).singleResult().getId();
  }

  @Test
  void anonymousCallersAreRefusedByTheEngineApiTheProjectApiAndActuator() {
    assertThat(call("GET", "/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/cases/E06000031-2026-0001", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/process-definition", "demo-referrer", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theReferralCarriesItsAuthorityAsTenant() {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(referralId).singleResult().getTenantId())
        .isEqualTo("E06000031");
  }

  @Test
  void eachGroupSeesOnlyTheTasksOfItsCandidateGroups() {
    String query = "/engine-rest/task?processInstanceId=" + referralId;
    assertThat(call("GET", query, "demo-police", null).body()).contains("Task_DeconflictReferral");
    for (String other : List.of("demo-referrer", "demo-coordinator", "demo-chair", "demo-panel-education",
        "demo-provider", "demo-mappa")) {
      assertThat(call("GET", query, other, null).body()).as(other).isEqualTo("[]");
    }
  }

  @Test
  void managersReadEverythingInCockpitAndChangeNothing() {
    assertThat(call("GET", "/engine-rest/process-instance?processInstanceIds=" + referralId, "demo-manager", null).body())
        .contains(referralId);
    assertThat(call("GET", "/engine-rest/task?processInstanceId=" + referralId, "demo-manager", null).body())
        .contains("Task_DeconflictReferral");
    assertThat(call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form", "demo-manager", REFERRAL)
        .statusCode()).isEqualTo(403);
    assertThat(call("DELETE", "/engine-rest/process-instance/" + referralId, "demo-manager", null).statusCode())
        .isEqualTo(403);
    String task = tasks.createTaskQuery().processInstanceId(referralId).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/claim", "demo-manager", "{\"userId\":\"demo-manager\"}")
        .statusCode()).isEqualTo(403);
    assertThat(mayOpen("demo-manager", "cockpit")).isTrue();
    assertThat(mayOpen("demo-manager", "tasklist")).as("for the assurance reviews offered to them (issue 9)").isTrue();
    assertThat(mayOpen("demo-process-owner", "cockpit")).isTrue();
  }

  @Test
  void practitionersOpenOnlyTasklist() {
    for (String practitioner : List.of("demo-referrer", "demo-police", "demo-coordinator", "demo-chair",
        "demo-panel-health", "demo-provider", "demo-mappa")) {
      assertThat(mayOpen(practitioner, "tasklist")).as(practitioner).isTrue();
      assertThat(mayOpen(practitioner, "cockpit")).as(practitioner).isFalse();
      assertThat(mayOpen(practitioner, "admin")).as(practitioner).isFalse();
    }
  }

  @Test
  void administratorsManageUsersAndFiltersButNeitherDeployNorUseTheSetup() {
    String user = """
        {"profile": {"id": "test-new-worker", "firstName": "Lee", "lastName": "Marlow"},
         "credentials": {"password": "Weld-Harbour-7731!"}}""";
    assertThat(call("POST", "/engine-rest/user/create", "demo-admin", user).statusCode()).isEqualTo(204);
    String filter = """
        {"resourceType": "Task", "name": "Test filter", "query": {"candidateGroup": "prevent-panel-chair"}}""";
    assertThat(call("POST", "/engine-rest/filter/create", "demo-admin", filter).statusCode()).isEqualTo(200);
    assertThat(call("POST", "/engine-rest/filter/create", "demo-coordinator", filter).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/engine-rest/user/create", "demo-coordinator", user.replace("test-new-worker", "test-other"))
        .statusCode()).isEqualTo(403);
    assertThat(call("POST", "/engine-rest/deployment/create", "demo-admin", null).statusCode()).isEqualTo(403);
    // administrators keep the engine running; they do not start, change or delete cases, nor work tasks
    assertThat(call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form", "demo-admin", REFERRAL)
        .statusCode()).isEqualTo(403);
    assertThat(call("DELETE", "/engine-rest/process-instance/" + referralId, "demo-admin", null).statusCode())
        .isEqualTo(403);
    String task = tasks.createTaskQuery().processInstanceId(referralId).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/complete", "demo-admin", "{}").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/engine-rest/process-instance/" + referralId, "demo-admin", null).statusCode()).isEqualTo(200);
    assertThat(mayOpen("demo-admin", "admin")).isTrue();
    assertThat(mayOpen("demo-admin", "tasklist")).isFalse();
    assertThat(call("POST", "/engine-rest/deployment/create", "demo-process-owner", null).statusCode()).isEqualTo(403);
  }

  @Test
  void weakPasswordsAreRefusedByThePasswordPolicy() {
    String user = """
        {"profile": {"id": "test-weak", "firstName": "Kit", "lastName": "Ansel"}, "credentials": {"password": "password"}}""";
    HttpResponse<String> refused = call("POST", "/engine-rest/user/create", "demo-admin", user);
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("Password does not match policy");
    assertThat(identity.createUserQuery().userId("test-weak").count()).isZero();
  }

  @Test
  void theAnonymousFirstRunSetupCreatesNothing() {
    String intruder = """
        {"profile": {"id": "intruder", "firstName": "A", "lastName": "B"}, "credentials": {"password": "Intrude-9876!x"}}""";
    HttpResponse<String> response = call("POST", "/camunda/api/admin/setup/default/user/create", null, intruder);
    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(u -> u.getId()).containsExactly("demo-admin");
    // refused for a signed-in administrator too: the endpoint is closed, not just authenticated
    Browser admin = signIn("demo-admin");
    assertThat(admin.post("/camunda/api/admin/setup/default/user/create", "application/json", intruder).statusCode())
        .isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void taskQueriesCarryingExpressionsAreRefusedBeforeTheEngineSeesThem() {
    String orQuery = "{\"orQueries\": [{\"assigneeExpression\": \"${processEngine.name}\"}]}";
    HttpResponse<String> body = call("POST", "/engine-rest/task", "demo-police", orQuery);
    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(body.body()).contains("Expressions are not allowed in queries (assigneeExpression)");
    assertThat(call("POST", "/engine-rest/task/count", "demo-police", "{\"candidateUserExpression\": \"${1}\"}")
        .statusCode()).isEqualTo(400);
    assertThat(call("GET", "/engine-rest/task?assigneeExpression=%24%7B1%7D", "demo-police", null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> webapp = signIn("demo-police")
        .get("/camunda/api/engine/engine/default/task?dueBeforeExpression=%24%7Bnow()%7D");
    assertThat(webapp.statusCode()).isEqualTo(400);
    assertThat(call("POST", "/engine-rest/task", "demo-police", "{\"processInstanceId\": \"" + referralId + "\"}").body())
        .contains("Task_DeconflictReferral");
  }

  @Test
  void commentsAndAttachmentsAreRefusedByTheApiAndTheEngine() {
    String task = tasks.createTaskQuery().processInstanceId(referralId).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/comment/create", "demo-police", "{\"message\": \"text\"}")
        .statusCode()).isEqualTo(403);
    assertThat(call("POST", "/engine-rest/task/" + task + "/attachment/create", "demo-police", "{}").statusCode())
        .isEqualTo(403);
    assertThatThrownBy(() -> tasks.createComment(task, referralId, "text"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("switched off");
    assertThatThrownBy(() -> tasks.createAttachment("note", task, referralId, "a", "b", "http://x.invalid"))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void theEngineRunsWithTheProductionHardening() {
    assertThat(engineConfiguration.isAuthorizationEnabled()).isTrue();
    assertThat(engineConfiguration.isEnablePasswordPolicy()).isTrue();
    assertThat(engineConfiguration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(engineConfiguration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(engineConfiguration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(engineConfiguration.getHistoryLevel().getName()).isEqualTo("activity");
    assertThat(engineConfiguration.getHistoryTimeToLive()).isNotBlank();
  }

  @Test
  void pagesCarrySecurityHeadersAndTheSessionCookieIsStrict() {
    HttpResponse<String> login = call("GET", "/login", null, null);
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).contains("JSESSIONID").contains("HttpOnly").contains("SameSite=Strict"));
    HttpResponse<String> tasklist = signIn("demo-referrer").get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(String.join(" ", tasklist.headers().allValues("Content-Security-Policy")))
        .contains("object-src 'none'").contains("frame-ancestors 'none'");
  }

  @Test
  void signingOutEndsTheWebappSessionToo() {
    String webappApi = "/camunda/api/engine/engine/default/task/count";
    Browser browser = signIn("demo-referrer");
    assertThat(browser.get(webappApi).statusCode()).isEqualTo(200);
    assertThat(browser.postForm("/logout", "_csrf=" + browser.csrfToken()).statusCode()).isEqualTo(302);
    assertThat(browser.get(webappApi).statusCode()).isEqualTo(401);

    Browser tasklistUser = signIn("demo-police");
    assertThat(tasklistUser.get(webappApi).statusCode()).isEqualTo(200);
    assertThat(tasklistUser.post("/camunda/api/admin/auth/user/default/logout", "application/json", "{}").statusCode())
        .isEqualTo(204);
    assertThat(tasklistUser.get(webappApi).statusCode()).isEqualTo(401);
    assertThat(tasklistUser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
  }

  @Test
  void theWebappsOwnLoginIsClosed() {
    assertThat(call("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null, null).statusCode()).isIn(401, 403);
  }

  @Test
  void actuatorIsForManagersAndAdministrators() {
    HttpResponse<String> health = call("GET", "/actuator/health", "demo-manager", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\"").contains("\"processEngine\"");
    assertThat(call("GET", "/actuator/prometheus", "demo-admin", null).body()).contains("jvm_memory_used_bytes");
    assertThat(call("GET", "/actuator/health", "demo-referrer", null).statusCode()).isEqualTo(403);
  }

  private boolean mayOpen(String user, String application) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    return authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, application);
  }
}
