package org.preventcase.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.casefile.PanelOutcome;
import org.preventcase.casefile.PersonAge;
import org.preventcase.casefile.Stage;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.panel.MeetingRecords;
import org.preventcase.panel.Panel;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.panel.PanelMocks;
import org.preventcase.riskescalation.RiskEscalation;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.ConsentOutcome;

/**
 * The support stage (processes/support/support.bpmn, issue 11): the plan first, then whose consent the
 * table says, then support with its contacts and their lapse alert, and the panel's review at every
 * meeting until exit; no support (refused, disagreeing, withdrawn) sets a re-assessment date whose
 * timer returns the case to the panel.
 */
@Deployment(resources = {"processes/support/support.bpmn", "processes/support/consent-required.dmn",
    "forms/support-plan.form", "forms/consent.form", "forms/consent-consultation.form",
    "forms/consent-reassessment.form", "forms/intervention-contact.form", "forms/panel-review.form"})
class SupportProcessTest {

  static final Instant ADOPTED = Instant.parse("2026-12-15T11:00:00Z");
  static final String REFERENCE = "E06000031-2026-00031";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final Notifications notifications = mock(Notifications.class);
  final ReferralStatistics statistics = mock(ReferralStatistics.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ADOPTED));
    when(actors.acting(any())).thenReturn(Actor.system("E06000031"));
    bornOn(LocalDate.of(1990, 4, 1));
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), notifications,
        mock(org.preventcase.authority.AuthorityDirectory.class));
    SupportMocks.register(cases, actors, notifications, statistics);
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  void bornOn(LocalDate born) {
    when(cases.ageOn(any(), eq(REFERENCE), any(), any())).thenAnswer(call -> Optional.of(new PersonAge(
        java.time.Period.between(born, call.<LocalDate>getArgument(2)).getYears(), false)));
  }

  ProcessInstance adopted() {
    return processEngine.getRuntimeService().startProcessInstanceByKey("support", REFERENCE, withVariables(
        "caseRef", REFERENCE, "concernTypeLabel", "Islamist", "ageBandLabel", "Adult", "urgencyLabel", "Routine",
        "taskPriority", 50, "caseOwnerGroup", "prevent-police-officer"));
  }

  Task task(String key) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  /** The task completed, and what follows its asynchronous boundary run (as the job executor would). */
  void complete(String key, Map<String, Object> submitted) {
    processEngine.getTaskService().complete(task(key).getId(), submitted);
    processEngine.getManagementService().createJobQuery().messages().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  static Map<String, Object> plan(String... interventions) {
    Map<String, Object> plan = new HashMap<>(Map.of("consentApproach", "Synthetic: the coordinator, at home.",
        "supportNature", "Synthetic: mentoring.", "supportProviders", "Synthetic: an intervention provider.",
        "supportDelivery", "Synthetic: weekly.", "interventionTypes", List.of(interventions),
        "interventionDetails", "Synthetic: owners and dates.", "interventionProvider", "demo-provider"));
    return plan;
  }

  static Map<String, Object> consent(String outcome, Object... more) {
    Map<String, Object> consent = new HashMap<>(Map.of("consentRecord", "Synthetic: sought at home.",
        "consentOutcome", outcome));
    for (int i = 0; i < more.length; i += 2) {
      consent.put((String) more[i], more[i + 1]);
    }
    return consent;
  }

  void reviewDue(long meeting, boolean quorate) {
    processEngine.getRuntimeService().createMessageCorrelation(Panel.REVIEW_DUE).processInstanceBusinessKey(REFERENCE)
        .tenantId("E06000031").setVariableLocal(Panel.MEETING_ID, meeting).setVariableLocal(Panel.QUORATE, quorate)
        .correlateAllWithResult();
  }

  void review(long meeting, String decision) {
    reviewDue(meeting, true);
    Task review = task("Task_ReviewAdoptedCase");
    BpmnAwareTests.assertThat(review).hasCandidateGroup("prevent-panel-chair");
    processEngine.getTaskService().complete(review.getId(), withVariables("reviewDecision", decision,
        "reviewRationale", "Synthetic rationale."));
  }

  /** A risk escalated on the case, as RiskEscalations sends it (what changed is already in the case record). */
  void riskEscalated(boolean panelHearingNow) {
    assertThat(processEngine.getRuntimeService().createMessageCorrelation(RiskEscalation.MESSAGE)
        .processInstanceBusinessKey(REFERENCE).tenantId("E06000031")
        .setVariableLocal(RiskEscalation.PANEL_HEARING_NOW, panelHearingNow).correlateAllWithResult()).hasSize(1);
  }

  void policeToldOfTheRisk(int times) {
    verify(notifications, times(times)).send(argThat(sent -> sent.type() == MessageType.RISK_ESCALATED
        && sent.caseReference().equals(REFERENCE)
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))));
  }

  List<String> waiting() {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).list()
        .stream().flatMap(instance -> processEngine.getRuntimeService().getActiveActivityIds(instance.getId()).stream())
        .toList();
  }

  void reassessOn(int day, int month, int year) {
    Task set = task("Task_SetReassessment");
    BpmnAwareTests.assertThat(set).hasCandidateGroup("prevent-panel-chair");
    processEngine.getTaskService().complete(set.getId(), withVariables("reassessmentDateDay", day,
        "reassessmentDateMonth", month, "reassessmentDateYear", year, "otherRoutesConsidered",
        "Synthetic: an Early Help referral."));
  }

  @Test
  void anAdultConsentsTheInterventionsRunAndThePanelReviewsThemAtEveryMeetingUntilItAgreesTheExit() {
    ProcessInstance support = adopted();

    BpmnAwareTests.assertThat(support).isWaitingAt("Task_PrepareSupportPlan");
    BpmnAwareTests.assertThat(task("Task_PrepareSupportPlan")).hasCandidateGroup("prevent-channel-coordinator");
    complete("Task_PrepareSupportPlan", plan("IDEOLOGICAL_MENTORING", "EDUCATION_CAREERS_EMPLOYMENT"));
    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.PLAN
        && entry.summary().equals("Support plan: 2 interventions")
        && entry.body().contains("How, when and by whom consent is sought: Synthetic: the coordinator, at home.")
        && entry.body().contains("Ideological or theological mentoring; Education, careers or employment")), any());
    verify(cases).allocateToProvider(any(), eq(REFERENCE), eq("demo-provider"), any());
    BpmnAwareTests.assertThat(support).isWaitingAt("Task_RecordConsent").variables()
        .containsEntry("consentRoute", "SELF").containsEntry("interventionCount", 2)
        .doesNotContainKeys("consentApproach", "supportNature", "supportProviders", "supportDelivery",
            "interventionTypes", "interventionDetails");
    verify(cases, never()).changeStage(any(), any(), eq(Stage.SUPPORT), any(), any());

    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));
    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.CONSENT
        && entry.summary().equals("Consent given by the person")), any());
    verify(statistics).consentOutcome(REFERENCE, ConsentOutcome.GIVEN);
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.SUPPORT), any(), any());
    List<Task> contacts = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").list();
    assertThat(contacts).as("one contact tracker per intervention").hasSize(2);
    BpmnAwareTests.assertThat(contacts.get(0)).hasCandidateUser("demo-provider");
    processEngine.getTaskService().complete(contacts.get(0).getId(), withVariables("contactOutcome", "CONTACT_MADE",
        "contactNote", "Synthetic: first session."));
    verify(cases).recordContact(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.NOTE
        && entry.summary().startsWith("Contact recorded (intervention ")), any());
    assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").count())
        .as("the tracker waits for the next contact").isEqualTo(2);

    review(42, "CONTINUE");
    review(43, "REVISE_PLAN");
    complete("Task_RevisePlan", plan("IDEOLOGICAL_MENTORING", "EDUCATION_CAREERS_EMPLOYMENT", "HOUSING"));
    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Support plan revised: 3 interventions")), any());
    assertThat(waiting()).as("the support goes on with the revised plan").contains("Task_RecordContact")
        .doesNotContain("Task_RevisePlan");
    review(44, "EXIT");

    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_ReviewRecorded", "EndEvent_PlanRevised", "EndEvent_ExitAgreed",
        "EndEvent_Exited").isEnded();
    for (long meeting : List.of(42L, 43L, 44L)) {
      verify(cases).recordPanelOutcome(any(), eq(REFERENCE), eq(meeting), any(), any());
    }
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().count())
        .as("history level activity: no variables in history").isZero();
  }

  @Test
  void whileSupportRunsTheEngineKeepsOnlyCodesCountsAndTheProvidersUserId() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("HOUSING"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));
    Map<String, Object> before = processEngine.getRuntimeService().getVariables(support.getId());
    assertThat(before).as("the engine keeps codes and counts only").containsOnlyKeys("caseRef", "concernTypeLabel",
        "ageBandLabel", "urgencyLabel", "taskPriority", "caseOwnerGroup", "contactLapse", "interventionCount",
        "capacityInDoubt", "interventionProvider", "consentRoute", "consentRouteLabel", "consentResult", "riskEscalated", "planVersion",
        "interventionsPlanVersion");
    assertThat(before).containsEntry("contactLapse", "PT720H");
    review(45, "EXIT");
    BpmnAwareTests.assertThat(support).isEnded();
  }

  @Test
  void underEighteenAParentOrGuardianMustConsentAndTheirRefusalMeansNoSupportButARessessmentDate() {
    bornOn(LocalDate.of(2010, 1, 20));
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("FAMILY_SUPPORT"));

    BpmnAwareTests.assertThat(support).isWaitingAt("Task_RecordConsent").variables()
        .containsEntry("consentRoute", "PARENT_OR_GUARDIAN");
    assertThatThrownBy(() -> complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF",
        "youngPersonAgrees", "YES"))).as("the young person's agreement is never enough").hasMessageContaining(
        "Under 18, a parent or guardian must consent");
    complete("Task_RecordConsent", consent("REFUSED", "youngPersonAgrees", "NO"));

    verify(statistics).consentOutcome(REFERENCE, ConsentOutcome.REFUSED);
    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_ConsentRefused").isWaitingAt("Task_SetReassessment");
    verify(cases, never()).changeStage(any(), any(), eq(Stage.SUPPORT), any(), any());
  }

  @Test
  void aYoungPersonWhoAgreesWhileTheParentRefusesIsConsultedOnAndSupportNeverStarts() {
    bornOn(LocalDate.of(2009, 12, 16));
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("DIVERSIONARY_ACTIVITY"));

    complete("Task_RecordConsent", consent("REFUSED", "youngPersonAgrees", "YES"));
    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "The young person and the parent or guardian disagree: support does not start")), any());
    BpmnAwareTests.assertThat(support).isWaitingAt("Task_ConsultOnConsent");
    complete("Task_ConsultOnConsent", withVariables("consultationAdvice", "Synthetic: legal advice taken.",
        "consultationOutcome", "SEEK_CONSENT_AGAIN"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "PARENT_OR_GUARDIAN", "youngPersonAgrees", "NO"));
    complete("Task_ConsultOnConsent", withVariables("consultationAdvice", "Synthetic: children's services consulted.",
        "consultationOutcome", "NO_SUPPORT"));

    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_NoSupportAfterConsultation")
        .hasNotPassed("SubProcess_Interventions").isWaitingAt("Task_SetReassessment");
    verify(cases, never()).changeStage(any(), any(), eq(Stage.SUPPORT), any(), any());
    verify(statistics, never()).consentOutcome(anyString(), any());
  }

  @Test
  void anAdultWhoMayLackCapacityIsAssessedAndABestInterestsDecisionWithItsRationaleLetsSupportStart() {
    ProcessInstance support = adopted();
    Map<String, Object> plan = plan("MENTAL_HEALTH");
    plan.put("capacityInDoubt", true);
    complete("Task_PrepareSupportPlan", plan);

    BpmnAwareTests.assertThat(support).isWaitingAt("Task_RecordConsent").variables()
        .containsEntry("consentRoute", "CAPACITY_ASSESSMENT");
    assertThatThrownBy(() -> complete("Task_RecordConsent", consent("GIVEN", "capacityFinding", "LACKS_CAPACITY",
        "consentGivenBy", "SELF"))).hasMessageContaining("lacks capacity");
    complete("Task_RecordConsent", consent("GIVEN", "capacityFinding", "LACKS_CAPACITY", "consentGivenBy",
        "BEST_INTERESTS_DECISION", "bestInterestsRationale", "Synthetic: family and an IMCA consulted."));

    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.CONSENT
        && entry.summary().equals("Consent given by a best-interests decision (Mental Capacity Act 2005)")
        && entry.body().contains("Capacity assessment for this decision: Lacks capacity to decide")
        && entry.body().contains("Best-interests rationale: Synthetic: family and an IMCA consulted.")), any());
    assertThat(waiting()).contains("Task_RecordContact");
  }

  @Test
  void anAdultWhoRefusesHasNoSupportUntilTheReassessmentDateThePanelSetThenGoesBackToThePanel() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("LIFE_SKILLS"));
    complete("Task_RecordConsent", consent("REFUSED"));
    assertThatThrownBy(() -> reassessOn(31, 2, 2027)).hasMessageContaining("must be a real date");
    reassessOn(15, 6, 2027);

    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.DECISION
        && entry.summary().equals("No Channel support: re-assessment on 15 June 2027")
        && entry.body().contains("Synthetic: an Early Help referral.")), any());
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(support.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-06-15T08:00:00Z")));
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());

    BpmnAwareTests.assertThat(support).hasPassed("Event_ReassessmentDue", "EndEvent_Reassess").isEnded();
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(support.getId())
        .singleResult()).isNotNull();
  }

  @Test
  void noContactForThirtyDaysAlertsTheCoordinatorAndTheChairAndConsentWithdrawnStopsEveryIntervention() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("IDEOLOGICAL_MENTORING", "HOUSING"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));

    List<Job> lapses = processEngine.getManagementService().createJobQuery().timers().list();
    assertThat(lapses).hasSize(2).allSatisfy(lapse -> assertThat(lapse.getDuedate())
        .isEqualTo(Date.from(ADOPTED.plus(java.time.Duration.ofDays(30)))));
    ClockUtil.setCurrentTime(lapses.get(0).getDuedate());
    processEngine.getManagementService().executeJob(lapses.get(0).getId());
    for (String group : List.of("prevent-channel-coordinator", "prevent-panel-chair")) {
      verify(notifications).send(argThat(sent -> sent.type() == MessageType.CONTACT_LAPSED
          && sent.caseReference().equals(REFERENCE) && sent.recipient().equals(new Recipient.GroupMembers(group))));
    }
    assertThat(waiting()).as("the alert comes before anyone has withdrawn").contains("Task_RecordContact");

    Task contact = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").list().get(0);
    processEngine.getTaskService().complete(contact.getId(), withVariables("contactOutcome", "CONSENT_WITHDRAWN",
        "contactNote", "Synthetic: the person no longer wants support."));

    verify(cases).recordContact(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.CONSENT
        && entry.summary().startsWith("Consent withdrawn: support stops")), any());
    verify(statistics).consentOutcome(REFERENCE, ConsentOutcome.WITHDRAWN);
    assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").count())
        .as("every intervention stops").isZero();
    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_ConsentWithdrawn", "EndEvent_SupportStopped",
        "EndEvent_LapseAlerted").isWaitingAt("Task_SetReassessment");
  }

  @Test
  void anInquorateMeetingDefersTheReviewAndThePanelMayWithdrawSupportAtTheNext() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("EDUCATION_CAREERS_EMPLOYMENT"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));

    reviewDue(46, false);
    verify(cases).recordPanelOutcome(any(), eq(REFERENCE), eq(46L), eq(PanelOutcome.inquorate()), any());
    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.summary().startsWith("Review deferred")), any());
    assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewAdoptedCase").count())
        .isZero();
    assertThat(processEngine.getRuntimeService().getVariables(support.getId())).doesNotContainKeys(Panel.MEETING_ID,
        Panel.QUORATE);

    review(47, "WITHDRAW_SUPPORT");
    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_ReviewDeferred", "EndEvent_SupportWithdrawn")
        .isWaitingAt("Task_SetReassessment");
    verify(cases, times(1)).recordPanelOutcome(any(), eq(REFERENCE), eq(47L), any(), any());
  }

  @Test
  void aRiskEscalatedDuringSupportTellsThePoliceAtOnceAndListsAnUrgentReviewWhileTheSupportGoesOn() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("IDEOLOGICAL_MENTORING"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));

    riskEscalated(false);
    policeToldOfTheRisk(1);
    assertThat(waiting()).as("the work in hand goes on").contains("Task_RecordContact");
    assertThat(processEngine.getRuntimeService().getVariables(support.getId())).containsEntry("riskEscalated", true);
    verify(calendar, never()).callExtraordinary(any(), any(), any(), any(), any());
    Job meeting = processEngine.getManagementService().createJobQuery().messages().singleResult();
    processEngine.getManagementService().executeJob(meeting.getId());
    verify(calendar).callExtraordinary(any(), eq(REFERENCE), eq(LocalDate.of(2026, 12, 15)),
        eq("A risk was escalated on the case: the panel hears it urgently."), eq(ListingPurpose.REVIEW));

    review(48, "REVISE_PLAN");
    complete("Task_RevisePlan", plan("IDEOLOGICAL_MENTORING", "HOUSING"));
    assertThat(processEngine.getRuntimeService().getVariables(support.getId()))
        .as("the escalation heard, a later withdrawal is an ordinary one").containsEntry("riskEscalated", false);
    review(49, "WITHDRAW_SUPPORT");
    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_UrgentReviewListed", "EndEvent_PlanRevised",
        "EndEvent_SupportWithdrawn").hasNotPassed("EndEvent_WithdrawnToPolice").isWaitingAt("Task_SetReassessment");
  }

  @Test
  void supportWithdrawnAfterARiskEscalationHandsTheCaseToThePoliceWithNoReassessment() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("LIFE_SKILLS"));
    riskEscalated(false);
    policeToldOfTheRisk(1);
    assertThat(waiting()).as("an escalation before consent keeps the consent in hand").contains("Task_RecordConsent");
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));

    review(50, "WITHDRAW_SUPPORT");

    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_WithdrawnToPolice", "Event_WithdrawnToPolice",
        "EndEvent_LeftToPolice").hasNotPassed("Task_SetReassessment").isEnded();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(support.getId()).count())
        .as("every intervention stops").isZero();
  }

  @Test
  void aRiskEscalatedWhileThePanelReviewsTheCaseIsHeardAtThatReviewWithNoExtraMeeting() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("HOUSING"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));
    reviewDue(51, true);

    riskEscalated(true);
    policeToldOfTheRisk(1);
    assertThat(processEngine.getManagementService().createJobQuery().messages().count()).isZero();
    Task review = task("Task_ReviewAdoptedCase");
    processEngine.getTaskService().complete(review.getId(), withVariables("reviewDecision", "CONTINUE",
        "reviewRationale", "Synthetic rationale."));

    BpmnAwareTests.assertThat(support).hasPassed("EndEvent_ReviewedNow", "EndEvent_ReviewRecorded")
        .isWaitingAt("Task_RecordContact");
    assertThat(processEngine.getRuntimeService().getVariables(support.getId())).containsEntry("riskEscalated", false);
    verify(calendar, never()).callExtraordinary(any(), any(), any(), any(), any());
  }

  @Test
  void aRevisedPlanEndsTheInterventionsInHandAndStartsItsOwnWithItsProviderEachWithAContactTracker() {
    ProcessInstance support = adopted();
    complete("Task_PrepareSupportPlan", plan("IDEOLOGICAL_MENTORING"));
    complete("Task_RecordConsent", consent("GIVEN", "consentGivenBy", "SELF"));
    assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").count())
        .isEqualTo(1);

    review(52, "REVISE_PLAN");
    Map<String, Object> revised = plan("IDEOLOGICAL_MENTORING", "HOUSING", "FAMILY_SUPPORT");
    revised.put("interventionProvider", "demo-provider-2");
    complete("Task_RevisePlan", revised);

    List<Task> contacts = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RecordContact").list();
    assertThat(contacts).as("one tracker per intervention of the revised plan").hasSize(3)
        .allSatisfy(contact -> BpmnAwareTests.assertThat(contact).hasCandidateUser("demo-provider-2"));
    assertThat(processEngine.getManagementService().createJobQuery().timers().list())
        .as("each with its lapse timer, from the revision").hasSize(3);
    assertThat(processEngine.getRuntimeService().getVariables(support.getId())).containsEntry("planVersion", 2)
        .containsEntry("interventionsPlanVersion", 2).containsEntry("interventionCount", 3);
    verify(cases).allocateToProvider(any(), eq(REFERENCE), eq("demo-provider-2"), any());
    BpmnAwareTests.assertThat(support).hasPassed("Event_PlanRevised", "EndEvent_PlanRevised");
  }

  @Test
  void aPersonKnownOnlyByAnApproximateAgeConsentsAsAnAdultWellOver18AndThroughAParentNear18() {
    when(cases.ageOn(any(), eq(REFERENCE), any(), any())).thenReturn(Optional.of(new PersonAge(34, true)));
    ProcessInstance adult = adopted();
    complete("Task_PrepareSupportPlan", plan("HOUSING"));
    BpmnAwareTests.assertThat(adult).isWaitingAt("Task_RecordConsent").variables().containsEntry("consentRoute", "SELF");
    processEngine.getRuntimeService().deleteProcessInstance(adult.getId(), "next example");

    when(cases.ageOn(any(), eq(REFERENCE), any(), any())).thenReturn(Optional.of(new PersonAge(18, true)));
    ProcessInstance nearEighteen = adopted();
    complete("Task_PrepareSupportPlan", plan("HOUSING"));
    BpmnAwareTests.assertThat(nearEighteen).isWaitingAt("Task_RecordConsent").variables()
        .containsEntry("consentRoute", "PARENT_OR_GUARDIAN");
  }
}
