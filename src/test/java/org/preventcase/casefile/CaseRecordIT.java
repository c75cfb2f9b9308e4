package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case record, its access rules and its audit trail, on PostgreSQL as the application's role. */
class CaseRecordIT extends ApplicationIT {

  static final String OTHER_AUTHORITY = "E06000032";
  static final String OTHER_COORDINATOR = "test-luton-coordinator";

  @Autowired CaseService cases;
  @Autowired Actors actors;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  String reference;

  @BeforeEach
  void aCoordinatorHasOpenedACase() {
    reference = open("demo-coordinator", "E06000031");
  }

  String open(String user, String authority) {
    NewCase.Person person = new NewCase.Person("Ashby", "Quillfeather", LocalDate.of(2009, 3, 14), "Male",
        List.of("Ash Q"), "1 Invented Row, Nowhere", "ZZ1 1ZZ");
    NewCase.Referral referral = new NewCase.Referral(OffsetDateTime.now(), "EDUCATION", "ISLAMIST", "ROUTINE",
        "Shared a post: <script>alert('x')</script> & more");
    return CaseFixtures.open(cases, actors.of(user), new NewCase(authority, person, referral));
  }

  List<Map<String, Object>> auditRows(String user) {
    return jdbc.queryForList("""
        SELECT action, outcome, purpose_code, purpose_detail, recipient, authority_code, case_id FROM audit_event
        WHERE case_reference = ? AND user_id = ? ORDER BY id""", reference, user);
  }

