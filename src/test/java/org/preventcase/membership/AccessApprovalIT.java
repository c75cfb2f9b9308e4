package org.preventcase.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No self-granted access (issue 16 item 2): what an administrator asks of Admin or the engine REST
 * API (a case role, an authority, a user-level authorization) waits for a Prevent manager of the
 * authority; an administrator never holds a case role; nobody decides their own change; every
 * request and decision is in the audit trail and on the managers' page.
 */
class AccessApprovalIT extends ApplicationIT {

  static final String AUTHORITY = "E06000031";
  static final String POLICE = Role.POLICE_PREVENT_OFFICER.groupId();

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  /** A user made the way an administrator makes one: through the engine REST API. */
  String accountCreatedByTheAdministrator(String prefix) {
    String id = unique(prefix);
    String body = """
        {"profile": {"id": "%s", "firstName": "Ellis", "lastName": "Varden"}, "credentials": {"password": "%s"}}"""
        .formatted(id, DEMO_PASSWORD);
    assertThat(call("POST", "/engine-rest/user/create", "demo-admin", body).statusCode()).isEqualTo(204);
    return id;
  }

  /** A group made the way an administrator makes one: through the engine REST API (as Admin does). */
  String groupCreatedByTheAdministrator(String prefix) {
    String id = unique(prefix);
    String body = """
        {"id": "%s", "name": "Area team", "type": "WORKFLOW"}""".formatted(id);
    assertThat(call("POST", "/engine-rest/group/create", "demo-admin", body).statusCode()).isEqualTo(204);
    return id;
  }

  static String readEveryInstance(String groupId) {
    return """
        {"type": 1, "permissions": ["READ"], "groupId": "%s", "resourceType": 8, "resourceId": "*"}""".formatted(groupId);
  }

