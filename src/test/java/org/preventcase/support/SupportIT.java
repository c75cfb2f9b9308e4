package org.preventcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.database.LoggedStatements;
import org.preventcase.panel.Meeting;
import org.preventcase.panel.MeetingRecords;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, through the engine's REST API as Tasklist calls it (issue 11): a referral from its
 * submission through the panel's adoption, the support plan, a parent's consent, a contact, the exit and
 * both post-exit reviews to its closure, the case record checked at each stage. The meetings are
 * records of their own; each tells the case it is open as the meeting's process would.
 */
class SupportIT extends ApplicationIT {

  static final String COORDINATOR = "demo-coordinator";
  static final String CHAIR = "demo-chair";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TestClock clock;
  @Autowired MeetingRecords meetings;
  @Autowired CaseService cases;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  Map<String, Object> record(String reference) {
    return jdbc.queryForMap("SELECT stage, status, closure_reason FROM case_file WHERE reference = ?", reference);
  }

  List<String> entries(String reference) {
    return jdbc.queryForList("""
        SELECT e.kind || ': ' || e.summary FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? ORDER BY e.id""", String.class, reference);
  }

  /** A meeting of the case's authority held yesterday, listing the case for this purpose: its id. */
  long meetingFor(String reference, ListingPurpose purpose) {
    Instant held = clock.instant().minus(Duration.ofDays(1));
    long meeting = meetings.insert("E06000031", List.of("E06000031"), Meeting.Kind.ROUTINE, held, held, 8,
        "support-it").id();
    cases.listAtPanelMeeting(Actor.system("E06000031"), reference, meeting, purpose,
        new Purpose(Purpose.Code.PROCESS, "support test"));
    return meeting;
  }

  void movesOn(Duration time) {
    clock.advance(time);
    executeDueJobs();
  }

  @Test
  void aReferralGoesThroughConsentSupportAndExitToItsTwelveMonthPostExitReviewAndCloses() {
    Instant start = clock.instant();
    try {
      String reference = caseReferredToThePanel("Su");
      assertThat(record(reference)).containsEntry("stage", "PANEL");
      adoptedByThePanel(reference);
      assertThat(record(reference)).as("adopted: the plan and consent first").containsEntry("stage", "CONSENT");

      submitTask(reference, "Task_PrepareSupportPlan", COORDINATOR, Map.of("consentApproach", SYNTHETIC_TEXT,
          "supportNature", SYNTHETIC_TEXT, "supportProviders", SYNTHETIC_TEXT, "supportDelivery", SYNTHETIC_TEXT,
          "interventionTypes", List.of("IDEOLOGICAL_MENTORING"), "interventionDetails", SYNTHETIC_TEXT,
          "interventionProvider", "demo-provider"));
      assertThat(jdbc.queryForObject("""
          SELECT a.provider_user_id FROM support_allocation a JOIN case_file c ON c.id = a.case_id WHERE c.reference = ?""",
          String.class, reference)).isEqualTo("demo-provider");
      submitTask(reference, "Task_RecordConsent", COORDINATOR, Map.of("consentRecord", SYNTHETIC_TEXT,
          "consentOutcome", "GIVEN", "consentGivenBy", "PARENT_OR_GUARDIAN", "youngPersonAgrees", "YES"));
      assertThat(record(reference)).as("the person is under 18: a parent consented").containsEntry("stage", "SUPPORT");
      submitTask(reference, "Task_RecordContact", "demo-provider", Map.of("contactOutcome", "CONTACT_MADE",
          "contactNote", SYNTHETIC_TEXT));

      long reviewed = meetingFor(reference, ListingPurpose.REVIEW);
      runtime.createMessageCorrelation("PanelReviewDue").processInstanceBusinessKey(reference)
          .setVariableLocal("panelMeetingId", reviewed).setVariableLocal("panelMeetingQuorate", true).correlateAll();
      submitTask(reference, "Task_ReviewAdoptedCase", CHAIR, Map.of("reviewDecision", "EXIT",
          "reviewRationale", SYNTHETIC_TEXT));
      assertThat(record(reference)).containsEntry("stage", "POST_EXIT_REVIEW").containsEntry("status", "OPEN");

      movesOn(Duration.ofDays(184));
      submitTask(reference, "Task_ReviewAfterExit", COORDINATOR, Map.of("postExitReviewOutcome", "NO_CONCERN",
          "postExitReviewRationale", SYNTHETIC_TEXT));
      assertThat(record(reference)).as("after the 6-month review").containsEntry("status", "OPEN");
      movesOn(Duration.ofDays(184));
      submitTask(reference, "Task_ReviewAfterExit", COORDINATOR, Map.of("postExitReviewOutcome", "NO_CONCERN",
          "postExitReviewRationale", SYNTHETIC_TEXT));

      assertThat(record(reference)).containsEntry("stage", "CLOSED").containsEntry("status", "CLOSED")
          .containsEntry("closure_reason", "EXITED_AFTER_REVIEWS");
      assertThat(entries(reference)).contains("PLAN: Support plan: 1 intervention",
          "CONSENT: Consent given by a parent or guardian", "NOTE: Contact recorded (intervention 1 of 1)",
          "REVIEW: Channel panel review: Exit: the susceptibility is removed or significantly reduced",
          "REVIEW: Post-exit review 1: No concern", "REVIEW: Post-exit review 2: No concern");
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    } finally {
      clock.set(start);
    }
  }

