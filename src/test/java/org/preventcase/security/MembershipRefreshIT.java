package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Access ends when membership ends (issue 16 item 7): a signed-in manager removed from
 * prevent-manager and from their authority loses the pages, the webapps and the authority's cases
 * once prevent.security.membership-refresh (60 s) has passed, without signing out.
 */
class MembershipRefreshIT extends ApplicationIT {

  static final String AUTHORITY = "E06000031";

  @Autowired IdentityService identity;
  @Autowired TestClock clock;

  java.time.Instant before;

  @org.junit.jupiter.api.BeforeEach
  void rememberTheClock() {
    before = clock.instant();
  }

  @AfterEach
  void engineClockBack() {
    clock.set(before);
  }

  String newManager() {
    String id = "test-leaver-" + Long.toString(System.nanoTime(), 36);
    User user = identity.newUser(id);
    user.setFirstName("Wren");
    user.setLastName("Halloway");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, Role.PREVENT_MANAGER.groupId());
    identity.createTenantUserMembership(AUTHORITY, id);
    return id;
  }

  /** Moves the application's clock, which is the engine's (the webapps' cache reads it), on by this much. */
  void timePasses(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void aManagerRemovedFromTheRoleAndTheAuthorityLosesPagesWebappsAndCasesWithinAMinute() {
    HttpResponse<String> referral = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Leaver" + System.nanoTime())));
    assertThat(referral.statusCode()).as(referral.body()).isEqualTo(200);
    String manager = newManager();
    Browser browser = signIn(manager);
    String instances = "/camunda/api/engine/engine/default/process-instance/count?tenantIdIn=" + AUTHORITY;
    assertThat(browser.get("/notifications/stuck").statusCode()).isEqualTo(200);
    assertThat(browser.get(instances).body()).doesNotContain("\"count\":0"); // also hands the user to the webapps
    assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("cockpit");

    identity.deleteMembership(manager, Role.PREVENT_MANAGER.groupId());
    identity.deleteTenantUserMembership(AUTHORITY, manager);
    timePasses(MembershipRefreshConfiguration.DEFAULT.plusSeconds(1));

    assertThat(browser.get("/notifications/stuck").statusCode()).isEqualTo(403);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).doesNotContain("cockpit");
    assertThat(browser.get(instances).body()).contains("\"count\":0");
  }

  @Test
  void aDeletedUserIsSignedOutAtTheNextRefresh() {
    String manager = newManager();
    Browser browser = signIn(manager);
    assertThat(browser.get("/notifications/stuck").statusCode()).isEqualTo(200);

    identity.deleteUser(manager);
    timePasses(MembershipRefreshConfiguration.DEFAULT.plusSeconds(1));

    HttpResponse<String> page = browser.get("/notifications/stuck");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
  }
}