  long groupAuthorizations(String groupId, Resources resource) {
    return authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).count();
  }

  List<String> auditedActionsOfRequest(long id) {
    return jdbc.queryForList("SELECT action FROM audit_event WHERE purpose_code = 'ACCESS_CHANGE' AND purpose_detail "
        + "LIKE ? ORDER BY id", String.class, "request " + id + ":%");
  }

  /** A user who already works for the authority (set up directly, as start-up provisioning does). */
  String workerOfTheAuthority(String prefix) {
    String id = unique(prefix);
    newWorkerOf(identity, AUTHORITY, id);
    return id;
  }

  Map<String, Object> request(String description) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT id, status, requested_by, authority_code FROM access_change_request WHERE description = ? "
            + "ORDER BY id DESC", description);
    assertThat(rows).as("a request for: " + description).isNotEmpty();
    return rows.get(0);
  }

  long requestId(String description) {
    return ((Number) request(description).get("id")).longValue();
  }

  HttpResponse<String> decide(String manager, long id, String decision) {
    Browser browser = signIn(manager);
    return browser.postForm("/access-requests/" + id + "/" + decision, "_csrf=" + browser.csrfToken());
  }

  List<String> auditedActions(String subject) {
    return jdbc.queryForList("SELECT action FROM audit_event WHERE subject_user_id = ? AND purpose_code = 'ACCESS_CHANGE' "
        + "ORDER BY id", String.class, subject);
  }

  boolean isMember(String user, String group) {
    return identity.createUserQuery().userId(user).memberOfGroup(group).count() == 1;
  }

  boolean worksFor(String user, String tenant) {
    return identity.createTenantQuery().userMember(user).tenantId(tenant).count() == 1;
  }

  /** What Admin and the engine REST API answer a change that now waits for a manager. */
  static void assertAwaitsApproval(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("access-change-awaits-approval").contains("Requested, not yet done");
  }

  @Test
  void anAdministratorCannotAddThemselvesToACaseRoleAndReadsNoCase() {
    identity.createTenantUserMembership(AUTHORITY, "demo-admin");
    try {
      long before = jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class);
      HttpResponse<String> added = call("PUT", "/engine-rest/group/" + POLICE + "/members/demo-admin", "demo-admin", null);
      assertThat(added.statusCode()).isEqualTo(400);
      assertThat(added.body()).contains("An administrator account holds no case role");
      assertThat(isMember("demo-admin", POLICE)).isFalse();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class)).isEqualTo(before);

      String caseReference = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
          "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Adm" + System.nanoTime())))
          .body().replaceFirst(".*\"businessKey\":\"([^\"]+)\".*", "$1");
      assertThat(call("GET", "/api/cases/" + caseReference, "demo-admin", null).statusCode()).isEqualTo(404);
    } finally {
      identity.deleteTenantUserMembership(AUTHORITY, "demo-admin");
    }
  }

  @Test
  void anAdministratorAddingThemselvesOrAGroupToAnAuthorityGetsARequestOnly() {
    assertAwaitsApproval(call("PUT", "/engine-rest/tenant/" + AUTHORITY + "/user-members/demo-admin", "demo-admin", null));
    assertThat(worksFor("demo-admin", AUTHORITY)).isFalse();
    assertThat(request("demo-admin joins the authority " + AUTHORITY).get("status")).isEqualTo("PENDING");

    assertAwaitsApproval(call("PUT", "/engine-rest/tenant/" + AUTHORITY + "/group-members/camunda-admin", "demo-admin",
        null));
    assertThat(identity.createTenantQuery().groupMember("camunda-admin").count()).isZero();
    assertThat(request("the group camunda-admin joins the authority " + AUTHORITY).get("status")).isEqualTo("PENDING");
    assertThat(decide("demo-admin", requestId("demo-admin joins the authority " + AUTHORITY), "approve").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSecondAccountGetsItsAuthorityAndCaseRoleOnlyWhenAManagerApprovesAndEveryStepIsAudited() {
    String second = accountCreatedByTheAdministrator("test-second");
    assertThat(call("PUT", "/engine-rest/group/" + POLICE + "/members/" + second, "demo-admin", null).body())
        .contains("works for no authority yet");
    assertThat(isMember(second, POLICE)).isFalse();

    assertAwaitsApproval(call("PUT", "/engine-rest/tenant/" + AUTHORITY + "/user-members/" + second, "demo-admin", null));
    assertThat(worksFor(second, AUTHORITY)).isFalse();
    assertThat(decide("demo-manager", requestId(second + " joins the authority " + AUTHORITY), "approve").statusCode())
        .isEqualTo(200);
    assertThat(worksFor(second, AUTHORITY)).isTrue();

    assertAwaitsApproval(call("PUT", "/engine-rest/group/" + POLICE + "/members/" + second, "demo-admin", null));
    assertThat(isMember(second, POLICE)).isFalse();
    String description = second + " joins the group " + POLICE;
    assertThat(signIn("demo-manager").get("/access-requests").body()).contains(description).contains("Approve");
    assertThat(decide("demo-manager", requestId(description), "approve").statusCode()).isEqualTo(200);
    assertThat(isMember(second, POLICE)).isTrue();
    assertThat(request(description)).containsEntry("status", "APPROVED").containsEntry("requested_by", "demo-admin");

    assertThat(auditedActions(second))
        .containsExactly("ACCESS_REQUEST", "ACCESS_APPROVE", "ACCESS_REQUEST", "ACCESS_APPROVE");
    assertThat(signIn("demo-manager").get("/access-requests").body()).contains(description).contains("Approved");
  }

  @Test
  void aUserLevelAuthorizationWaitsForApprovalAndCanBeRefused() {
    String worker = workerOfTheAuthority("test-grantee");
    String grant = """
        {"type": 1, "permissions": ["READ"], "userId": "%s", "resourceType": 8, "resourceId": "*"}""".formatted(worker);
    assertAwaitsApproval(call("POST", "/engine-rest/authorization/create", "demo-admin", grant));
    assertThat(authorizations.createAuthorizationQuery().userIdIn(worker).resourceType(Resources.PROCESS_INSTANCE)
        .count()).isZero();
    String description = "grant " + worker + " READ on ProcessInstance *";
    assertThat(decide("demo-manager", requestId(description), "refuse").statusCode()).isEqualTo(200);
    assertThat(request(description).get("status")).isEqualTo("REFUSED");
    assertThat(authorizations.createAuthorizationQuery().userIdIn(worker).resourceType(Resources.PROCESS_INSTANCE)
        .count()).isZero();
    assertThat(auditedActions(worker)).containsExactly("ACCESS_REQUEST", "ACCESS_REFUSE");

    assertAwaitsApproval(call("POST", "/engine-rest/authorization/create", "demo-admin", grant));
    assertThat(decide("demo-manager", requestId(description), "approve").statusCode()).isEqualTo(200);
    assertThat(authorizations.isUserAuthorized(worker, List.of(), org.camunda.bpm.engine.authorization.Permissions.READ,
        Resources.PROCESS_INSTANCE, "any-instance")).isTrue();
  }

  @Test
  void aManagerCannotDecideAChangeThatGivesThemAccess() {
    assertAwaitsApproval(call("PUT", "/engine-rest/group/" + Role.PANEL_CHAIR.groupId() + "/members/demo-manager",
        "demo-admin", null));
    long id = requestId("demo-manager joins the group " + Role.PANEL_CHAIR.groupId());
    HttpResponse<String> own = decide("demo-manager", id, "approve");
    assertThat(own.statusCode()).isEqualTo(409);
    assertThat(own.body()).contains("Another Prevent manager decides this");
    assertThat(isMember("demo-manager", Role.PANEL_CHAIR.groupId())).isFalse();
  }

  @Test
  void someoneWithoutTheEnginePermissionGetsTheEnginesRefusalAndNoRequest() {
    long before = jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class);
    assertThat(call("PUT", "/engine-rest/group/" + POLICE + "/members/demo-referrer", "demo-referrer", null).statusCode())
        .isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class)).isEqualTo(before);
    assertThat(signIn("demo-police").get("/access-requests").statusCode()).isEqualTo(403);
  }

  @Test
  void anAdministratorCannotBeGivenToSomeoneHoldingACaseRole() {
    HttpResponse<String> refused = call("PUT", "/engine-rest/group/camunda-admin/members/demo-police", "demo-admin", null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("An administrator holds no case role");
    assertThat(isMember("demo-police", "camunda-admin")).isFalse();
  }

  @Test
  void aGroupLevelAuthorizationWaitsForAManagerOfTheGroupsAuthority() {
    String group = groupCreatedByTheAdministrator("test-area-team");
    HttpResponse<String> nobodyToDecide = call("POST", "/engine-rest/authorization/create", "demo-admin",
        readEveryInstance(group));
    assertThat(nobodyToDecide.statusCode()).isEqualTo(400);
    assertThat(nobodyToDecide.body()).contains("works for no authority yet");

    assertAwaitsApproval(call("PUT", "/engine-rest/tenant/" + AUTHORITY + "/group-members/" + group, "demo-admin", null));
    assertThat(identity.createTenantQuery().groupMember(group).count()).isZero();
    assertThat(decide("demo-manager", requestId("the group " + group + " joins the authority " + AUTHORITY), "approve")
        .statusCode()).isEqualTo(200);
    assertThat(identity.createTenantQuery().groupMember(group).tenantId(AUTHORITY).count()).isEqualTo(1);

    assertAwaitsApproval(call("POST", "/engine-rest/authorization/create", "demo-admin", readEveryInstance(group)));
    assertThat(groupAuthorizations(group, Resources.PROCESS_INSTANCE)).isZero();
    String description = "grant the group " + group + " READ on ProcessInstance *";
    assertThat(signIn("demo-manager").get("/access-requests").body()).contains(description);
    long id = requestId(description);
    assertThat(request(description)).containsEntry("authority_code", AUTHORITY).containsEntry("requested_by", "demo-admin");
    assertThat(decide("demo-manager", id, "approve").statusCode()).isEqualTo(200);
    assertThat(groupAuthorizations(group, Resources.PROCESS_INSTANCE)).isEqualTo(1);
    assertThat(auditedActionsOfRequest(id)).containsExactly("ACCESS_REQUEST", "ACCESS_APPROVE");
  }

  @Test
  void theAuthorizationsOfTheRolesGroupsAreTheAccessPolicysAndRefusedOutright() {
    long before = jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class);
    long policeInstanceGrants = groupAuthorizations(POLICE, Resources.PROCESS_INSTANCE);
    HttpResponse<String> created = call("POST", "/engine-rest/authorization/create", "demo-admin", readEveryInstance(POLICE));
    assertThat(created.statusCode()).isEqualTo(400);
    assertThat(created.body()).contains("come from the access policy");
    assertThat(groupAuthorizations(POLICE, Resources.PROCESS_INSTANCE)).isEqualTo(policeInstanceGrants);

    Authorization tasklist = authorizations.createAuthorizationQuery().groupIdIn(POLICE)
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
    HttpResponse<String> widened = call("PUT", "/engine-rest/authorization/" + tasklist.getId(), "demo-admin", """
        {"permissions": ["ALL"], "groupId": "%s", "resourceType": 0, "resourceId": "*"}""".formatted(POLICE));
    assertThat(widened.statusCode()).isEqualTo(400);
    assertThat(widened.body()).contains("come from the access policy");
    assertThat(authorizations.createAuthorizationQuery().authorizationId(tasklist.getId()).singleResult().getResourceId())
        .isEqualTo("tasklist");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class)).isEqualTo(before);
  }

  @Test
  void joiningAGroupThatCarriesAnAuthorityOrAuthorizationsWaitsButOneThatCarriesNothingDoesNot() {
    String worker = workerOfTheAuthority("test-joiner");
    String carriesNothing = groupCreatedByTheAdministrator("test-book-club");
    assertThat(call("PUT", "/engine-rest/group/" + carriesNothing + "/members/" + worker, "demo-admin", null)
        .statusCode()).isEqualTo(204);
    assertThat(isMember(worker, carriesNothing)).isTrue();

    String carriesTheAuthority = groupCreatedByTheAdministrator("test-area-team");
    identity.createTenantGroupMembership(AUTHORITY, carriesTheAuthority); // as approved by a manager earlier
    assertAwaitsApproval(call("PUT", "/engine-rest/group/" + carriesTheAuthority + "/members/demo-admin", "demo-admin",
        null));
    assertThat(isMember("demo-admin", carriesTheAuthority)).isFalse();
    assertThat(worksFor("demo-admin", AUTHORITY)).isFalse();
    assertThat(request("demo-admin joins the group " + carriesTheAuthority))
        .containsEntry("authority_code", AUTHORITY).containsEntry("status", "PENDING");

    String carriesAGrant = groupCreatedByTheAdministrator("test-readers");
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(carriesAGrant);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(Authorization.ANY);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant); // as approved by a manager earlier
    assertAwaitsApproval(call("PUT", "/engine-rest/group/" + carriesAGrant + "/members/" + worker, "demo-admin", null));
    assertThat(isMember(worker, carriesAGrant)).isFalse();
    long id = requestId(worker + " joins the group " + carriesAGrant);
    assertThat(decide("demo-manager", id, "approve").statusCode()).isEqualTo(200);
    assertThat(isMember(worker, carriesAGrant)).isTrue();
    assertThat(auditedActionsOfRequest(id)).containsExactly("ACCESS_REQUEST", "ACCESS_APPROVE");
  }

  /** An authorization as a manager approved it earlier (set up directly). */
  Authorization existing(int type, String userId, String groupId) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.PROCESS_INSTANCE);
    authorization.setResourceId(Authorization.ANY);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    return authorizations.saveAuthorization(authorization);
  }

  boolean stillExists(Authorization authorization) {
    return authorizations.createAuthorizationQuery().authorizationId(authorization.getId()).count() == 1;
  }

  long requests() {
    return jdbc.queryForObject("SELECT count(*) FROM access_change_request", Long.class);
  }

  @Test
  void deletingAUserLevelRevokeWaitsForAManagerOfTheUsersAuthorityAndWidensNothingUntilApproved() {
    String worker = workerOfTheAuthority("test-revoked");
    Authorization revoke = existing(Authorization.AUTH_TYPE_REVOKE, worker, null);
    assertThat(authorizations.isUserAuthorized(worker, List.of(), Permissions.READ, Resources.PROCESS_INSTANCE,
        "any-instance")).isFalse();

    assertAwaitsApproval(call("DELETE", "/engine-rest/authorization/" + revoke.getId(), "demo-admin", null));
    assertThat(stillExists(revoke)).isTrue();
    String description = "delete the authorization: revoke from " + worker + " READ on ProcessInstance *";
    assertThat(request(description)).containsEntry("status", "PENDING").containsEntry("authority_code", AUTHORITY)
        .containsEntry("requested_by", "demo-admin");
    assertThat(signIn("demo-manager").get("/access-requests").body()).contains(description);

    long id = requestId(description);
    assertThat(decide("demo-manager", id, "approve").statusCode()).isEqualTo(200);
    assertThat(stillExists(revoke)).isFalse();
    assertThat(auditedActionsOfRequest(id)).containsExactly("ACCESS_REQUEST", "ACCESS_APPROVE");
  }

  @Test
  void deletingAGroupLevelAuthorizationInAdminWaitsForAManagerOfTheGroupsAuthorityWhoMayRefuseIt() {
    String group = groupCreatedByTheAdministrator("test-area-readers");
    identity.createTenantGroupMembership(AUTHORITY, group); // as approved by a manager earlier
    Authorization grant = existing(Authorization.AUTH_TYPE_GRANT, null, group);
    Browser admin = signIn("demo-admin");
    assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200); // and its CSRF token

    assertAwaitsApproval(admin.request("DELETE", "/camunda/api/engine/engine/default/authorization/" + grant.getId(),
        null));
    assertThat(stillExists(grant)).isTrue();
    String description = "delete the authorization: grant the group " + group + " READ on ProcessInstance *";
    long id = requestId(description);
    assertThat(request(description)).containsEntry("authority_code", AUTHORITY);
    assertThat(decide("demo-manager", id, "refuse").statusCode()).isEqualTo(200);
    assertThat(stillExists(grant)).isTrue();
    assertThat(auditedActionsOfRequest(id)).containsExactly("ACCESS_REQUEST", "ACCESS_REFUSE");
  }

  @Test
  void deletingAnAuthorizationOfARolesGroupIsRefusedOutrightThroughTheEngineRestApiAndAdmin() {
    long before = requests();
    Authorization tasklist = authorizations.createAuthorizationQuery().groupIdIn(POLICE)
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
    HttpResponse<String> rest = call("DELETE", "/engine-rest/authorization/" + tasklist.getId(), "demo-admin", null);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(rest.body()).contains("come from the access policy");

    Browser admin = signIn("demo-admin");
    assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> webapps = admin.request("DELETE", "/camunda/api/engine/engine/default/authorization/"
        + tasklist.getId(), null);
    assertThat(webapps.statusCode()).isEqualTo(400);
    assertThat(webapps.body()).contains("come from the access policy");
    assertThat(stillExists(tasklist)).isTrue();
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void aManagerCannotApproveTheDeletionOfTheirOwnRevoke() {
    Authorization revoke = existing(Authorization.AUTH_TYPE_REVOKE, "demo-manager", null);
    try {
      assertAwaitsApproval(call("DELETE", "/engine-rest/authorization/" + revoke.getId(), "demo-admin", null));
      long id = requestId("delete the authorization: revoke from demo-manager READ on ProcessInstance *");
      assertThat(decide("demo-manager", id, "approve").statusCode()).isEqualTo(409);
      assertThat(stillExists(revoke)).isTrue();
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }
}