  @Test
  void aCaseAdoptedAgainAfterItsExitIsListedForReviewAgainUntilItsNextExit() {
    String reference = caseAwaitingScreening("Sr");
    Actor system = Actor.system("E06000031");
    Purpose purpose = new Purpose(Purpose.Code.PROCESS, "support test");
    java.util.function.Supplier<List<String>> listed = () -> cases.casesForPanelReview(system, List.of("E06000031"),
        purpose);
    for (String outcome : List.of("ADOPT", "EXIT", "ADOPT")) {
      long meeting = meetingFor(reference, outcome.equals("EXIT") ? ListingPurpose.REVIEW : ListingPurpose.DECIDE);
      cases.recordPanelOutcome(system, reference, meeting, new org.preventcase.casefile.PanelOutcome(outcome, null, null,
          true), purpose);
      assertThat(listed.get()).as("after " + outcome).matches(references -> references.contains(reference)
          == !outcome.equals("EXIT"));
    }
  }

  @Test
  void theProvidersPageReadsThePersonThePlanAndWhatTheProviderRecordedOnly() {
    String reference = inSupport("Pn");
    submitTask(reference, "Task_RecordContact", "demo-provider", Map.of("contactOutcome", "CONTACT_MADE",
        "contactNote", SYNTHETIC_TEXT));
    Actor provider = new Actor("demo-provider", Set.of(Role.INTERVENTION_PROVIDER.groupId()), Set.of("E06000031"));

    List<String> statements = LoggedStatements.sql(() -> assertThat(cases.viewForProvider(provider, reference,
        Purpose.of(Purpose.Code.CASE_PAGE))).hasValueSatisfying(view -> {
          assertThat(view.plans()).extracting(entry -> entry.summary()).containsExactly("Support plan: 1 intervention");
          assertThat(view.ownEntries()).extracting(entry -> entry.summary())
              .containsExactly("Contact recorded (intervention 1 of 1)");
        }));
    assertThat(LoggedStatements.tables(statements)).as("nothing of the referral, the screening, the partners' "
        + "information, the panel, the holds or the person's other cases: " + statements)
        .containsOnly("case_file", "support_allocation", "local_authority", "person", "person_alias", "person_address",
            "case_entry");
    assertThat(statements).filteredOn(sql -> sql.contains("FROM case_file")).as("only the case's own head")
        .hasSize(1);
    assertThat(statements.get(statements.size() - 1)).as("audited").startsWith("SELECT audit_append(");
  }