  @Test
  void openingACaseWritesOneCreateRowAndAHumanReadableReference() {
    assertThat(reference).matches(CaseReference.PATTERN).startsWith("E06000031-" + java.time.Year.now().getValue() + "-");
    assertThat(auditRows("demo-coordinator")).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("action", "CREATE").containsEntry("outcome", "GRANTED")
          .containsEntry("purpose_code", "INTAKE").containsEntry("authority_code", "E06000031");
      assertThat(row.get("case_id")).isNotNull();
    });
  }

  @Test
  void theCasePageShowsTheCaseAndWritesOneViewRowWithPurposeCasePage() {
    HttpResponse<String> page = signIn("demo-chair").get("/cases/" + reference);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Quillfeather").contains("Ash Q").contains("Screening").contains("Invented Row");
    assertThat(auditRows("demo-chair")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "VIEW").containsEntry("outcome", "GRANTED").containsEntry("purpose_code", "CASE_PAGE"));
  }

  @Test
  void aTasklistLinkRecordsTheTaskAsThePurpose() {
    assertThat(signIn("demo-police").get("/cases/" + reference + "?purpose=TASK:task-123").statusCode()).isEqualTo(200);
    assertThat(auditRows("demo-police")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("purpose_code", "TASK").containsEntry("purpose_detail", "task-123"));
  }

  @Test
  void theCaseApiWritesOneViewRowWithPurposeCaseApi() {
    HttpResponse<String> api = call("GET", "/api/cases/" + reference, "demo-chair", null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"reference\":\"" + reference + "\"").contains("Quillfeather");
    assertThat(auditRows("demo-chair")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "VIEW").containsEntry("purpose_code", "CASE_API"));
  }

  @Test
  void anAdHocSearchMustStateItsReason() {
    HttpResponse<String> refused = call("GET", "/api/cases/" + reference + "?purpose=SEARCH", "demo-coordinator", null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(call("GET", "/api/cases/" + reference + "?purpose=SEARCH:checking%20a%20repeat%20referral",
        "demo-coordinator", null).statusCode()).isEqualTo(200);
    assertThat(auditRows("demo-coordinator")).extracting(row -> row.get("purpose_detail"))
        .containsExactly(null, "checking a repeat referral");
  }

  @Test
  void addingAnEntryWritesOneUpdateRow() {
    cases.addEntry(actors.of("demo-police"), reference, new NewEntry(EntryKind.NOTE, "Deconfliction done", "No conflict."),
        new Purpose(Purpose.Code.TASK, "task-9"));
    assertThat(auditRows("demo-police")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "UPDATE").containsEntry("purpose_code", "TASK").containsEntry("purpose_detail", "task-9"));
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void aRefusedWriteIsAuditedEvenWhenTheRefusedCommandRollsBack() {
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThatThrownBy(() -> cases.addEntry(actors.of("demo-panel-health"), reference,
          new NewEntry(EntryKind.NOTE, "Not allowed", "A panel member may not write."), Purpose.of(Purpose.Code.CASE_API)))
          .isInstanceOf(CaseNotFoundException.class);
      status.setRollbackOnly();
    });
    assertThat(auditRows("demo-panel-health")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "UPDATE").containsEntry("outcome", "REFUSED_ROLE"));
  }

  @Test
  void theSystemActorWorksOnItsInstancesAuthorityOnlyAndIsAuditedAsSuch() {
    cases.addEntry(Actor.system("E06000031"), reference, new NewEntry(EntryKind.NOTE, "Screening overdue",
        "Recorded by the case process."), Purpose.of(Purpose.Code.TASK));
    assertThat(cases.view(Actor.system("E06000032"), reference, Purpose.of(Purpose.Code.TASK))).isEmpty();
    assertThat(cases.export(Actor.system("E06000031"), reference, Purpose.of(Purpose.Code.TASK), "anyone")).isEmpty();
    assertThat(auditRows(Actor.SYSTEM_ENGINE)).extracting(row -> row.get("action") + " " + row.get("outcome"))
        .containsExactly("UPDATE GRANTED", "VIEW REFUSED_AUTHORITY", "EXPORT REFUSED_ROLE");
  }

  @Test
  void noUserOrGroupCanBeTheSystemActor() {
    assertThatThrownBy(() -> identity.saveUser(identity.newUser(Actor.SYSTEM_ENGINE))).isNotNull();
    assertThatThrownBy(() -> identity.saveGroup(identity.newGroup(Actor.SYSTEM_ENGINE))).isNotNull();
  }

  @Test
  void anExportRecordsItsRecipient() {
    assertThat(cases.export(actors.of("demo-coordinator"), reference, new Purpose(Purpose.Code.REPORT, "panel pack"),
        "Channel panel members")).isPresent();
    assertThat(auditRows("demo-coordinator")).last().satisfies(row -> assertThat(row)
        .containsEntry("action", "EXPORT").containsEntry("recipient", "Channel panel members")
        .containsEntry("purpose_detail", "panel pack"));
  }

  @Test
  void aRoleNotAllowedSeesNothingAndIsAuditedAsRefused() {
    HttpResponse<String> api = call("GET", "/api/cases/" + reference, "demo-referrer", null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("Quillfeather").contains("There is no such case, or you may not see it.");
    HttpResponse<String> page = signIn("demo-provider").get("/cases/" + reference);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain("Quillfeather");
    assertThat(auditRows("demo-referrer")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("action", "VIEW").containsEntry("outcome", "REFUSED_ROLE").containsEntry("purpose_code", "CASE_API"));
    assertThat(auditRows("demo-provider")).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("outcome", "REFUSED_ROLE").containsEntry("purpose_code", "CASE_PAGE"));
  }

  @Test
  void anotherAuthoritysCaseReturnsNothingToItsUsersAndIsAuditedAsRefused() {
    anotherAuthorityHasACoordinator(identity);
    String theirs = open(OTHER_COORDINATOR, OTHER_AUTHORITY);
    assertThat(theirs).startsWith(OTHER_AUTHORITY + "-");
    HttpResponse<String> ours = call("GET", "/api/cases/" + theirs, "demo-coordinator", null);
    HttpResponse<String> unknown = call("GET", "/api/cases/" + OTHER_AUTHORITY + "-2001-99999", "demo-coordinator", null);
    assertThat(ours.statusCode()).isEqualTo(404);
    assertThat(ours.body().replace(theirs, "REF"))
        .isEqualTo(unknown.body().replace(OTHER_AUTHORITY + "-2001-99999", "REF"));
    assertThatThrownBy(() -> cases.addEntry(actors.of("demo-coordinator"), theirs,
        new NewEntry(EntryKind.NOTE, "x", "y"), Purpose.of(Purpose.Code.CASE_PAGE))).isInstanceOf(CaseNotFoundException.class);
    assertThat(call("GET", "/api/cases/" + reference, OTHER_COORDINATOR, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/cases/" + theirs, OTHER_COORDINATOR, null).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForList("SELECT action, outcome, authority_code FROM audit_event WHERE case_reference = ? "
        + "AND user_id = 'demo-coordinator' ORDER BY id", theirs)).containsExactly(
        Map.of("action", "VIEW", "outcome", "REFUSED_AUTHORITY", "authority_code", OTHER_AUTHORITY),
        Map.of("action", "UPDATE", "outcome", "REFUSED_AUTHORITY", "authority_code", OTHER_AUTHORITY));
    assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE case_reference = ?", String.class,
        OTHER_AUTHORITY + "-2001-99999")).containsExactly("NOT_FOUND");
  }

  @Test
  void aCorrectionKeepsTheCorrectedEntryVisibleInTheCasesHistory() {
    Actor chair = actors.of("demo-chair");
    long decision = cases.addEntry(chair, reference, new NewEntry(EntryKind.DECISION, "Adopt for Channel support",
        "Unanimous."), Purpose.of(Purpose.Code.CASE_PAGE));
    long correction = cases.correctEntry(chair, reference, decision, new NewEntry(EntryKind.DECISION,
        "Adopt for Channel support", "Majority, chair's casting vote."), Purpose.of(Purpose.Code.CASE_PAGE));
    CaseView view = cases.view(chair, reference, Purpose.of(Purpose.Code.CASE_API)).orElseThrow();
    assertThat(view.entries()).extracting(CaseView.Entry::id).containsExactly(decision, correction);
    assertThat(view.entries().get(0).body()).isEqualTo("Unanimous.");
    assertThat(view.entries().get(0).correctedBy()).containsExactly(correction);
    assertThat(view.entries().get(1).correctsEntryId()).isEqualTo(decision);
    String page = signIn("demo-chair").get("/cases/" + reference).body();
    assertThat(page).contains("Unanimous.").contains("corrected by #" + correction).contains("corrects entry #" + decision);
  }

  @Test
  void textIsStoredAsWrittenAndEscapedOnThePage() {
    assertThat(jdbc.queryForObject("SELECT r.concern FROM referral r JOIN case_referral l ON l.referral_id = r.id "
        + "JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?", String.class, reference))
        .isEqualTo("Shared a post: <script>alert('x')</script> & more");
    String page = signIn("demo-coordinator").get("/cases/" + reference).body();
    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
  }

  @Test
  void theApplicationRoleCannotUpdateOrDeleteAnAuditRowOrACaseEntry() {
    cases.addEntry(actors.of("demo-police"), reference, new NewEntry(EntryKind.NOTE, "A note", null),
        Purpose.of(Purpose.Code.CASE_PAGE));
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("prevent_app");
    for (String forbidden : List.of("UPDATE audit_event SET purpose_code = 'X'", "DELETE FROM audit_event",
        "TRUNCATE audit_event", "UPDATE audit_event_default SET purpose_code = 'X'",
        "UPDATE case_entry SET body = 'changed'", "DELETE FROM case_entry", "TRUNCATE case_entry",
        "DELETE FROM case_file", "DELETE FROM person", "UPDATE referral SET concern = 'changed'")) {
      assertThatThrownBy(() -> jdbc.execute(forbidden)).as(forbidden).rootCause().hasMessageContaining("permission denied");
    }
  }

  @Test
  void everyTableHoldingCaseDataCarriesItsAuthority() {
    List<String> caseTables = List.of("person", "person_alias", "person_address", "referral", "case_file",
        "case_referral", "case_entry", "audit_event");
    for (String table : caseTables) {
      assertThat(jdbc.queryForObject("SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'public' "
          + "AND table_name = ? AND column_name = 'authority_code'", String.class, table)).as(table).isEqualTo("NO");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM case_file c JOIN local_authority a ON a.code = c.authority_code "
        + "WHERE c.reference = ?", Integer.class, reference)).isOne();
  }

  @Test
  void theAuditTableIsPartitionedByMonthWithPartitionsAhead() {
    assertThat(jdbc.queryForObject("SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'audit_event'::regclass",
        String.class)).isEqualTo("r");
    List<String> partitions = jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        + "WHERE i.inhparent = 'audit_event'::regclass", String.class);
    assertThat(partitions).contains("audit_event_default").hasSizeGreaterThanOrEqualTo(13);
    assertThat(jdbc.queryForObject("SELECT tableoid::regclass::text FROM audit_event WHERE case_reference = ? LIMIT 1",
        String.class, reference)).matches("audit_event_\\d{4}_\\d{2}");
    assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_event'", String.class))
        .anySatisfy(index -> assertThat(index).contains("(case_id, at)"))
        .anySatisfy(index -> assertThat(index).contains("(user_id, at)"));
  }

  @Test
  void managersSeeACasesTrailAndAUsersReadsAndTheirLookIsAudited() {
    call("GET", "/api/cases/" + reference, "demo-panel-education", null);
    HttpResponse<String> trail = call("GET", "/api/audit/cases/" + reference, "demo-manager", null);
    assertThat(trail.statusCode()).isEqualTo(200);
    assertThat(trail.body()).contains("demo-panel-education").contains("CREATE").contains("demo-coordinator");
    HttpResponse<String> reads = signIn("demo-manager").get("/audit/users/demo-panel-education");
    assertThat(reads.statusCode()).isEqualTo(200);
    assertThat(reads.body()).contains(reference).contains("Case API");
    assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE user_id = 'demo-manager' AND purpose_code = "
        + "'AUDIT_REVIEW' AND (case_reference = ? OR subject_user_id = 'demo-panel-education')", String.class, reference))
        .containsExactly("AUDIT_VIEW", "AUDIT_VIEW");
  }

  @Test
  void onlyPreventManagersSeeTheAuditTrail() {
    assertThat(call("GET", "/api/audit/cases/" + reference, "demo-coordinator", null).statusCode()).isEqualTo(404);
    assertThat(signIn("demo-admin").get("/audit/users/demo-coordinator").statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT outcome FROM audit_event WHERE user_id = 'demo-coordinator' "
        + "AND action = 'AUDIT_VIEW' AND case_reference = ?", String.class, reference)).isEqualTo("REFUSED_ROLE");
  }

  @Test
  void theReferenceDataHoldsTheAuthoritiesAndEveryTerritorialPoliceForce() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM police_force", Integer.class)).isEqualTo(43);
    assertThat(jdbc.queryForMap("SELECT a.name, f.force_name FROM local_authority a JOIN police_force f "
        + "ON f.code = a.police_force_code WHERE a.code = 'E06000031'"))
        .containsEntry("name", "Peterborough").containsEntry("force_name", "Cambridgeshire Constabulary");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM local_authority", Integer.class)).isEqualTo(339);
    assertThat(jdbc.queryForMap("SELECT a.kind, c.name AS county, f.force_name FROM local_authority a "
        + "JOIN local_authority c ON c.code = a.county_code JOIN police_force f ON f.code = a.police_force_code "
        + "WHERE a.code = 'E07000244'"))
        .containsEntry("kind", "NON_METROPOLITAN_DISTRICT").containsEntry("county", "Suffolk")
        .containsEntry("force_name", "Suffolk Constabulary");
  }

  /** Luton (E06000032) and its coordinator, made once for the shared context. */
  static void anotherAuthorityHasACoordinator(IdentityService identity) {
    if (identity.createTenantQuery().tenantId(OTHER_AUTHORITY).count() == 0) {
      Tenant tenant = identity.newTenant(OTHER_AUTHORITY);
      tenant.setName("Luton Borough Council");
      identity.saveTenant(tenant);
    }
    if (identity.createUserQuery().userId(OTHER_COORDINATOR).count() == 0) {
      User user = identity.newUser(OTHER_COORDINATOR);
      user.setFirstName("Noor");
      user.setLastName("Pelham");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(OTHER_COORDINATOR, Role.CHANNEL_COORDINATOR.groupId());
      identity.createTenantUserMembership(OTHER_AUTHORITY, OTHER_COORDINATOR);
    }
  }

  @Autowired java.time.Clock clock;

  @Test
  void thePersonsAgeComesFromTheDateOfBirthOrElseFromAReferralsApproximateAgeGrownByTheYearsSince() {
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
    Purpose purpose = new Purpose(Purpose.Code.PROCESS, "who must consent");
    Actor coordinator = actors.of("demo-coordinator");
    assertThat(cases.ageOn(coordinator, reference, today.plusYears(1), purpose)).contains(new PersonAge(
        java.time.Period.between(LocalDate.of(2009, 3, 14), today.plusYears(1)).getYears(), false));

    Map<String, Object> referral = new java.util.LinkedHashMap<>(org.preventcase.intake.ReferralExamples.valid(
        "Ag" + java.util.UUID.randomUUID().toString().substring(0, 8)));
    referral.remove("personDateOfBirth");
    referral.put("personApproximateAge", 40);
    HttpResponse<String> created = org.preventcase.intake.ReferralApiIT.post(baseUrl(), "demo-referrer",
        "age-" + java.util.UUID.randomUUID(), org.preventcase.intake.ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String approximate = org.preventcase.intake.ReferralApiIT.caseOf(jdbc, created);

    assertThat(cases.ageOn(coordinator, approximate, today.plusYears(2).plusDays(1), purpose))
        .as("40 when referred, two years on").contains(new PersonAge(42, true));
  }
}
