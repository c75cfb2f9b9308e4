package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Channel panel on PostgreSQL through the REST API (issue 10): a case referred to the panel is
 * listed at the next meeting (scheduled by the cadence), the agenda goes to the invited members
 * through the outbox with references only, the meeting gives the case its quorum, the assessment is
 * recorded and the recommendation evaluated from the case record, and the chair's decision closes the
 * case with its reason. A panel member sees the listed cases only while invited to an issued agenda
 * whose minutes are not final, for that meeting, audited; a member not invited never does.
 */
class PanelIT extends ApplicationIT {

  static final String POLICE = "demo-police";
  static final String COORDINATOR = "demo-coordinator";
  static final String CHAIR = "demo-chair";
  static final String INVITED = "demo-panel-education";
  static final String NOT_INVITED = "demo-panel-health";
  static final String RATIONALE = "Synthetic rationale of the panel.";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  /** Claims the open task of the process with this business key at {@code activity} and submits the form. */
  void work(String businessKey, String activity, String user, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activity).active()
        .singleResult();
    assertThat(task).as("open task " + activity).isNotNull();
    HttpResponse<String> claim = call("POST", "/engine-rest/task/" + task.getId() + "/claim", user,
        "{\"userId\": \"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> submitted = call("POST", "/engine-rest/task/" + task.getId() + "/submit-form", user,
        ReferralExamples.submitFormBody(form));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    executeDueJobs();
  }

  /** The given name of the person last referred, which no page or notice may show. */
  private String givenName;

  /** A referral through the gateway to the panel: the case reference. */
  String referredToThePanel() {
    givenName = "Pn" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "panel-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid(givenName)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = ReferralApiIT.caseOf(jdbc, created);
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    work(reference, "Task_ScreenReferral", POLICE, Map.of("gatewayOutcome", "REFER_TO_PANEL", "ideologyIdentified", "YES",
        "rationale", RATIONALE));
    work(reference, "Task_SelectPartnerAgencies", POLICE, Map.of("agenciesToAsk", List.of("EDUCATION"),
        "informationAsked", "Is the person known to you?"));
    work(reference, "Task_AnswerInformationRequest", INVITED, Map.of("agencyHolds", "NOT_KNOWN"));
    work(reference, "Task_PreliminaryAssessment", POLICE, Map.of("preliminaryDecision", "LIST_FOR_PANEL",
        "rationale", RATIONALE));
    return reference;
  }

  @Autowired PanelMeetings calendar;
  @Autowired org.preventcase.security.Actors actors;
  @Autowired java.time.Clock clock;

  /**
   * A meeting of the case's own, so that no other test's case shares it: an extraordinary meeting on a
   * day of its own, called as the support stage's escalation would call it; its agenda falls due at once.
   */
  long ownMeeting(String reference) {
    long meeting = calendar.callExtraordinary(actors.of(COORDINATOR), reference,
        aDayOfItsOwn(),
        "Synthetic: an urgent case.", ListingPurpose.DECIDE).id();
    executeDueJobs();
    return meeting;
  }

  long meetingOf(String reference) {
    return jdbc.queryForObject("""
        SELECT l.meeting_id FROM panel_listing l JOIN case_file c ON c.id = l.case_id
        WHERE c.reference = ? AND l.outcome IS NULL""", Long.class, reference);
  }

  /** The meeting's timer fires (the agenda, or the meeting day), as the job executor would at its time. */
  void timerOf(long meeting) {
    ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + meeting)
        .singleResult();
    Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
    management.executeJob(timer.getId());
  }

  int read(String user, String reference, String purpose) {
    return call("GET", "/api/cases/" + reference + "?purpose=" + purpose, user, null).statusCode();
  }

  List<Map<String, Object>> audit(String reference, String user) {
    return jdbc.queryForList("""
        SELECT action, outcome, purpose_code, purpose_detail FROM audit_event WHERE case_reference = ? AND user_id = ?
        ORDER BY id""", reference, user);
  }

  void agendaIssued(long meeting) {
    work("PM-" + meeting, "Task_PrepareAgenda", COORDINATOR, Map.of("invitedMembers", List.of(INVITED, CHAIR),
        "vettingConfirmed", true));
  }

  void meetingHeld(long meeting, List<String> authorities, List<String> forces) {
    timerOf(meeting);
    Map<String, Object> attendance = new HashMap<>(Map.of("attendedMembers", List.of(INVITED, CHAIR)));
    if (!authorities.isEmpty()) {
      attendance.put("authoritiesRepresented", authorities);
    }
    if (!forces.isEmpty()) {
      attendance.put("policeForcesRepresented", forces);
    }
    work("PM-" + meeting, "Task_RecordAttendance", COORDINATOR, attendance);
  }

  /** What the anonymised statistics row of the case's referral says of the panel. */
  Map<String, Object> panelStatistics(String reference) {
    return jdbc.queryForMap("""
        SELECT s.discussed_at_panel, s.adopted FROM referral_statistics s JOIN referral r ON r.statistics_id = s.id
        JOIN case_referral l ON l.referral_id = r.id JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?""",
        reference);
  }

  @Test
  void aCaseListedAtTheNextMeetingIsAssessedRecommendedAndClosedByThePanelsDecision() {
    String reference = referredToThePanel();
    long meeting = meetingOf(reference);
    Map<String, Object> record = jdbc.queryForMap("""
        SELECT status, kind, capacity, authority_code, agenda_due_at < meets_at AS agenda_first FROM panel_meeting
        WHERE id = ?""", meeting);
    assertThat(record).containsEntry("status", "SCHEDULED").containsEntry("capacity", 8)
        .containsEntry("authority_code", "E06000031").containsEntry("agenda_first", true);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + meeting).singleResult()
        .getTenantId()).isEqualTo("E06000031");
    long extraordinary = ownMeeting(reference);
    assertThat(jdbc.queryForList("""
        SELECT l.meeting_id || ' ' || coalesce(l.outcome, '-') FROM panel_listing l JOIN case_file c ON c.id = l.case_id
        WHERE c.reference = ? ORDER BY l.id""", String.class, reference))
        .as("moved from the routine meeting to its extraordinary one").containsExactly(meeting + " MOVED", extraordinary + " -");
    meeting = extraordinary;

    agendaIssued(meeting);
    List<Map<String, Object>> notices = jdbc.queryForList("""
        SELECT recipient, facts::text AS facts FROM notification_outbox WHERE case_reference = ?
          AND message_type = 'PANEL_AGENDA' ORDER BY recipient""", "PM-" + meeting);
    assertThat(notices).extracting(notice -> notice.get("recipient"))
        .containsExactly(CHAIR + "@example.invalid", INVITED + "@example.invalid");
    assertThat((String) notices.get(0).get("facts")).contains(reference).doesNotContain(givenName);

    meetingHeld(meeting, List.of("E06000031"), List.of("E23000023"));
    work(reference, "Task_AssessCase", COORDINATOR, Map.of("assessmentFramework", "VAF", "engagementRating", "LOW",
        "intentRating", "NONE", "capabilityRating", "NONE", "susceptibility", "NOT_SUSCEPTIBLE", "ctRiskOwner", "NONE",
        "contributionEducation", "Synthetic: known, no concern.", "contributionPolice", "Synthetic: nothing known.",
        "assessmentSummary", RATIONALE));
    assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(Panel.CASE_PROCESS).singleResult().getId(), Panel.RECOMMENDATION))
        .as("from the case record's assessment").isEqualTo("NOT_ADOPT_NFA");
    work(reference, "Task_DecideCase", CHAIR, Map.of("panelDecision", "NOT_ADOPT_NFA", "decisionMethod", "UNANIMOUS",
        "decisionRationale", RATIONALE));

    assertThat(jdbc.queryForMap("SELECT status, closure_reason FROM case_file WHERE reference = ?", reference))
        .containsEntry("status", "CLOSED").containsEntry("closure_reason", "PANEL_NO_FURTHER_ACTION");
    assertThat(jdbc.queryForMap("""
        SELECT l.outcome, l.recommendation, l.decision_method, l.quorate FROM panel_listing l
        JOIN case_file c ON c.id = l.case_id WHERE c.reference = ? AND l.meeting_id = ?""", reference, meeting))
        .containsEntry("outcome", "NOT_ADOPT_NFA").containsEntry("recommendation", "NOT_ADOPT_NFA")
        .containsEntry("decision_method", "UNANIMOUS").containsEntry("quorate", true);
    assertThat(jdbc.queryForList("""
        SELECT e.summary FROM case_entry e JOIN case_file c ON c.id = e.case_id WHERE c.reference = ?
          AND e.kind = 'ASSESSMENT' ORDER BY e.id""", String.class, reference)).endsWith(
        "Multi-agency assessment (VAF): Not susceptible; counter-terrorism risk: No counter-terrorism risk identified",
        "Education: contribution to the multi-agency assessment", "Police: contribution to the multi-agency assessment");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(panelStatistics(reference)).as("the statistics count it discussed, not adopted")
        .containsEntry("discussed_at_panel", true).containsEntry("adopted", false);

    work("PM-" + meeting, "Task_ConfirmMinutes", CHAIR, Map.of("minutesFinal", true));
    assertThat(jdbc.queryForObject("SELECT status FROM panel_meeting WHERE id = ?", String.class, meeting))
        .isEqualTo("MINUTES_FINAL");
  }

  @Test
  void aMeetingWithoutThePoliceForceWhereThePersonLivesIsInquorateAndTheCaseGoesToTheNextMeeting() {
    String reference = referredToThePanel();
    long meeting = ownMeeting(reference);
    agendaIssued(meeting);
    meetingHeld(meeting, List.of("E06000031"), List.of());
    assertThat(panelStatistics(reference)).as("not discussed: not decided").containsEntry("discussed_at_panel", false);

    long next = meetingOf(reference);
    assertThat(next).isNotEqualTo(meeting);
    assertThat(jdbc.queryForMap("""
        SELECT l.outcome, l.quorate FROM panel_listing l JOIN case_file c ON c.id = l.case_id
        WHERE c.reference = ? AND l.meeting_id = ?""", reference, meeting))
        .containsEntry("outcome", "INQUORATE").containsEntry("quorate", false);
    assertThat(jdbc.queryForObject("SELECT status FROM case_file WHERE reference = ?", String.class, reference))
        .isEqualTo("OPEN");
  }

  @Test
  void aPanelMemberNotInvitedCannotReadTheListedCasesBeforeDuringOrAfterTheMeeting() {
    String reference = referredToThePanel();
    long meeting = ownMeeting(reference);
    String forMeeting = "PANEL_MEETING:" + meeting;

    assertThat(read(INVITED, reference, forMeeting)).as("invited, before the agenda's issue").isEqualTo(404);
    assertThat(read(NOT_INVITED, reference, forMeeting)).as("not invited, before").isEqualTo(404);

    agendaIssued(meeting);
    assertThat(read(INVITED, reference, forMeeting)).as("invited, agenda issued").isEqualTo(200);
    assertThat(read(INVITED, reference, "CASE_PAGE")).as("invited, but not reading for the meeting").isEqualTo(404);
    assertThat(read(NOT_INVITED, reference, forMeeting)).as("not invited, agenda issued").isEqualTo(404);

    meetingHeld(meeting, List.of("E06000031"), List.of("E23000023"));
    assertThat(read(INVITED, reference, forMeeting)).as("invited, during the meeting").isEqualTo(200);
    assertThat(read(NOT_INVITED, reference, forMeeting)).as("not invited, during").isEqualTo(404);

    work("PM-" + meeting, "Task_ConfirmMinutes", CHAIR, Map.of("minutesFinal", true));
    assertThat(read(INVITED, reference, forMeeting)).as("invited, after the minutes are final").isEqualTo(404);
    assertThat(read(NOT_INVITED, reference, forMeeting)).as("not invited, after").isEqualTo(404);

    assertThat(audit(reference, INVITED)).filteredOn(row -> "VIEW".equals(row.get("action"))).extracting(
        row -> row.get("outcome") + " " + row.get("purpose_code") + ":" + row.get("purpose_detail")).containsExactly(
        "REFUSED_ROLE PANEL_MEETING:" + meeting, "GRANTED PANEL_MEETING:" + meeting, "REFUSED_ROLE CASE_PAGE:null",
        "GRANTED PANEL_MEETING:" + meeting, "REFUSED_ROLE PANEL_MEETING:" + meeting);
    assertThat(audit(reference, NOT_INVITED)).extracting(row -> row.get("outcome")).containsOnly("REFUSED_ROLE")
        .hasSize(4);
  }

  @Test
  void theMeetingPageShowsTheAgendaWithEachCasesSummaryToTheCaseRolesAndTheInvitedMembersOnly() {
    String reference = referredToThePanel();
    long meeting = ownMeeting(reference);
    String page = "/meetings/" + meeting;

    HttpResponse<String> coordinator = signIn(COORDINATOR).get(page);
    assertThat(coordinator.statusCode()).isEqualTo(200);
    assertThat(coordinator.body()).contains("Channel panel meeting", reference, "Not assessed yet",
        "/cases/" + reference + "?purpose=PANEL_MEETING:" + meeting).doesNotContain(givenName);
    assertThat(signIn(INVITED).get(page).statusCode()).as("invited, before the agenda's issue").isEqualTo(404);

    agendaIssued(meeting);
    HttpResponse<String> invited = signIn(INVITED).get(page);
    assertThat(invited.statusCode()).isEqualTo(200);
    assertThat(invited.body()).contains(reference, "Panel members: education");
    assertThat(signIn(NOT_INVITED).get(page).statusCode()).as("not invited").isEqualTo(404);

    meetingHeld(meeting, List.of("E06000031"), List.of("E23000023"));
    work(reference, "Task_AssessCase", COORDINATOR, Map.of("assessmentFramework", "PAF", "engagementRating", "HIGH",
        "intentRating", "MEDIUM", "capabilityRating", "LOW", "susceptibility", "SUSCEPTIBLE", "ctRiskOwner",
        "PREVENT_POLICING", "contributionHealth", "Synthetic: known to services.", "assessmentSummary", RATIONALE));
    work(reference, "Task_DecideCase", CHAIR, Map.of("panelDecision", "ADOPT", "decisionMethod", "MAJORITY",
        "dissent", "Synthetic: one member preferred a referral to health.", "decisionRationale", RATIONALE));
    assertThat(panelStatistics(reference)).as("the statistics count it adopted")
        .containsEntry("discussed_at_panel", true).containsEntry("adopted", true);
    String minutes = signIn(CHAIR).get(page).body();
    assertThat(minutes).contains("Prevent Assessment Framework: Susceptible", "Engagement with a group, cause or ideology: High",
        "Recommendation", "Adopt as a Channel case (By majority)").doesNotContain("Synthetic: one member");
    assertThat(jdbc.queryForList("""
        SELECT outcome FROM audit_event WHERE purpose_code = 'PANEL_MEETING' AND purpose_detail = ? AND user_id = ?
          AND case_reference IS NULL ORDER BY id""", String.class, Long.toString(meeting), NOT_INVITED))
        .containsExactly("REFUSED_ROLE");
  }

  // A combined panel (docs/panel.md, "Who sees what"): Peterborough's panel hears Huntingdonshire's cases

  static final String PARTNER = "E07000011";
  static final String PARTNER_REFERRER = "test-hunts-referrer";
  static final String PARTNER_COORDINATOR = "test-hunts-coordinator";
  static final String PARTNER_MEMBER = "test-hunts-education";
  static final String SHARED_MEMBER = "test-shared-education";
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired MeetingRecords meetingRecords;
  @Autowired PanelProperties properties;
  @Autowired org.preventcase.casefile.CaseService caseService;

  void user(String id, String group, String... authorities) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Synthetic");
      user.setLastName(id);
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
      for (String authority : authorities) {
        identity.createTenantUserMembership(authority, id);
      }
    }
  }

  /** Huntingdonshire as a tenant, with a referrer, a Channel coordinator and an education member of its own. */
  void thePartnerAuthority() {
    if (identity.createTenantQuery().tenantId(PARTNER).count() == 0) {
      identity.saveTenant(identity.newTenant(PARTNER));
    }
    user(PARTNER_REFERRER, "prevent-referrer", PARTNER);
    user(PARTNER_COORDINATOR, "prevent-channel-coordinator", PARTNER);
    user(PARTNER_MEMBER, "partner-education", PARTNER);
    user(SHARED_MEMBER, "partner-education", "E06000031", PARTNER);
  }

  /** Peterborough's panel as an authority combined with Huntingdonshire would configure it. */
  PanelMeetings combinedCalendar() {
    PanelProperties combined = new PanelProperties(properties.cadence(), properties.capacity(),
        properties.meetingTime(), properties.agendaNotice(), properties.horizon(),
        Map.of("E06000031", new PanelProperties.AuthorityPanel(null, null, List.of(PARTNER))), properties.assessment());
    return new PanelMeetings(meetingRecords, combined, caseService, runtime, clock);
  }

  /** A new case of the authority, by a referral of one of its referrers: its reference. */
  String openCase(String referrer, String authority) {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("Cp" + UUID.randomUUID().toString().substring(0, 8)));
    referral.put("authorityCode", authority);
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), referrer, "combined-" + UUID.randomUUID(),
        ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    executeDueJobs();
    return ReferralApiIT.caseOf(jdbc, created);
  }

  /**
   * A meeting of these tests held and minuted as far as the calendar goes, so that no other test's case is
   * listed at it (the next meeting with room may be an extraordinary one; this one's process is another tenant's).
   */
  void offTheCalendar(long meeting) {
    jdbc.update("UPDATE panel_meeting SET status = 'MINUTES_FINAL' WHERE id = ?", meeting);
  }

  @Test
  void anExtraordinaryMeetingOfACombinedPanelTakesTheTenantOfTheAuthorityThatCalledIt() {
    thePartnerAuthority();
    String urgent = openCase(PARTNER_REFERRER, PARTNER);

    long meeting = combinedCalendar().callExtraordinary(actors.of(PARTNER_COORDINATOR), urgent,
        aDayOfItsOwn(),
        "Synthetic: an urgent case.", ListingPurpose.DECIDE).id();

    assertThat(jdbc.queryForObject("SELECT authority_code FROM panel_meeting WHERE id = ?", String.class, meeting))
        .as("the meeting is the combined panel's, led by Peterborough").isEqualTo("E06000031");
    assertThat(jdbc.queryForList("SELECT authority_code FROM panel_meeting_authority WHERE meeting_id = ? ORDER BY 1",
        String.class, meeting)).containsExactly("E06000031", PARTNER);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + meeting).singleResult()
        .getTenantId()).as("its process is the calling authority's").isEqualTo(PARTNER);
    executeDueJobs(); // the agenda is due at once: the caller's own coordinator prepares it
    Task prepare = tasks.createTaskQuery().processInstanceBusinessKey("PM-" + meeting).singleResult();
    assertThat(prepare.getTaskDefinitionKey()).isEqualTo("Task_PrepareAgenda");
    assertThat(prepare.getTenantId()).isEqualTo(PARTNER);
    offTheCalendar(meeting);
  }

  @Test
  void aCombinedPanelsMemberReadsTheListedCasesOfTheAuthoritiesTheySitForAndNoOther() {
    thePartnerAuthority();
    String partnerCase = openCase(PARTNER_REFERRER, PARTNER);
    String leadCase = openCase("demo-referrer", "E06000031");
    long meeting = combinedCalendar().callExtraordinary(actors.of(PARTNER_COORDINATOR), partnerCase,
        aDayOfItsOwn(),
        "Synthetic: an urgent case.", ListingPurpose.DECIDE).id();
    caseService.listAtPanelMeeting(org.preventcase.security.Actor.system("E06000031"), leadCase, meeting,
        org.preventcase.casefile.ListingPurpose.DECIDE, new org.preventcase.audit.Purpose(
            org.preventcase.audit.Purpose.Code.PROCESS, "combined panel test"));
    executeDueJobs();
    work("PM-" + meeting, "Task_PrepareAgenda", PARTNER_COORDINATOR, Map.of("invitedMembers",
        List.of(INVITED, PARTNER_MEMBER, SHARED_MEMBER), "vettingConfirmed", true));
    String forMeeting = "PANEL_MEETING:" + meeting;

    assertThat(read(INVITED, leadCase, forMeeting)).as("Peterborough's member, Peterborough's case").isEqualTo(200);
    assertThat(read(INVITED, partnerCase, forMeeting)).as("Peterborough's member, Huntingdonshire's case")
        .isEqualTo(404);
    assertThat(read(PARTNER_MEMBER, partnerCase, forMeeting)).as("Huntingdonshire's member, its own case")
        .isEqualTo(200);
    assertThat(read(PARTNER_MEMBER, leadCase, forMeeting)).as("Huntingdonshire's member, Peterborough's case")
        .isEqualTo(404);
    assertThat(read(SHARED_MEMBER, partnerCase, forMeeting)).as("a member sitting for both").isEqualTo(200);
    assertThat(read(SHARED_MEMBER, leadCase, forMeeting)).isEqualTo(200);
    assertThat(audit(partnerCase, INVITED)).extracting(row -> row.get("action") + " " + row.get("outcome"))
        .as("the refusal is audited").containsExactly("VIEW REFUSED_AUTHORITY");
    offTheCalendar(meeting);
  }

  @Test
  void twoEscalationsOnOneDayAtOnceCallOneExtraordinaryMeetingListingBothAndAnotherDayCallsItsOwn()
      throws Exception {
    String first = openCase("demo-referrer", "E06000031");
    String second = openCase("demo-referrer", "E06000031");
    java.time.LocalDate day = aDayOfItsOwn();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService executors = Executors.newFixedThreadPool(2);
    List<Future<Long>> called;
    try {
      called = executors.invokeAll(List.of(first, second).stream()
          .<Callable<Long>>map(reference -> () -> {
            together.await();
            return calendar.callExtraordinary(actors.of(COORDINATOR), reference, day, "Synthetic: an urgent case.",
                ListingPurpose.REVIEW).id();
          }).toList());
    } finally {
      executors.shutdown();
    }
    long meeting = called.get(0).get();
    assertThat(called.get(1).get()).as("the second escalation's case is listed at the first's meeting")
        .isEqualTo(meeting);
    long again = calendar.callExtraordinary(actors.of(COORDINATOR), first, day, "Synthetic: worse again.",
        ListingPurpose.REVIEW).id();
    assertThat(again).as("the same case escalated again that day").isEqualTo(meeting);
    assertThat(jdbc.queryForList("""
        SELECT c.reference FROM panel_listing l JOIN case_file c ON c.id = l.case_id WHERE l.meeting_id = ?""",
        String.class, meeting)).containsExactlyInAnyOrder(first, second);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + meeting).count())
        .as("one meeting's process").isEqualTo(1);

    long nextDay = calendar.callExtraordinary(actors.of(COORDINATOR), second, aDayOfItsOwn(),
        "Synthetic: an urgent case.", ListingPurpose.REVIEW).id();
    assertThat(nextDay).as("another day: a meeting of its own").isNotEqualTo(meeting);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + nextDay).count()).isEqualTo(1);
    assertThat(jdbc.queryForList("""
        SELECT DISTINCT l.meeting_id FROM panel_listing l JOIN case_file c ON c.id = l.case_id
        WHERE c.reference IN (?, ?)""", Long.class, first, second)).as("no other meeting called")
        .containsExactlyInAnyOrder(meeting, nextDay);
    offTheCalendar(meeting);
    offTheCalendar(nextDay);
  }

  @Test
  void aCaseListedForTheNextMeetingNeverGoesToAnExtraordinaryMeetingCalledForAnother() {
    String urgent = openCase("demo-referrer", "E06000031");
    Meeting extraordinary = calendar.callExtraordinary(actors.of(COORDINATOR), urgent, aDayOfItsOwn(),
        "Synthetic: an urgent case.", ListingPurpose.DECIDE);

    assertThat(meetingRecords.nextWithRoom("E06000031", extraordinary.meetsAt().minus(java.time.Duration.ofHours(1)))
        .map(Meeting::kind).orElse(Meeting.Kind.ROUTINE))
        .as("the next meeting with room, the hour before the extraordinary one (none, or a routine one)")
        .isEqualTo(Meeting.Kind.ROUTINE);
    offTheCalendar(extraordinary.id());
  }

  HttpResponse<String> escalate(String reference, String user, String whatChanged) {
    return call("POST", "/api/cases/" + reference + "/risk-escalation", user,
        whatChanged == null ? "{}" : "{\"whatChanged\": \"" + whatChanged + "\"}");
  }

  List<String> escalations(String reference) {
    return jdbc.queryForList("""
        SELECT e.body FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? AND e.summary = 'Risk escalated' ORDER BY e.id""", String.class, reference);
  }

  @Test
  void aRiskEscalatedWhileTheCaseWaitsForThePanelIsRecordedTellsThePoliceAtOnceAndBringsItToAnExtraordinaryMeeting() {
    String reference = referredToThePanel();
    long routine = meetingOf(reference);
    String whatChanged = "Synthetic: the person named a date " + UUID.randomUUID();

    HttpResponse<String> blank = escalate(reference, POLICE, "  ");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("Enter what has changed");
    assertThat(escalate(reference, POLICE, "x".repeat(2001)).body())
        .contains("What has changed must be 2000 characters or fewer");
    assertThat(escalate(reference, "demo-referrer", whatChanged).statusCode()).as("a referrer may not").isEqualTo(404);
    assertThat(escalations(reference)).as("nothing stored for a refusal").isEmpty();

    HttpResponse<String> escalated = escalate(reference, POLICE, whatChanged);
    assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(202);
    assertThat(escalations(reference)).containsExactly(whatChanged);
    assertThat(audit(reference, POLICE)).anySatisfy(row -> assertThat(row).containsEntry("action", "UPDATE")
        .containsEntry("purpose_code", "CASE_API").containsEntry("purpose_detail", "risk escalated"));
    assertThat(jdbc.queryForList("""
        SELECT recipient FROM notification_outbox WHERE case_reference = ? AND message_type = 'RISK_ESCALATED'""",
        String.class, reference)).as("the police told at once, in the escalation's transaction")
        .contains(POLICE + "@example.invalid");
    assertThat(org.preventcase.intake.ReferralIntakeIT.engineTablesHolding(jdbc, List.of(whatChanged))).isEmpty();

    executeDueJobs();
    long urgent = meetingOf(reference);
    assertThat(urgent).as("brought forward from the routine meeting").isNotEqualTo(routine);
    assertThat(jdbc.queryForObject("SELECT kind FROM panel_meeting WHERE id = ?", String.class, urgent))
        .isEqualTo("EXTRAORDINARY");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PM-" + urgent).count()).isEqualTo(1);
  }

  @Test
  void aRiskCannotBeEscalatedToThePanelWhileTheCaseIsScreenedAndNothingIsStored() {
    String reference = caseAwaitingScreening("Re");

    HttpResponse<String> refused = escalate(reference, POLICE, "Synthetic: something changed.");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("tell the police Prevent team directly", "999");
    assertThat(escalations(reference)).isEmpty();
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM notification_outbox WHERE case_reference = ? AND message_type = 'RISK_ESCALATED'""",
        Long.class, reference)).isZero();
  }

  /** The path a redirect sends the browser to. */
  static String followed(HttpResponse<String> redirect) {
    return java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
  }

  @Test
  void aRiskEscalatedOnTheCasePageGivesThePlainReasonForARefusalKeepsWhatWasTypedThenConfirmsIt() {
    String reference = referredToThePanel();
    assertThat(signIn("demo-manager").get("/cases/" + reference).body()).as("a manager reads but does not write")
        .doesNotContain("Escalate a risk");
    Browser police = signIn(POLICE);
    assertThat(police.get("/cases/" + reference).body()).contains("Escalate a risk", "What has changed");
    String path = "/cases/" + reference + "/risk-escalation";
    String tooLong = "Synthetic" + "z".repeat(2000);

    HttpResponse<String> refused = police.postForm(path, "_csrf=" + police.csrfToken() + "&whatChanged=" + tooLong);
    assertThat(refused.statusCode()).isEqualTo(302);
    String again = police.get(followed(refused)).body();
    assertThat(again).contains("<title>Error: Case " + reference, "There is a problem",
        "What has changed must be 2000 characters or fewer", "href=\"#whatChanged\"", tooLong);
    assertThat(escalations(reference)).isEmpty();

    HttpResponse<String> escalated = police.postForm(path, "_csrf=" + police.csrfToken()
        + "&whatChanged=Synthetic%3A+threats+made+at+school.");
    assertThat(escalated.statusCode()).isEqualTo(302);
    assertThat(police.get(followed(escalated)).body())
        .contains("Risk escalated: the police Prevent team have been told").doesNotContain("There is a problem");
    assertThat(escalations(reference)).containsExactly("Synthetic: threats made at school.");
    assertThat(audit(reference, POLICE)).anySatisfy(row -> assertThat(row).containsEntry("purpose_code", "CASE_PAGE")
        .containsEntry("purpose_detail", "risk escalated"));
  }
}