  /** The support plan form's values: one intervention (life skills), allocated to the provider. */
  static Map<String, Object> planFor(String provider) {
    return Map.of("consentApproach", SYNTHETIC_TEXT, "supportNature", SYNTHETIC_TEXT, "supportProviders",
        SYNTHETIC_TEXT, "supportDelivery", SYNTHETIC_TEXT, "interventionTypes", List.of("LIFE_SKILLS"),
        "interventionDetails", SYNTHETIC_TEXT, "interventionProvider", provider);
  }

  /** The panel reviews the case in support (a meeting held yesterday) and has its plan revised, to the provider. */
  void revisedTo(String reference, String provider) {
    long reviewed = meetingFor(reference, ListingPurpose.REVIEW);
    runtime.createMessageCorrelation("PanelReviewDue").processInstanceBusinessKey(reference)
        .setVariableLocal("panelMeetingId", reviewed).setVariableLocal("panelMeetingQuorate", true).correlateAll();
    submitTask(reference, "Task_ReviewAdoptedCase", CHAIR, Map.of("reviewDecision", "REVISE_PLAN",
        "reviewRationale", SYNTHETIC_TEXT));
    submitTask(reference, "Task_RevisePlan", COORDINATOR, planFor(provider));
  }

  /** The case's allocations, the earliest first: the provider and whether it has ended. */
  List<String> allocations(String reference) {
    return jdbc.queryForList("""
        SELECT a.provider_user_id || CASE WHEN a.ended_at IS NULL THEN '' ELSE ' (ended by ' || a.ended_by || ')' END
        FROM support_allocation a JOIN case_file c ON c.id = a.case_id WHERE c.reference = ? ORDER BY a.id""",
        String.class, reference);
  }

  @Test
  void aPlanRevisedToAnotherProviderEndsTheEarlierProvidersAllocationAndAccessAndOneToTheSameChangesNothing() {
    String reference = inSupport("Ra");
    String next = "support-it-provider-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    newWorkerOf(identity, "E06000031", next);
    identity.createMembership(next, Role.INTERVENTION_PROVIDER.groupId());

    revisedTo(reference, next);

    assertThat(allocations(reference)).containsExactly("demo-provider (ended by " + COORDINATOR + ")", next);
    assertThat(signIn("demo-provider").get("/cases/" + reference + "/support-plan").statusCode())
        .as("the earlier provider's page").isEqualTo(404);
    Actor earlier = new Actor("demo-provider", Set.of(Role.INTERVENTION_PROVIDER.groupId()), Set.of("E06000031"));
    Purpose contact = new Purpose(Purpose.Code.TASK, "support test");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.recordContact(earlier, reference,
            new org.preventcase.casefile.NewEntry(org.preventcase.casefile.EntryKind.NOTE, "Contact recorded",
                SYNTHETIC_TEXT), contact))
        .as("the earlier provider records no contact").isInstanceOf(org.preventcase.casefile.CaseNotFoundException.class);
    assertThat(jdbc.queryForList("""
        SELECT outcome FROM audit_event WHERE case_reference = ? AND user_id = 'demo-provider' AND action = 'UPDATE'
        ORDER BY id DESC LIMIT 1""", String.class, reference)).as("the refusal audited").containsExactly("REFUSED_ROLE");
    assertThat(signIn(next).get("/cases/" + reference + "/support-plan").statusCode()).as("the new provider's page")
        .isEqualTo(200);
    submitTask(reference, "Task_RecordContact", next, Map.of("contactOutcome", "CONTACT_MADE",
        "contactNote", SYNTHETIC_TEXT));
    assertThat(jdbc.queryForList("""
        SELECT e.recorded_by FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? AND e.summary LIKE 'Contact recorded%'""", String.class, reference)).containsExactly(next);

