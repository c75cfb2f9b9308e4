package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect single sign-on against a real OIDC provider the test starts itself (NAV's
 * mock-oauth2-server: discovery, authorization code flow, token endpoint, JWKS, end-session), through
 * Spring Security unmocked. The provider's settings make this the one extra application context of
 * the suite, run in a JVM of its own (pom.xml: the engines of two contexts would share the static
 * engine registry the REST API looks engines up in); every single sign-on test belongs in this class.
 */
class SingleSignOnIT extends ApplicationIT {

  static final String ISSUER = "council";
  static final String API_AUDIENCE = "prevent-case-engine-api";
  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  static {
    PROVIDER.start();
  }

  @DynamicPropertySource
  static void theCouncilsProvider(DynamicPropertyRegistry properties) {
    String issuer = PROVIDER.issuerUrl(ISSUER).toString();
    properties.add("spring.security.oauth2.client.registration.council.client-id", () -> "prevent-case-engine");
    properties.add("spring.security.oauth2.client.registration.council.client-secret", () -> "test-secret");
    properties.add("spring.security.oauth2.client.registration.council.client-name", () -> "Peterborough City Council");
    properties.add("spring.security.oauth2.client.registration.council.scope", () -> "openid,profile,email");
    properties.add("spring.security.oauth2.client.provider.council.issuer-uri", () -> issuer);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> API_AUDIENCE);
    properties.add("prevent.security.single-sign-on.break-glass-user", () -> "demo-admin");
  }

  @AfterAll
  static void stopTheProvider() {
    PROVIDER.shutdown();
  }

  static final String AUTHORITY = "E06000031";

  @Autowired IdentityService identity;
  @Autowired TestClock clock;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** A browser of its own: follows redirects across the application and the provider, keeps cookies. */
  class Session {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path)).GET().build());
    }

    HttpResponse<String> post(String path, String form) {
      return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    String csrf() {
      Matcher token = CSRF.matcher(get("/login").body());
      assertThat(token.find()).isTrue();
      return token.group(1);
    }

    HttpResponse<String> send(HttpRequest request) {
      return ApplicationIT.send(client, request);
    }
  }

  /** The provider will sign the next person in with these claims (for the given seconds). */
  static void theProviderSignsIn(String subject, Map<String, Object> claims, long expirySeconds) {
    PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of("prevent-case-engine"),
        claims, expirySeconds));
  }

  static Map<String, Object> officer(String objectId) {
    return Map.of("oid", objectId, "given_name", "Morwenna", "family_name", "Tregarthen",
        "email", "m.tregarthen@police.example", "groups", List.of("camunda-admin", "prevent-manager"));
  }

  Session signedInThroughTheProvider() {
    Session session = new Session();
    HttpResponse<String> landed = session.get("/oauth2/authorization/council");
    // signed in and sent where the user's role works; a user in no group of Admin yet has no place (403)
    assertThat(landed.uri().getPath()).as(landed.uri().toString()).doesNotStartWith("/login");
    assertThat(landed.statusCode()).isIn(200, 403);
    return session;
  }

  @Test
  void thePersonSignsInAtTheProviderAndIsProvisionedUnderAStableIdCamundaAccepts() {
    String objectId = "6f1c2a4e-93b7-4c1d-8e2f-0a9b8c7d6e5f";
    theProviderSignsIn("AAAAAAAAAAAAAAAAAAAAAJm7k-Tregarthen", officer(objectId), 3600);
    Session session = signedInThroughTheProvider();

    User user = identity.createUserQuery().userId("sso-" + objectId).singleResult();
    assertThat(user).isNotNull();
    assertThat(user.getEmail()).isEqualTo("m.tregarthen@police.example");
    // signed in as the engine user: the audit trail records the look under that id
    assertThat(session.get("/api/cases/E06000031-2026-99998").statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE user_id = ? AND case_reference = ?",
        Integer.class, "sso-" + objectId, "E06000031-2026-99998")).isEqualTo(1);
    // a second sign-in finds the same user
    theProviderSignsIn("AAAAAAAAAAAAAAAAAAAAAJm7k-Tregarthen", officer(objectId), 3600);
    signedInThroughTheProvider();
    assertThat(identity.createUserQuery().userFirstName("Morwenna").count()).isEqualTo(1);
  }

  @Test
  void aProviderIdCamundaWouldRefuseIsHashedToAStableOne() {
    String subject = "auth0|Quinn.Hadleigh@council.example";
    Map<String, Object> claims = Map.of("given_name", "Quinn", "family_name", "Hadleigh");
    theProviderSignsIn(subject, claims, 3600);
    signedInThroughTheProvider();
    String userId = SingleSignOnUsers.engineId(subject);
    assertThat(userId).matches("sso-[0-9a-f]{40}");
    assertThat(identity.createUserQuery().userId(userId).count()).isEqualTo(1);
  }

  @Test
  void groupsComeFromAdminNotFromTheTokensClaims() {
    String objectId = "0b1d5e3c-77aa-4f0e-9c21-5d6e7f8a9b0c";
    theProviderSignsIn("manager-subject", officer(objectId), 3600);
    Session before = signedInThroughTheProvider();
    // the token claims camunda-admin and prevent-manager: neither counts
    assertThat(before.get("/api/audit/verification").statusCode()).isEqualTo(404);
    assertThat(before.get("/notifications/stuck").statusCode()).isEqualTo(403);

    identity.createMembership("sso-" + objectId, Role.PREVENT_MANAGER.groupId());
    identity.createTenantUserMembership("E06000031", "sso-" + objectId);
    theProviderSignsIn("manager-subject", officer(objectId), 3600);
    Session after = signedInThroughTheProvider();
    assertThat(after.get("/api/audit/verification").statusCode()).isEqualTo(200);
    assertThat(after.get("/notifications/stuck").statusCode()).isEqualTo(200);
  }

  @Test
  void aPersonRemovedFromTheRoleAndTheAuthorityInAdminLosesThemWithinAMinuteWithoutSigningOut() {
    String objectId = "5d4c3b2a-1908-4f7e-8d6c-5b4a39281706";
    String userId = "sso-" + objectId;
    HttpResponse<String> referral = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Sso" + System.nanoTime())));
    assertThat(referral.statusCode()).as(referral.body()).isEqualTo(200);
    theProviderSignsIn("leaver-subject", officer(objectId), 3600);
    signedInThroughTheProvider(); // provisions the user, whom Admin then gives the role and the authority
    identity.createMembership(userId, Role.PREVENT_MANAGER.groupId());
    identity.createTenantUserMembership(AUTHORITY, userId);
    theProviderSignsIn("leaver-subject", officer(objectId), 3600);
    Session session = signedInThroughTheProvider();
    String instances = "/camunda/api/engine/engine/default/process-instance/count?tenantIdIn=" + AUTHORITY;
    assertThat(session.get("/notifications/stuck").statusCode()).isEqualTo(200);
    assertThat(session.get(instances).body()).doesNotContain("\"count\":0"); // also hands the user to the webapps
    assertThat(session.get("/camunda/api/admin/auth/user/default").body()).contains("cockpit");

    identity.deleteMembership(userId, Role.PREVENT_MANAGER.groupId());
    identity.deleteTenantUserMembership(AUTHORITY, userId);
    Instant before = clock.instant();
    clock.advance(MembershipRefreshConfiguration.DEFAULT.plusSeconds(1));
    try {
      assertThat(session.get("/notifications/stuck").statusCode()).isEqualTo(403);
      assertThat(session.get("/camunda/api/admin/auth/user/default").body()).doesNotContain("cockpit");
      assertThat(session.get(instances).body()).contains("\"count\":0");
    } finally {
      clock.set(before);
    }
  }

  @Test
  void anExpiredIdTokenIsRefused() {
    String objectId = "9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6";
    theProviderSignsIn("expired-subject", officer(objectId), -600);
    HttpResponse<String> answer = new Session().get("/oauth2/authorization/council");
    assertThat(answer.uri().toString()).endsWith("/login?error");
    assertThat(identity.createUserQuery().userId("sso-" + objectId).count()).isZero();
  }

  @Test
  void signingOutEndsTheSessionHereAndAtTheProvider() {
    theProviderSignsIn("leaving-subject", officer("1a2b3c4d-0000-4000-8000-00000000abcd"), 3600);
    Session session = signedInThroughTheProvider();
    HttpResponse<String> signedOut = session.post("/logout", "_csrf=" + session.csrf());
    assertThat(signedOut.uri().toString()).endsWith("/login?logout");
    assertThat(session.get("/api/audit/verification").statusCode()).isEqualTo(401);
  }

  @Test
  void theSignInFormIsOnlyForTheBreakGlassAdministrator() {
    assertThat(new Session().get("/login").body()).contains("/oauth2/authorization/council")
        .contains("Peterborough City Council");
    Session police = new Session();
    assertThat(police.post("/login", "username=demo-police&password=" + DEMO_PASSWORD + "&_csrf=" + police.csrf())
        .uri().toString()).endsWith("/login?error");
    Session admin = new Session();
    assertThat(admin.post("/login", "username=demo-admin&password=" + DEMO_PASSWORD + "&_csrf=" + admin.csrf())
        .uri().getPath()).startsWith("/camunda/app/");
  }

  /** A machine client's token by the client credentials grant at the provider's token endpoint. */
  static String clientCredentialsToken(String clientId, List<String> audience, long expirySeconds) {
    PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, clientId, "JWT", audience, Map.of(), expirySeconds));
    HttpRequest request = HttpRequest.newBuilder(PROVIDER.tokenEndpointUrl(ISSUER).uri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
            + "&client_secret=partner-secret&scope=" + API_AUDIENCE)).build();
    String body = send(HttpClient.newHttpClient(), request).body();
    return body.replaceFirst("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  int withBearer(String path, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + token).GET().build();
    return new Session().send(request).statusCode();
  }

  @Test
  void machineClientsUseClientCredentialsTokensAsWellAsBasic() {
    User client = identity.newUser("sso-partner-school-system");
    client.setFirstName("Partner");
    client.setLastName("School system");
    client.setPassword("Machine-" + java.util.UUID.randomUUID() + "!");
    identity.saveUser(client);
    identity.createMembership("sso-partner-school-system", Role.REFERRER.groupId());
    identity.createTenantUserMembership("E06000031", "sso-partner-school-system");

    String token = clientCredentialsToken("partner-school-system", List.of(API_AUDIENCE), 3600);
    assertThat(withBearer("/engine-rest/process-definition?key=referral-intake", token)).isEqualTo(200);
    assertThat(withBearer("/api/cases/E06000031-2026-99999", token)).isEqualTo(404);
    assertThat(call("GET", "/engine-rest/process-definition", "demo-referrer", null).statusCode()).isEqualTo(200);

    assertThat(withBearer("/engine-rest/task", clientCredentialsToken("partner-school-system", List.of(API_AUDIENCE), -600)))
        .as("expired").isEqualTo(401);
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
        + (parts[1].endsWith("A") ? "B" : "A") + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
    assertThat(withBearer("/engine-rest/task", tampered)).as("tampered").isEqualTo(401);
    assertThat(withBearer("/engine-rest/task", clientCredentialsToken("partner-school-system", List.of("another-api"), 3600)))
        .as("for another audience").isEqualTo(401);
    assertThat(withBearer("/engine-rest/task", clientCredentialsToken("unknown-system", List.of(API_AUDIENCE), 3600)))
        .as("a client that is no user here").isEqualTo(401);
  }
}
