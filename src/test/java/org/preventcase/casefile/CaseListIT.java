package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Cases page (an authority's open cases) and the search, their roles, authority scoping and audit rows. */
class CaseListIT extends ApplicationIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired CaseService cases;
  @Autowired Actors actors;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  String family;

  @BeforeEach
  void aFamilyNameOnlyThisTestUses() {
    family = "Wrenfield" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
    CaseRecordIT.anotherAuthorityHasACoordinator(identity);
  }

  String open(String user, String authority, String givenNames, String alias, LocalDate dateOfBirth) {
    NewCase.Person person = new NewCase.Person(givenNames, family, dateOfBirth, "Female", List.of(alias),
        "2 Invented Close, Nowhere", "ZZ9 9ZZ");
    NewCase.Referral referral = new NewCase.Referral(OffsetDateTime.now(), "HEALTH", "EXTREME_RIGHT_WING", "URGENT",
        "Invented concern");
    return CaseFixtures.open(cases, actors.of(user), new NewCase(authority, person, referral));
  }

  List<Map<String, Object>> auditRowsSince(String user, long after) {
    return jdbc.queryForList("""
        SELECT action, outcome, purpose_code, purpose_detail, authority_code, case_reference FROM audit_event
        WHERE user_id = ? AND id > ? ORDER BY id""", user, after);
  }

  long lastAuditId() {
    return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
  }

  static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).as("the page carries a CSRF token").isTrue();
    return token.group(1);
  }

  static String form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(key).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }

  @Test
  void theCaseListShowsTheOpenCasesOfTheUsersAuthorityOnlyAndWritesOneCaseListRow() {
    String ours = open("demo-coordinator", "E06000031", "Maren", "Mare W", LocalDate.of(2008, 5, 1));
    String closed = open("demo-coordinator", "E06000031", "Ilse", "Ilse W", LocalDate.of(2007, 6, 2));
    cases.close(actors.of("demo-coordinator"), closed, ClosureReason.NFA_CLOSED, Purpose.of(Purpose.Code.CASE_API));
    String theirs = open(CaseRecordIT.OTHER_COORDINATOR, CaseRecordIT.OTHER_AUTHORITY, "Tove", "Tove W",
        LocalDate.of(2006, 7, 3));
    long before = lastAuditId();

    HttpResponse<String> page = signIn("demo-police").get("/cases");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/cases/" + ours + "\"").contains("Maren " + family)
        .contains("Screening (").contains("Urgent").doesNotContain(closed).doesNotContain(theirs);
    assertThat(auditRowsSince("demo-police", before)).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "VIEW").containsEntry("outcome", "GRANTED").containsEntry("purpose_code", "CASE_LIST")
        .containsEntry("authority_code", "E06000031"));
    assertThat(signIn(CaseRecordIT.OTHER_COORDINATOR).get("/cases").body()).contains(theirs).doesNotContain(ours);
  }

  @Test
  void eachRoleThatManagesCasesMayOpenTheListAndPanelPartnersAndReferrersMayNot() {
    for (String user : List.of("demo-coordinator", "demo-police", "demo-chair", "demo-manager")) {
      assertThat(signIn(user).get("/cases").statusCode()).as(user).isEqualTo(200);
    }
    for (String user : List.of("demo-panel-police", "demo-panel-health", "demo-referrer", "demo-provider")) {
      long before = lastAuditId();
      HttpResponse<String> refused = signIn(user).get("/cases");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).as(user).contains("You cannot open this page").doesNotContain(family);
      assertThat(auditRowsSince(user, before)).as(user).singleElement().satisfies(row -> assertThat(row)
          .containsEntry("outcome", "REFUSED_ROLE").containsEntry("purpose_code", "CASE_LIST"));
    }
  }

  @Test
  void theListNamesTheGroupOwningTheCasesOpenTaskAndItsEarliestDueDate() {
    String marker = "Cl" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid(marker)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String reference = jdbc.queryForObject("""
        SELECT c.reference FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.given_names = ?""",
        String.class, "Oswin" + marker);
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).active().list();
    assertThat(open).as("the case process waits in a task").isNotEmpty();
    Task task = open.get(0);
    task.setDueDate(Date.from(OffsetDateTime.of(2031, 2, 3, 16, 30, 0, 0, ZoneOffset.UTC).toInstant()));
    tasks.saveTask(task);
    String group = tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).sorted().findFirst().orElseThrow();

    String page = signIn("demo-coordinator").get("/cases").body();

    String row = page.substring(page.indexOf("href=\"/cases/" + reference + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains(java.util.Arrays.stream(org.preventcase.security.Role.values())
        .filter(role -> role.groupId().equals(group)).findFirst().orElseThrow().displayName().replace("'", "&#39;"))
        .contains("3 Feb 2031, 16:30");
  }

  @Test
  void aSearchByAnAliasOrNameSpelledDifferentlyFindsTheCaseAndIsAuditedWithItsReason() {
    String ours = open("demo-coordinator", "E06000031", "Mohammed", "Mo Quill", LocalDate.of(2009, 3, 14));
    String theirs = open(CaseRecordIT.OTHER_COORDINATOR, CaseRecordIT.OTHER_AUTHORITY, "Mohammed", "Mo Quill",
        LocalDate.of(2009, 3, 14));
    Browser browser = signIn("demo-coordinator");
    String token = csrf(browser.get("/cases").body());
    long before = lastAuditId();

    HttpResponse<String> byName = browser.postForm("/cases/search", form(Map.of("_csrf", token,
        "reason", "Call from a school", "name", "muhammad " + family.toUpperCase(java.util.Locale.ROOT))));
    HttpResponse<String> byAlias = browser.postForm("/cases/search", form(Map.of("_csrf", token,
        "reason", "Call from a school", "name", "Quill, Mo", "dobDay", "14", "dobMonth", "3", "dobYear", "2009")));

    for (HttpResponse<String> found : List.of(byName, byAlias)) {
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("Search results").contains("href=\"/cases/" + ours + "\"")
          .doesNotContain(theirs);
    }
    assertThat(auditRowsSince("demo-coordinator", before)).hasSize(2).allSatisfy(row -> assertThat(row)
        .containsEntry("action", "VIEW").containsEntry("outcome", "GRANTED").containsEntry("purpose_code", "SEARCH")
        .containsEntry("purpose_detail", "Call from a school").containsEntry("authority_code", "E06000031"));
  }

  @Test
  void aSearchWithoutAReasonIsRefusedWithAnErrorSummaryNamingTheFieldAndReadsNothing() {
    Browser browser = signIn("demo-coordinator");
    String token = csrf(browser.get("/cases").body());
    long before = lastAuditId();

    HttpResponse<String> refused = browser.postForm("/cases/search", form(Map.of("_csrf", token, "reason", " ",
        "name", family)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("govuk-error-summary").contains("href=\"#reason\"")
        .contains("Enter why you are searching").contains("govuk-input--error");
    assertThat(auditRowsSince("demo-coordinator", before)).isEmpty();
  }

  @Test
  void aSearchForAnImpossibleDateOfBirthNamesTheDate() {
    Browser browser = signIn("demo-coordinator");
    HttpResponse<String> refused = browser.postForm("/cases/search", form(Map.of("_csrf", csrf(browser.get("/cases").body()),
        "reason", "Checking a call", "dobDay", "31", "dobMonth", "2", "dobYear", "2010")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("href=\"#dobDay\"").contains("Date of birth must be a real date");
  }
}