    revisedTo(reference, next);
    assertThat(allocations(reference)).as("a revision to the same provider").containsExactly(
        "demo-provider (ended by " + COORDINATOR + ")", next);
  }

  /** A case adopted by the panel, its plan allocating one intervention to demo-provider, a parent's consent given. */
  String inSupport(String prefix) {
    String reference = caseReferredToThePanel(prefix);
    adoptedByThePanel(reference);
    submitTask(reference, "Task_PrepareSupportPlan", COORDINATOR, planFor("demo-provider"));
    submitTask(reference, "Task_RecordConsent", COORDINATOR, Map.of("consentRecord", SYNTHETIC_TEXT,
        "consentOutcome", "GIVEN", "consentGivenBy", "PARENT_OR_GUARDIAN", "youngPersonAgrees", "YES"));
    return reference;
  }

  @Test
  void supportWithdrawnAfterARiskEscalatedThroughTheApiClosesTheCaseTransferredToThePoliceWithNoPostExitReviews() {
    String reference = inSupport("Es");
    String whatChanged = "Synthetic: the person spoke of travelling abroad " + java.util.UUID.randomUUID();

    var escalated = call("POST", "/api/cases/" + reference + "/risk-escalation", "demo-provider",
        "{\"whatChanged\": \"" + whatChanged + "\"}");
    assertThat(escalated.statusCode()).as("the allocated provider may escalate: " + escalated.body()).isEqualTo(202);
    executeDueJobs();
    Long urgent = jdbc.queryForObject("""
        SELECT l.meeting_id FROM panel_listing l JOIN case_file c ON c.id = l.case_id JOIN panel_meeting m
          ON m.id = l.meeting_id WHERE c.reference = ? AND l.purpose = 'REVIEW' AND m.kind = 'EXTRAORDINARY'""",
        Long.class, reference);
    runtime.createMessageCorrelation("PanelReviewDue").processInstanceBusinessKey(reference)
        .setVariableLocal("panelMeetingId", urgent).setVariableLocal("panelMeetingQuorate", true).correlateAll();
    submitTask(reference, "Task_ReviewAdoptedCase", CHAIR, Map.of("reviewDecision", "WITHDRAW_SUPPORT",
        "reviewRationale", SYNTHETIC_TEXT));

    assertThat(record(reference)).containsEntry("stage", "CLOSED").containsEntry("status", "CLOSED")
        .containsEntry("closure_reason", "TRANSFERRED_TO_POLICE");
    assertThat(entries(reference)).contains("NOTE: Risk escalated");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .as("no post-exit reviews").isZero();
    assertThat(org.preventcase.intake.ReferralIntakeIT.engineTablesHolding(jdbc, List.of(whatChanged))).isEmpty();
  }

  @Test
  void theAllocatedProviderReadsThePersonAndThePlanButNotTheCaseRecordNorAnotherCase() {
    String reference = inSupport("Pv");
    String other = caseAwaitingScreening("Po");
    var provider = signIn("demo-provider");

    var page = provider.get("/cases/" + reference + "/support-plan?purpose=TASK");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Support plan: case " + reference, "Support plan: 1 intervention", SYNTHETIC_TEXT,
        "Life skills").doesNotContain("Consent given by", "Chronology");
    assertThat(page.body()).contains("Escalate a risk", "name=\"returnTo\" value=\"support-plan\"");
    var refused = provider.postForm("/cases/" + reference + "/risk-escalation", "_csrf=" + provider.csrfToken()
        + "&returnTo=support-plan&whatChanged=+");
    assertThat(refused.headers().firstValue("Location").orElseThrow()).as("back to the provider's page")
        .endsWith("/cases/" + reference + "/support-plan");
    assertThat(provider.get("/cases/" + reference + "/support-plan").body()).contains("There is a problem",
        "Enter what has changed", "<title>Error: Support plan");
    assertThat(provider.get("/cases/" + reference).statusCode()).as("not the whole case record").isEqualTo(404);
    assertThat(provider.get("/cases/" + other + "/support-plan").statusCode()).as("not another case").isEqualTo(404);
    assertThat(signIn(COORDINATOR).get("/cases/" + reference + "/support-plan").statusCode())
        .as("the provider's page is the provider's").isEqualTo(404);
    assertThat(jdbc.queryForList("""
        SELECT outcome FROM audit_event WHERE case_reference = ? AND user_id = 'demo-provider' AND action = 'VIEW'
        ORDER BY id""", String.class, reference)).containsExactly("GRANTED", "GRANTED", "REFUSED_ROLE");
  }
}
