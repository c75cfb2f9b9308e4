package org.preventcase.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL that the test starts itself (embedded, temporary data),
 * with the demo users. Every integration test extends this class, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "prevent.embedded-postgres.data-directory=",
    // GreenMail's SMTP port (reserved per build by the pom); tests dispatch notifications themselves
    "spring.mail.port=${greenmail.smtp.port:3025}",
    "prevent.notifications.dispatch-interval=P1D",
    // the tests read mail from GreenMail, not from a local run's mailbox folder
    "prevent.notifications.local-mailbox=",
    // no job executor: tests run the due jobs themselves (executeDueJobs), as the executor would
    "camunda.bpm.job-execution.enabled=false",
    // no scheduled panel meetings: a test lists its cases, which schedules the meetings it needs
    "prevent.panel.schedule-initial-delay=P1D"})
@ActiveProfiles("demo")
@AutoConfigureObservability
@Import(TestClock.Config.class)
public abstract class ApplicationIT {

  public static final String DEMO_PASSWORD = "Safeguard-Demo-2026!";
  /** The invented text the set-up helpers give every free-text field. */
  protected static final String SYNTHETIC_TEXT = "Synthetic text for an integration test.";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  protected int port;

  @Autowired
  protected ManagementService management;

  /**
   * Runs every job that is due on the engine's clock, as the job executor would (no one signed in),
   * until none is left; a failing job keeps its incident. Returns how many ran.
   */
  protected int executeDueJobs() {
    int ran = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().active().list();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // the engine recorded the failure on the job (retries, then an incident)
        }
        ran++;
      }
    }
    throw new AssertionError("jobs keep being created: more than 100 rounds");
  }

  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate applicationJdbc;

  @Autowired
  private org.camunda.bpm.engine.RuntimeService applicationRuntime;

  @Autowired
  private TestClock applicationClock;

  /** The days after today that tests have taken for extraordinary meetings of their own. */
  private static final AtomicInteger DAYS_TAKEN = new AtomicInteger();

  /**
   * A day after the test clock's today (London) that no other test takes: an extraordinary meeting called for it
   * is the test's own (a second one called for the same day of the same panel lists its case at the first).
   */
  protected LocalDate aDayOfItsOwn() {
    return LocalDate.now(applicationClock.withZone(ZoneId.of("Europe/London"))).plusDays(DAYS_TAKEN.incrementAndGet());
  }

  /**
   * A new case of the demo authority, referred through the partner API by demo-referrer (an invented person whose
   * given name starts with {@code namePrefix}) and deconflicted by demo-police: waiting for its screening.
   */
  protected String caseAwaitingScreening(String namePrefix) {
    return caseAwaitingScreening(namePrefix, org.preventcase.intake.ReferralExamples.valid(
        namePrefix + java.util.UUID.randomUUID().toString().substring(0, 8)));
  }

  private String caseAwaitingScreening(String namePrefix, java.util.Map<String, Object> referral) {
    HttpResponse<String> created = org.preventcase.intake.ReferralApiIT.post(baseUrl(), "demo-referrer",
        namePrefix + "-" + java.util.UUID.randomUUID(), org.preventcase.intake.ReferralExamples.json(referral));
    if (created.statusCode() != 201) {
      throw new AssertionError(created.body());
    }
    String reference = org.preventcase.intake.ReferralApiIT.caseOf(applicationJdbc, created);
    submitTask(reference, "Task_DeconflictReferral", "demo-police", "{\"deconfliction\": {\"value\": \"CLEAR\"}}");
    return reference;
  }

  /**
   * A new case about an invented 14-year-old (born 14 years before the test clock's today, so always under 18),
   * screened, its partner agencies asked (Education, who know nothing) and listed for the panel by demo-police:
   * stage PANEL, its panel stage waiting for the meeting.
   */
  protected String caseReferredToThePanel(String namePrefix) {
    java.util.Map<String, Object> referral = new java.util.HashMap<>(org.preventcase.intake.ReferralExamples.valid(
        namePrefix + java.util.UUID.randomUUID().toString().substring(0, 8)));
    referral.put("personDateOfBirth", java.time.LocalDate.now(applicationClock.withZone(
        java.time.ZoneId.of("Europe/London"))).minusYears(14).toString());
    String reference = caseAwaitingScreening(namePrefix, referral);
    submitTask(reference, "Task_ScreenReferral", "demo-police", java.util.Map.of("gatewayOutcome", "REFER_TO_PANEL",
        "ideologyIdentified", "YES", "rationale", SYNTHETIC_TEXT));
    submitTask(reference, "Task_SelectPartnerAgencies", "demo-police", java.util.Map.of("agenciesToAsk",
        List.of("EDUCATION"), "informationAsked", "Is the person known to you?"));
    submitTask(reference, "Task_AnswerInformationRequest", "demo-panel-education", java.util.Map.of("agencyHolds",
        "NOT_KNOWN"));
    submitTask(reference, "Task_PreliminaryAssessment", "demo-police", java.util.Map.of("preliminaryDecision",
        "LIST_FOR_PANEL", "rationale", SYNTHETIC_TEXT));
    return reference;
  }

  /**
   * The case's panel meeting opens (quorate), demo-coordinator assesses it and demo-chair adopts it, all
   * through the engine's REST API: stage CONSENT, its support plan waiting for the Channel coordinators.
   */
  protected void adoptedByThePanel(String reference) {
    assessedAtItsPanelMeeting(reference);
    submitTask(reference, "Task_DecideCase", "demo-chair", java.util.Map.of("panelDecision", "ADOPT",
        "decisionMethod", "UNANIMOUS", "decisionRationale", SYNTHETIC_TEXT));
  }

  /**
   * The meeting of the case's panel stage opens (quorate) and demo-coordinator assesses the case through the
   * engine's REST API: the panel's decision waits for the chairs. Returns the meeting's id.
   */
  protected long assessedAtItsPanelMeeting(String reference) {
    long meeting = ((Number) applicationRuntime.getVariable(applicationRuntime.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey("panel-case").singleResult().getId(),
        "panelMeetingId")).longValue();
    applicationRuntime.createMessageCorrelation("PanelMeetingOpened").processInstanceBusinessKey(reference)
        .setVariable("panelMeetingId", meeting).setVariable("panelMeetingQuorate", true).correlateAll();
    executeDueJobs();
    submitTask(reference, "Task_AssessCase", "demo-coordinator", java.util.Map.of("assessmentFramework", "VAF",
        "engagementRating", "MEDIUM", "intentRating", "LOW", "capabilityRating", "NONE", "susceptibility",
        "SUSCEPTIBLE", "ctRiskOwner", "PREVENT_POLICING", "contributionEducation", SYNTHETIC_TEXT,
        "assessmentSummary", SYNTHETIC_TEXT));
    return meeting;
  }

  /** The case's open task at {@code activity}, submitted by the user with these form values as Tasklist sends them. */
  protected void submitTask(String reference, String activity, String user, java.util.Map<String, Object> values) {
    String body = org.preventcase.intake.ReferralExamples.submitFormBody(values);
    submitTask(reference, activity, user, body.substring("{\"variables\":".length(), body.length() - 1));
  }

  /**
   * The case's open task at {@code activity}, claimed by the user and submitted with these form variables
   * (engine REST, JSON of the variables object) as Tasklist does, then the jobs due run.
   */
  protected void submitTask(String reference, String activity, String user, String variables) {
    submitTask(baseUrl(), reference, activity, user, variables);
    executeDueJobs();
  }

  /** The same on the application at {@code baseUrl}, without running any job (a benchmark's own instance). */
  public static void submitTask(String baseUrl, String reference, String activity, String user, String variables) {
    HttpResponse<String> found = call(baseUrl, "GET", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + activity, user, null);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(found.body());
    if (found.statusCode() != 200 || !id.find()) {
      throw new AssertionError("no open task " + activity + " for " + user + ": " + found.body());
    }
    HttpResponse<String> claimed = call(baseUrl, "POST", "/engine-rest/task/" + id.group(1) + "/claim", user,
        "{\"userId\": \"" + user + "\"}");
    HttpResponse<String> done = call(baseUrl, "POST", "/engine-rest/task/" + id.group(1) + "/submit-form", user,
        "{\"variables\": " + variables + "}");
    if (claimed.statusCode() != 204 || done.statusCode() != 204) {
      throw new AssertionError(activity + ": " + claimed.body() + " " + done.body());
    }
  }

  /** A user (invented name, the demo password) working for the authority, set up directly as provisioning does. */
  protected static void newWorkerOf(IdentityService identity, String authority, String userId) {
    User user = identity.newUser(userId);
    user.setFirstName("Noor");
    user.setLastName("Ashby");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createTenantUserMembership(authority, userId);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A machine client: HTTP Basic, no session. A null user is anonymous. */
  protected HttpResponse<String> call(String method, String path, String user, String json) {
    return call(baseUrl(), method, path, user, json);
  }

  /** The same on the application at {@code baseUrl}. */
  public static HttpResponse<String> call(String baseUrl, String method, String path, String user, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return send(HttpClient.newHttpClient(), request.build());
  }

  /** A browser: signs in on the sign-in page and keeps the session cookie. */
  protected Browser signIn(String user) {
    Browser browser = new Browser();
    String form = browser.get("/login").body();
    Matcher token = CSRF.matcher(form);
    if (!token.find()) {
      throw new AssertionError("the sign-in page has no CSRF token");
    }
    HttpResponse<String> result = browser.postForm("/login",
        "username=" + user + "&password=" + DEMO_PASSWORD + "&_csrf=" + token.group(1));
    if (result.statusCode() != 302 || result.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError("sign-in failed for " + user + ": " + result.statusCode() + " " + result.headers().map());
    }
    return browser;
  }

  public class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    /** A GET as a browser asks for a page (Accept: HTML first). */
    public HttpResponse<String> get(String path) {
      return send(client, HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headerPairs) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        request.header(headerPairs[i], headerPairs[i + 1]);
      }
      return send(client, request.build());
    }

    public HttpResponse<String> postForm(String path, String body) {
      return post(path, "application/x-www-form-urlencoded", body);
    }

    /** Any method, as the webapps send it: JSON and their CSRF header (X-XSRF-TOKEN from its cookie). */
    public HttpResponse<String> request(String method, String path, String json) {
      return request(method, path, json, null);
    }

    /** The same, asking for this media type if one is given (Tasklist asks for application/hal+json). */
    public HttpResponse<String> request(String method, String path, String json, String accept) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).method(method,
          json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (accept != null) {
        request.header("Accept", accept);
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .findFirst().ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
      return ApplicationIT.send(client, request.build());
    }

    public String csrfToken() {
      Matcher token = CSRF.matcher(get("/login").body());
      return token.find() ? token.group(1) : "";
    }

    public CookieManager cookies() {
      return cookies;
    }
  }

  protected static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
