package org.preventcase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.intake.ReferralIntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Browser tests (Playwright driving Debian's Chromium, scripts in src/test/browser): every form
 * renders in form-js 1.8, the version Tasklist 7.24 bundles; a practitioner signs in once and opens
 * the referral start form in Tasklist. Screenshots land in target/browser-screenshots.
 */
class BrowserIT extends ApplicationIT {

  static final Path SCRIPTS = Path.of("src/test/browser");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void everyFormRendersInTheFormJsVersionTasklistBundles() throws Exception {
    String output = node(List.of("render-forms.mjs", Path.of("forms").toAbsolutePath().toString(),
        SCREENSHOTS.toAbsolutePath().toString()), Map.of());
    assertThat(output).contains("0 failed").doesNotContain("FAIL");
  }

  @Test
  void aReferrerSignsInOnceAndOpensTheReferralStartFormInTasklist() throws Exception {
    String output = node(List.of("tasklist-start-form.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-referrer",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "PROCESS_NAME", "Prevent referral",
        "EXPECT_LABELS", "Referrer sector|Type of concern|Urgency",
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()));
    assertThat(output).contains("tasklist: 1 passed, 0 failed");
  }

  @Test
  void tasklistKeepsNoFormDraftInTheBrowserAndSigningOutShowsTheSignInPage() throws Exception {
    String output = node(List.of("tasklist-privacy.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-police",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()));
    assertThat(output).contains("tasklist-privacy: 1 passed, 0 failed");
  }

  @Test
  void aReferrerFillsTheReferralFormWithAUkDateAndSeesEveryRefusalInPlainWordsAtTheTopOfTheForm() throws Exception {
    String marker = "Br" + System.nanoTime();
    long referrals = jdbc.queryForObject("SELECT count(*) FROM referral", Long.class);
    String output = node(List.of("tasklist-referral.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-referrer",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "MARKER", marker,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()));
    assertThat(output).contains("referral-form: 1 passed, 0 failed");

    assertThat(jdbc.queryForObject("SELECT count(*) FROM referral", Long.class)).as("one referral, not three")
        .isEqualTo(referrals + 1);
    assertThat(jdbc.queryForObject("""
        SELECT r.concern FROM referral r JOIN person p ON p.id = r.person_id WHERE p.given_names = ?""", String.class,
        "Browsie" + marker)).isEqualTo("Drew symbols in class <b>" + marker + "</b> & said \"we rise\"");
    assertThat(jdbc.queryForObject("SELECT date_of_birth FROM person WHERE given_names = ?", java.time.LocalDate.class,
        "Browsie" + marker)).as("9 3 2011 typed in a US-English browser").isEqualTo(java.time.LocalDate.of(2011, 3, 9));
    assertThat(ReferralIntakeIT.engineTablesHolding(jdbc, List.of("Browsie" + marker, "Browserton" + marker,
        "Referrer " + marker, "Drew symbols in class", "head.of.year@school.example"))).isEmpty();
  }

  /**
   * Every page of the application, in each role that works there, passes axe-core (WCAG 2.2 AA) and is
   * in the shared layout; each role lands where its work is; the case list shows the case, a search
   * by reference and one by name find it (each audited as SEARCH with its reason as the only detail),
   * its page shows the chronology and the legal hold in force (placed, lifted and placed again: the
   * banner and both in the chronology); the police screener's possible-match page passes too.
   * Screenshots: landing-*.png, page-*.png.
   */
  @Test
  void everyPageOfTheApplicationPassesAxeAndEachRoleLandsWhereItsWorkIs() throws Exception {
    String marker = "Ax" + System.nanoTime();
    String reference = aCaseFromAReferral(marker);
    long referral = jdbc.queryForObject("""
        SELECT l.referral_id FROM case_referral l JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?""",
        Long.class, reference);
    Map<String, Object> sibling = new java.util.HashMap<>(ReferralExamples.valid(marker));
    sibling.put("personGivenNames", "Sibling" + marker);
    sibling.put("personDateOfBirth", "2014-09-02");
    long possibleMatch = refer(sibling);
    assertThat(caseOf(possibleMatch)).as("waits for the screener").isNull();
    for (String change : List.of("", "/lift", "")) { // the page shows the hold in force, the chronology both
      assertThat(call("POST", "/api/cases/" + reference + "/legal-hold" + change, "demo-manager",
          "{\"reason\": \"Synthetic: a complaint" + (change.isEmpty() ? " is being looked at" : " was answered")
              + ".\"}").statusCode()).isEqualTo(200);
    }
    String byReference = "Accessibility check " + marker;
    String byName = "Call from the school " + marker;
    String visits = """
        [{"user": null, "pages": [{"name": "sign-in", "path": "/login"},
                                  {"name": "sign-in-failed", "path": "/login?error"}]},
         {"user": "demo-coordinator", "landing": "/camunda/app/tasklist/", "pages": [
            {"name": "case", "path": "/cases/%1$s",
             "expect": ["Chronology", "Referral %2$s received", "Case opened", "Task created: Deconflict the referral",
                        "Legal hold", "Held since", "demo-manager (Prevent manager)", "Legal hold placed",
                        "Legal hold lifted", "Synthetic: a complaint was answered."]},
            {"name": "cases", "path": "/cases", "expect": ["%1$s", "Oswin%3$s Thackeray%3$s"]},
            {"name": "case-search-results", "path": "/cases", "submit": "Search", "expect": ["%1$s"],
             "fill": {"Why are you searching?": "%4$s", "Case reference": "%1$s"}},
            {"name": "case-search-by-name", "path": "/cases", "submit": "Search", "expect": ["%1$s"],
             "fill": {"Why are you searching?": "%5$s", "Name": "oswin%3$s"}},
            {"name": "case-search-error", "path": "/cases", "submit": "Search", "status": 400,
             "fill": {"Name": "Oswin"}, "expect": ["There is a problem", "Enter why you are searching"]},
            {"name": "my-referrals", "path": "/referrals/mine"},
            {"name": "not-found", "path": "/no-such-page", "status": 404},
            {"name": "forbidden", "path": "/notifications/stuck", "status": 403}]},
         {"user": "demo-police", "landing": "/camunda/app/tasklist/", "pages": [
            {"name": "possible-match", "path": "/referrals/%6$s", "expect": ["possible match", "Sibling%3$s"]}]},
         {"user": "demo-manager", "landing": "/manager", "pages": [
            {"name": "managers-home", "path": "/manager"},
            {"name": "audit", "path": "/audit"},
            {"name": "audit-case", "path": "/audit/cases/%1$s"},
            {"name": "audit-user", "path": "/audit/users/demo-coordinator"},
            {"name": "audit-verification", "path": "/audit/verification"},
            {"name": "access-requests", "path": "/access-requests"},
            {"name": "stuck-notifications", "path": "/notifications/stuck"},
            {"name": "dashboard", "path": "/dashboard", "expect": ["Open cases by stage", "Past their target this quarter"]},
            {"name": "board-report", "path": "/reports/board", "expect": ["Referrals by referring sector", "[c]"]},
            {"name": "board-report-quarter", "path": "/reports/board?quarter=1", "expect": ["Change on the previous quarter"]}]},
         {"user": "demo-referrer", "landing": "/camunda/app/tasklist/", "pages": []},
         {"user": "demo-admin", "landing": "/camunda/app/admin/", "pages": []},
         {"user": "demo-process-owner", "landing": "/camunda/app/cockpit/", "pages": [
            {"name": "tasklist-refused", "path": "/camunda/app/tasklist/default/", "status": 403}]}]
        """.formatted(reference, org.preventcase.casefile.ReferralReference.of(referral), marker, byReference, byName,
        possibleMatch);
    String output = node(List.of("pages-axe.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "VISITS", visits,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()));
    assertThat(output).contains("pages-axe: 1 passed, 0 failed");
    for (String reason : List.of(byReference, byName)) {
      assertThat(jdbc.queryForList("""
          SELECT action || ' ' || outcome FROM audit_event
          WHERE user_id = 'demo-coordinator' AND purpose_code = 'SEARCH' AND purpose_detail = ?""", String.class, reason))
          .as("the search for \"%s\" is audited with its reason, once per authority searched", reason)
          .containsExactly("VIEW GRANTED");
    }
  }

  /** A case opened by a referral as Tasklist submits it; its reference read from the case record. */
  private String aCaseFromAReferral(String marker) {
    java.net.http.HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form", "demo-referrer",
        ReferralExamples.submitFormBody(ReferralExamples.valid(marker)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return jdbc.queryForObject("""
        SELECT c.reference FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.given_names = ?""",
        String.class, "Oswin" + marker);
  }

  @Test
  void anUrgentReferralIsFirstInThePoliceQueueWithItsCaseOnTheCardAndEveryPoliceFormIsAccessible() throws Exception {
    Map<String, Object> routine = ReferralExamples.valid("Bq" + System.nanoTime());
    String routineCase = caseOf(refer(routine));
    Map<String, Object> urgent = new java.util.HashMap<>(ReferralExamples.valid("Bu" + System.nanoTime()));
    urgent.put("urgency", "IMMEDIATE_RISK");
    urgent.put("called999At", java.time.OffsetDateTime.now().minusMinutes(20).withNano(0).toString());
    String urgentCase = caseOf(refer(urgent));
    Map<String, Object> sibling = new java.util.HashMap<>(routine);
    sibling.put("personGivenNames", "Sibling" + routine.get("personGivenNames"));
    sibling.put("personDateOfBirth", "2014-09-02");
    long possibleMatch = refer(sibling);
    assertThat(caseOf(possibleMatch)).as("waits for the screener").isNull();
    assertThat(caseOf(refer(routine))).as("joins the open case").isEqualTo(routineCase);
    executeDueJobs(); // the new information reaches the case after an asynchronous boundary
    deconflictedClear(routineCase);

    String output = node(List.of("tasklist-police.mjs"), Map.ofEntries(Map.entry("SCREENING_CASE", routineCase),
        Map.entry("BASE_URL", baseUrl()), Map.entry("LOGIN_USER", "demo-police"),
        Map.entry("LOGIN_PASSWORD", DEMO_PASSWORD), Map.entry("SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()),
        Map.entry("URGENT_CASE", urgentCase), Map.entry("ROUTINE_CASE", routineCase),
        Map.entry("MATCH_REFERRAL", String.valueOf(possibleMatch)), Map.entry("NEW_INFORMATION_CASE", routineCase)));
    assertThat(output).contains("tasklist-police: 1 passed, 0 failed");
  }

  /**
   * A partner agency answers an information request in Tasklist: its queue, the form (axe), the
   * request's page (axe), the plain refusal, and the answer stored as an entry of the case of that agency.
   */
  @Test
  void aPartnerAgencyAnswersAnInformationRequestInTasklist() throws Exception {
    String marker = "Bi" + System.nanoTime();
    String reference = aCaseFromAReferral(marker);
    org.camunda.bpm.engine.runtime.ProcessInstance gathering = runtime.startProcessInstanceByKey(
        org.preventcase.information.InformationGathering.PROCESS_KEY, reference,
        Map.of(org.preventcase.information.InformationGathering.CASE_OWNER_GROUP, "prevent-police-officer"));
    String select = tasks.createTaskQuery().processInstanceId(gathering.getId()).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + select + "/claim", "demo-police", "{\"userId\":\"demo-police\"}")
        .statusCode()).isEqualTo(204);
    var asked = call("POST", "/engine-rest/task/" + select + "/submit-form", "demo-police", """
        {"variables": {"agenciesToAsk": {"type": "Json", "value": "[\\"EDUCATION\\"]"},
         "informationAsked": {"type": "String", "value": "Is the young person known to you?"}}}""");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
    executeDueJobs();

    String shared = "Known to the school since Year 7; " + marker;
    String output = node(List.of("tasklist-partner.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-panel-education",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString(),
        "CASE", reference,
        "AGENCY_FILTER", "Panel members: education",
        "PERSON_NAME", "Oswin" + marker + " Thackeray" + marker,
        "SHARED_TEXT", shared));
    assertThat(output).contains("tasklist-partner: 1 passed, 0 failed");

    executeDueJobs();
    assertThat(jdbc.queryForList("""
        SELECT e.kind || ' ' || e.recorded_by FROM case_entry e JOIN case_file c ON c.id = e.case_id
        JOIN information_request q ON q.answer_entry_id = e.id WHERE c.reference = ? AND q.agency = 'EDUCATION'
          AND e.body LIKE ?""", String.class, reference, "%" + shared))
        .containsExactly("INFORMATION_SHARED demo-panel-education");
    assertThat(ReferralIntakeIT.engineTablesHolding(jdbc, List.of(shared))).isEmpty();
  }

  /**
   * The Channel panel (issue 10): a case before the panel (its panel stage started for a new case), at a
   * quorate meeting, assessed through the REST API; the chair records the decision in Tasklist (the
   * recommendation in words, axe, the plain and the server's refusals) and the meeting's page renders
   * the agenda with the decision (axe); the decision is on the listing.
   */
  @Test
  void theChairRecordsThePanelsDecisionInTasklistAndTheMeetingPageRendersTheAgenda() throws Exception {
    String reference = aCaseFromAReferral("Bp" + System.nanoTime());
    runtime.startProcessInstanceByKey("panel-case", reference, Map.of("caseRef", reference, "taskPriority", 50));
    long meeting = assessedAtItsPanelMeeting(reference);

    String output = node(List.of("tasklist-panel.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-chair",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString(),
        "CASE", reference,
        "MEETING_ID", Long.toString(meeting)));
    assertThat(output).contains("tasklist-panel: 1 passed, 0 failed");
    assertThat(jdbc.queryForList("""
        SELECT l.outcome || ' ' || l.recommendation FROM panel_listing l JOIN case_file c ON c.id = l.case_id
        WHERE c.reference = ?""", String.class, reference)).containsExactly("NOT_ADOPT_NFA ADOPT");
  }

  /**
   * The support stage (issue 11): a case the panel adopted (through the REST API) about a person under 18;
   * a Channel coordinator completes its support plan in Tasklist (axe, the plain error summary, one
   * intervention) and then records a parent's consent (axe). The plan, its allocation and the consent are
   * in the case record, the case is in support, and nothing typed is in any engine table.
   */
  @Test
  void aCoordinatorCompletesTheSupportPlanAndRecordsAParentsConsentForAYoungPersonInTasklist() throws Exception {
    String reference = caseReferredToThePanel("Bs");
    adoptedByThePanel(reference);
    assertThat(stageOf(reference)).isEqualTo("CONSENT");
    String marker = "Bs" + System.nanoTime();

    String output = whileTheJobsRun(() -> node(List.of("tasklist-support.mjs"), Map.of(
        "BASE_URL", baseUrl(),
        "LOGIN_USER", "demo-coordinator",
        "LOGIN_PASSWORD", DEMO_PASSWORD,
        "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString(),
        "CASE", reference,
        "PROVIDER", "demo-provider",
        "MARKER", marker)));
    assertThat(output).contains("tasklist-support: 1 passed, 0 failed");

    executeDueJobs();
    assertThat(stageOf(reference)).as("a parent consented: support starts").isEqualTo("SUPPORT");
    Map<String, String> entries = new java.util.HashMap<>();
    jdbc.query("""
        SELECT e.kind, e.summary, e.body FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? AND e.kind IN ('PLAN', 'CONSENT')""", row -> {
          entries.put(row.getString("kind") + ": " + row.getString("summary"), row.getString("body"));
        }, reference);
    assertThat(entries).containsOnlyKeys("PLAN: Support plan: 1 intervention",
        "CONSENT: Consent given by a parent or guardian");
    assertThat(entries.get("PLAN: Support plan: 1 intervention")).as("the plan's five texts, as typed")
        .contains("The support: Weekly mentoring sessions (" + marker + ").",
            "Interventions: Ideological or theological mentoring", "Allocated to the intervention provider: demo-provider")
        .satisfies(body -> assertThat(body.split(java.util.regex.Pattern.quote(marker), -1)).hasSize(6));
    assertThat(entries.get("CONSENT: Consent given by a parent or guardian")).contains(
        "How, when and by whom it was sought: The coordinator met the mother at home; she agreed (" + marker + ").",
        "The young person's own agreement: Yes");
    assertThat(jdbc.queryForList("""
        SELECT a.provider_user_id FROM support_allocation a JOIN case_file c ON c.id = a.case_id WHERE c.reference = ?""",
        String.class, reference)).containsExactly("demo-provider");
    assertThat(ReferralIntakeIT.engineTablesHolding(jdbc, List.of(marker))).isEmpty();
  }

  private String stageOf(String reference) {
    return jdbc.queryForObject("SELECT stage FROM case_file WHERE reference = ?", String.class, reference);
  }

  /**
   * Runs the script while the due jobs run every half second, as the job executor does in production:
   * a task the script completes may be followed by an asynchronous continuation before its next task.
   */
  private String whileTheJobsRun(java.util.concurrent.Callable<String> script) throws Exception {
    var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    executor.scheduleWithFixedDelay(() -> {
      try {
        executeDueJobs();
      } catch (RuntimeException failed) {
        // as the job executor, try again on the next round
      }
    }, 0, 500, TimeUnit.MILLISECONDS);
    try {
      return script.call();
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** The police deconflict the case's referral (through the REST API): its screening waits in Tasklist. */
  private void deconflictedClear(String reference) {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_DeconflictReferral")
        .singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/claim", "demo-police", "{\"userId\": \"demo-police\"}")
        .statusCode()).isEqualTo(204);
    assertThat(call("POST", "/engine-rest/task/" + task + "/submit-form", "demo-police",
        "{\"variables\": {\"deconfliction\": {\"value\": \"CLEAR\"}}}").statusCode()).isEqualTo(204);
    executeDueJobs(); // the screening follows the deconfliction's asynchronous boundary
  }

  /** A referral through the partner API, as the demo referrer: its id. */
  long refer(Map<String, Object> referral) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/referrals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", "browser-" + System.nanoTime())
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("demo-referrer:" + DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ReferralExamples.json(referral))).build();
    var created = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Long.parseLong(created.body().replaceFirst(".*\"referralId\":(\\d+).*", "$1"));
  }

  String caseOf(long referralId) {
    return jdbc.queryForList("""
        SELECT c.reference FROM case_referral l JOIN case_file c ON c.id = l.case_id WHERE l.referral_id = ?""",
        String.class, referralId).stream().findFirst().orElse(null);
  }

  /** Runs a script with Node; its output is echoed, and a non-zero exit fails the test. */
  static String node(List<String> arguments, Map<String, String> environment) throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    ProcessBuilder builder = new ProcessBuilder(concat("node", arguments)).directory(SCRIPTS.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    File log = Files.createTempFile("browser-test", ".log").toFile();
    builder.redirectOutput(log);
    Process process = builder.start();
    boolean finished = process.waitFor(8, TimeUnit.MINUTES); // a loaded 2-core machine renders the forms slowly
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log.toPath());
    System.out.println(output);
    assertThat(finished).as("browser script finished in time").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
  }
}
