package org.preventcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;

/**
 * The application's pages share one layout (a header naming the user, their authority and roles,
 * links to their places); each role lands where its work is; no error is a bare container page.
 */
class PagesIT extends ApplicationIT {

  private String landingOf(String user) {
    Browser browser = new Browser();
    HttpResponse<String> signedIn = browser.postForm("/login",
        "username=" + user + "&password=" + DEMO_PASSWORD + "&_csrf=" + browser.csrfToken());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return signedIn.headers().firstValue("Location").orElseThrow().replace(baseUrl(), "");
  }

  @Test
  void aPractitionerLandsInTasklist() {
    assertThat(landingOf("demo-coordinator")).isEqualTo("/camunda/app/tasklist/");
    assertThat(landingOf("demo-referrer")).isEqualTo("/camunda/app/tasklist/");
  }

  @Test
  void aPreventManagerLandsOnTheManagersHome() {
    assertThat(landingOf("demo-manager")).isEqualTo("/manager");
    String home = signIn("demo-manager").get("/manager").body();
    assertThat(home).contains("href=\"/audit\"").contains("href=\"/notifications/stuck\"").contains("href=\"/cases\"");
  }

  @Test
  void anAdministratorLandsInAdmin() {
    assertThat(landingOf("demo-admin")).isEqualTo("/camunda/app/admin/");
  }

  @Test
  void aProcessOwnerLandsInCockpit() {
    assertThat(landingOf("demo-process-owner")).isEqualTo("/camunda/app/cockpit/");
  }

  @Test
  void aManagerWhoOpensTasklistsAddressFirstLandsOnTheManagersHomeAfterSigningIn() {
    Browser browser = new Browser();
    assertThat(browser.get("/camunda/app/tasklist/").statusCode()).isEqualTo(302);
    HttpResponse<String> signedIn = browser.postForm("/login",
        "username=demo-manager&password=" + DEMO_PASSWORD + "&_csrf=" + browser.csrfToken());
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/manager");
  }

  @Test
  void aLinkIntoTheCasePagesIsFollowedAfterSigningIn() {
    Browser browser = new Browser();
    browser.get("/cases/E06000031-2026-99999");
    HttpResponse<String> signedIn = browser.postForm("/login",
        "username=demo-coordinator&password=" + DEMO_PASSWORD + "&_csrf=" + browser.csrfToken());
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/cases/E06000031-2026-99999");
  }

  @Test
  void theHeaderNamesTheUserTheirAuthorityAndRoleAndLinksTheirPlaces() {
    String page = signIn("demo-coordinator").get("/referrals/mine").body();
    assertThat(page).contains("Alex Carrow").contains("Channel coordinators (local authority)")
        .contains("Peterborough City Council").contains("href=\"/camunda/app/tasklist/\"")
        .contains("href=\"/cases\"").contains("href=\"/referrals/mine\"").doesNotContain("href=\"/audit\"")
        .contains("/govuk/govuk-frontend.min.css");
  }

  @Test
  void theSignInPageIsInTheSameStyleAndCarriesItsCsrfToken() {
    HttpResponse<String> page = new Browser().get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("govuk-header").contains("name=\"_csrf\"").contains("Sign in")
        .doesNotContain("Sign out");
  }

  @Test
  void aProcessOwnerOpeningTasklistGetsTheFriendlyRefusalNotTheContainersPage() {
    // Prevent managers open Tasklist for the assurance reviews offered to them (issue 9); process owners do not
    HttpResponse<String> refused = signIn("demo-process-owner").get("/camunda/app/tasklist/default/");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot open this page").contains("govuk-header")
        .doesNotContain("HTTP Status").doesNotContain("Apache Tomcat");
  }

  @Test
  void aPageTheRoleMayNotOpenGetsTheFriendlyRefusal() {
    HttpResponse<String> refused = signIn("demo-referrer").get("/notifications/stuck");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot open this page").contains("Robin Ashdown");
  }

  @Test
  void anUnknownAddressGetsTheFriendlyNotFoundPageInTheAppAndUnderTheWebapps() {
    Browser browser = signIn("demo-coordinator");
    for (String path : new String[] {"/no-such-page", "/camunda/app/tasklist/scripts/no-such-script.js", "/govuk/no-such-file.css"}) {
      HttpResponse<String> missing = browser.get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.body()).as(path).contains("Page not found").contains("govuk-header")
          .doesNotContain("HTTP Status").doesNotContain("Whitelabel");
    }
  }
}
