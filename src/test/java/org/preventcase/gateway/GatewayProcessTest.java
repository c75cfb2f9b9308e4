package org.preventcase.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.Stage;
import org.preventcase.caseprocess.DeliveryModel;
import org.preventcase.information.InformationGatheringMocks;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The gateway stage (process.md §2.2, §2.3, §2.10; issue 9): deconfliction first, then the screening
 * by the case owner of either delivery model, each outcome its own path, the timers, the assurance
 * rule for repeat and no-ideology closures, the local below-threshold review and the preliminary
 * assessment. The decisions' listeners are the real ones, writing to a mocked case record.
 */
@Deployment(resources = {"processes/gateway/gateway.bpmn", "processes-test/gateway-caller.bpmn", "processes/gateway/assurance-review.dmn",
    "processes/gateway/information-gathering.bpmn", "forms/information-agencies.form", "forms/information-request.form",
    "forms/information-overdue.form",
    "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
    "forms/below-threshold-review.form", "forms/assurance-review.form"})
class GatewayProcessTest {

  /** Monday 23 November 2026, 09:00 London. */
  static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
  /** 5 working days later: Monday 30 November, 17:00; the reminder after 4, Friday 27 November, 17:00. */
  static final Date SCREENING_DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));
  static final Date SCREENING_REMINDER = Date.from(Instant.parse("2026-11-27T17:00:00Z"));
  static final String REFERENCE = "E06000031-2026-00001";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys("gateway-caller", "information-gathering").build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final Notifications notifications = mock(Notifications.class);
  EarlierReferrals earlier = new EarlierReferrals(0, Map.of());

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(OPENED));
    when(actors.acting(any())).thenReturn(Actor.system("E06000031"));
    when(cases.earlierReferrals(any(), any(), any())).thenAnswer(call -> earlier);
    when(cases.askForInformation(any(), anyString(), any(), anyString(), any())).thenReturn(7L);
    InformationGatheringMocks.register(processEngine, cases, notifications);
    GatewayMocks.register(cases, actors, notifications);
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance caller;

  /** The gateway, called as the case process calls it (a test caller keeps its outcome). */
  ProcessInstance start(DeliveryModel model, String urgency) {
    Map<String, Object> facts = new HashMap<>(Map.of("caseRef", REFERENCE, "concernType", "ISLAMIST", "urgency", urgency,
        "urgencyLabel", "Routine", "taskPriority", "ROUTINE".equals(urgency) ? 50 : 100,
        "caseOwnerGroup", model.caseOwnerGroup()));
    caller = processEngine.getRuntimeService().startProcessInstanceByKey("gateway-caller", REFERENCE, facts);
    ProcessInstance gateway = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).singleResult();
    assertThat(gateway.getBusinessKey()).isEqualTo(REFERENCE);
    assertThat(gateway.getTenantId()).isEqualTo("E06000031");
    return gateway;
  }

  /** What the gateway returned to its caller. */
  Object outcome() {
    BpmnAwareTests.assertThat(caller).isWaitingAt("Task_GatewayReturned");
    return processEngine.getRuntimeService().getVariable(caller.getId(), "gatewayOutcome");
  }

  ProcessInstance start(DeliveryModel model) {
    return start(model, "ROUTINE");
  }

  /** Completes the open task and runs the continuation its asyncAfter leaves, if any. */
  void complete(ProcessInstance instance, Map<String, Object> submitted) {
    BpmnAwareTests.complete(task(instance), submitted);
    Job continuation = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .messages().singleResult();
    if (continuation != null) {
      processEngine.getManagementService().executeJob(continuation.getId());
    }
  }

  void deconflictClear(ProcessInstance instance) {
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_DeconflictReferral");
    complete(instance, withVariables("deconfliction", "CLEAR"));
  }

  static Map<String, Object> screening(String outcome, Object... more) {
    Map<String, Object> submitted = new HashMap<>(Map.of("gatewayOutcome", outcome, "ideologyIdentified", "YES",
        "rationale", "Synthetic rationale: the referral describes a concern the screener weighed."));
    for (int i = 0; i < more.length; i += 2) {
      submitted.put((String) more[i], more[i + 1]);
    }
    return submitted;
  }

  // --- deconfliction first, in both delivery models --------------------------------------------

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void thePoliceDeconflictFirstAndTheCaseOwnerScreensWithinFiveWorkingDays(DeliveryModel model) {
    ProcessInstance gateway = start(model);

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_DeconflictReferral").variables()
        .containsEntry("screeningDueAt", SCREENING_DUE).containsEntry("screeningReminderAt", SCREENING_REMINDER);
    BpmnAwareTests.assertThat(task(gateway)).hasCandidateGroup("prevent-police-officer").hasDueDate(SCREENING_DUE)
        .hasName("Deconflict the referral: " + REFERENCE);
    deconflictClear(gateway);

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_ScreenReferral");
    BpmnAwareTests.assertThat(task(gateway)).hasCandidateGroup(model.caseOwnerGroup()).hasDueDate(SCREENING_DUE);
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.GATEWAY), any(), any());
    assertThat(processEngine.getRuntimeService().getVariables(gateway.getId())).containsOnlyKeys("caseRef",
        "concernType", "urgency", "urgencyLabel", "taskPriority", "caseOwnerGroup", "deconfliction", "screeningDueAt",
        "screeningReminderAt", "earlierReferralCount", "earlierOutcomes", "repeatReferral");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void aPartOfALiveInvestigationLeavesPreventWithNothingButTheDecision(DeliveryModel model) {
    ProcessInstance gateway = start(model);

    complete(gateway, withVariables("deconfliction", "PURSUE"));

    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_PartOfLiveInvestigation", "EndEvent_GatewayLeftForPursue")
        .hasNotPassed("Task_ScreenReferral").isEnded();
    ArgumentCaptor<NewEntry> entry = ArgumentCaptor.forClass(NewEntry.class);
    verify(cases).addEntry(any(), eq(REFERENCE), entry.capture(), any());
    assertThat(entry.getValue().summary()).isEqualTo(RecordDeconfliction.PURSUE_SUMMARY);
    assertThat(entry.getValue().body()).as("no intelligence detail").isNull();
    assertThat(outcome()).isEqualTo("PURSUE");
  }

  // --- each outcome of the screening, in both delivery models ----------------------------------

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void aScreeningThatFindsPursueEndsTheGatewayWithNoRationaleKept(DeliveryModel model) {
    ProcessInstance gateway = screenedAs(model, Map.of("gatewayOutcome", "PURSUE"));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayLeftForPursue").isEnded();
    assertThat(outcome()).isEqualTo("PURSUE");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void policeManagedEndsTheGatewayForTheCaseToClose(DeliveryModel model) {
    ProcessInstance gateway = screenedAs(model, screening("POLICE_MANAGED"));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayPoliceManaged").isEnded();
    assertThat(outcome()).isEqualTo("POLICE_MANAGED");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void mappaEndsTheGatewayForTheHandOff(DeliveryModel model) {
    ProcessInstance gateway = screenedAs(model, screening("MAPPA"));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayToMappa").isEnded();
    assertThat(outcome()).isEqualTo("MAPPA");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void noFurtherActionWithAnIdeologyClosesWithoutAnAssuranceReview(DeliveryModel model) {
    ProcessInstance gateway = screenedAs(model, screening("NFA_CLOSED", "nfaReason", "MISGUIDED"));
    BpmnAwareTests.assertThat(gateway).hasPassed("Task_DecideAssuranceReview", "EndEvent_GatewayToClose")
        .hasNotPassed("Task_AssuranceReview").isEnded();
    assertThat(outcome()).isEqualTo("NFA_CLOSED");
    ArgumentCaptor<NewEntry> entry = ArgumentCaptor.forClass(NewEntry.class);
    verify(cases, times(2)).addEntry(any(), eq(REFERENCE), entry.capture(), any());
    assertThat(entry.getValue().summary()).isEqualTo("Screening outcome: No further action: close the case");
    assertThat(entry.getValue().body()).contains("Reason: Misguided: a concern, but not about radicalisation",
        "Ideology identified: Yes", "Synthetic rationale");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void signpostingRecordsWhereAndWhenTheOnwardReferralWasMade(DeliveryModel model) {
    ProcessInstance gateway = screenedAs(model, screening("SIGNPOSTED", "signpostedTo", "EARLY_HELP",
        "onwardReferralDateDay", 20, "onwardReferralDateMonth", 11, "onwardReferralDateYear", 2026));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayToClose").isEnded();
    assertThat(outcome()).isEqualTo("SIGNPOSTED");
    ArgumentCaptor<NewEntry> entry = ArgumentCaptor.forClass(NewEntry.class);
    verify(cases, times(2)).addEntry(any(), eq(REFERENCE), entry.capture(), any());
    assertThat(entry.getValue().body()).contains("Signposted to: Early Help", "Onward referral made: 20 November 2026");
  }

  @ParameterizedTest
  @EnumSource(DeliveryModel.class)
  void referToPanelLeadsToThePreliminaryAssessmentByTheCaseOwner(DeliveryModel model) {
    ProcessInstance gateway = start(model);
    deconflictClear(gateway);
    complete(gateway, screening("REFER_TO_PANEL"));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("CallActivity_GatherInformation");
    InformationGatheringMocks.gatherFromOneAgency(processEngine, gateway);
    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_PreliminaryAssessment");
    BpmnAwareTests.assertThat(task(gateway)).hasCandidateGroup(model.caseOwnerGroup());
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.INFORMATION_GATHERING), any(), any());
    assertThat(processEngine.getRuntimeService().getVariables(gateway.getId())).as("no rationale in the engine")
        .doesNotContainKeys("rationale", "nfaReason", "signpostedTo").containsEntry("gatewayOutcome", "REFER_TO_PANEL")
        .containsEntry("gatewayOutcomeLabel", "Refer towards the Channel panel (information gathering and preliminary assessment)")
        .containsEntry("ideologyIdentifiedLabel", "Yes");

    complete(gateway, withVariables("preliminaryDecision", "LIST_FOR_PANEL", "rationale", "Synthetic: shared concern."));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayListedForPanel").isEnded();
    assertThat(outcome()).isEqualTo("REFER_TO_PANEL");
  }

  @Test
  void thePreliminaryAssessmentMaySignpostTheCaseInstead() {
    ProcessInstance gateway = start(DeliveryModel.LA_LED);
    deconflictClear(gateway);
    complete(gateway, screening("REFER_TO_PANEL"));
    InformationGatheringMocks.gatherFromOneAgency(processEngine, gateway);
    complete(gateway, withVariables("preliminaryDecision", "SIGNPOST", "signpostedTo", "MENTAL_HEALTH",
        "onwardReferralDateDay", 23, "onwardReferralDateMonth", 11, "onwardReferralDateYear", 2026,
        "rationale", "Synthetic: health needs, no vulnerability to radicalisation."));
    BpmnAwareTests.assertThat(gateway).hasPassed("Task_DecideAssuranceReview", "EndEvent_GatewayToClose").isEnded();
    assertThat(outcome()).isEqualTo("SIGNPOSTED");
  }

  // --- the assurance rule (Prevent Learning Review 2025) ---------------------------------------

  @Test
  void aRepeatReferralCannotCloseWithoutAPreventManagersAssuranceReview() {
    earlier = new EarlierReferrals(2, Map.of(ClosureReason.NFA_CLOSED, 2));
    ProcessInstance gateway = screenedAs(DeliveryModel.POLICE_GATEWAY, screening("NFA_CLOSED", "nfaReason", "NO_CONCERN"));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_AssuranceReview").variables()
        .containsEntry("earlierReferralCount", 2).containsEntry("earlierOutcomes", "No further action (2)")
        .containsEntry("repeatReferral", true);
    BpmnAwareTests.assertThat(task(gateway)).hasCandidateGroup("prevent-manager");
    complete(gateway, withVariables("assuranceDecision", "AGREE_CLOSURE", "rationale", "Synthetic: checked the history."));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_GatewayToClose").isEnded();
    assertThat(outcome()).isEqualTo("NFA_CLOSED");
  }

  @Test
  void aClosureBecauseNoIdeologyWasFoundNeedsAnAssuranceReviewThatMaySendItBackToScreening() {
    ProcessInstance gateway = screenedAs(DeliveryModel.LA_LED, screening("SIGNPOSTED", "ideologyIdentified", "NO",
        "signpostedTo", "CHILDRENS_SOCIAL_CARE", "onwardReferralDateDay", 23, "onwardReferralDateMonth", 11,
        "onwardReferralDateYear", 2026));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_AssuranceReview");
    complete(gateway, withVariables("assuranceDecision", "SCREEN_AGAIN", "rationale", "Synthetic: look again."));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_DeconflictReferral");
    assertThat(processEngine.getRuntimeService().getVariables(gateway.getId())).doesNotContainKey("rationale");
  }

  // --- the local below-threshold arrangement ---------------------------------------------------

  @Test
  void aCaseBelowTheThresholdIsReviewedAfterThreeMonthsAndClosed() {
    ProcessInstance gateway = screenedAs(DeliveryModel.POLICE_GATEWAY, screening("LOCAL_BELOW_THRESHOLD"));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Event_LocalReviewDue");
    Job review = timer(gateway);
    assertThat(review.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-02-23T09:00:00Z")));
    ClockUtil.setCurrentTime(review.getDuedate());
    processEngine.getManagementService().executeJob(review.getId());

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_ReviewBelowThreshold");
    complete(gateway, withVariables("localReviewDecision", "CLOSE", "nfaReason", "NO_CONCERN",
        "rationale", "Synthetic: nothing further in three months."));
    BpmnAwareTests.assertThat(gateway).hasPassed("Task_DecideAssuranceReview", "EndEvent_GatewayToClose").isEnded();
    assertThat(outcome()).isEqualTo("NFA_CLOSED");
  }

  @Test
  void aReviewedBelowThresholdCaseMayBeScreenedAgainWithNewDueDates() {
    ProcessInstance gateway = screenedAs(DeliveryModel.LA_LED, screening("LOCAL_BELOW_THRESHOLD"));
    Job review = timer(gateway);
    ClockUtil.setCurrentTime(review.getDuedate());
    processEngine.getManagementService().executeJob(review.getId());

    complete(gateway, withVariables("localReviewDecision", "SCREEN_AGAIN", "rationale", "Synthetic: new concerns."));

    BpmnAwareTests.assertThat(gateway).isWaitingAt("Task_DeconflictReferral");
    // 23 February 2027 09:00 + 5 working days = Tuesday 2 March 2027, 17:00
    BpmnAwareTests.assertThat(task(gateway)).hasDueDate(Date.from(Instant.parse("2027-03-02T17:00:00Z")));
  }

  // --- timers, across a bank holiday ----------------------------------------------------------

  @Test
  void theScreenersAreRemindedAndTheManagersToldAcrossChristmasWhileTheScreeningStaysOpen() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-23T09:00:00Z")));
    ProcessInstance gateway = start(DeliveryModel.LA_LED);
    // 25 and 28 December and 1 January are bank holidays: 4 working days is Thursday 31 December,
    // 5 is Monday 4 January 2027
    Date reminderAt = Date.from(Instant.parse("2026-12-31T17:00:00Z"));
    Date dueAt = Date.from(Instant.parse("2027-01-04T17:00:00Z"));
    List<Job> timers = processEngine.getManagementService().createJobQuery().processInstanceId(gateway.getId())
        .timers().orderByJobDuedate().asc().list();
    assertThat(timers).extracting(Job::getDuedate).containsExactly(reminderAt, dueAt);
    deconflictClear(gateway);

    ClockUtil.setCurrentTime(reminderAt);
    processEngine.getManagementService().executeJob(timers.get(0).getId());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.TASK_REMINDER
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-channel-coordinator"))));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_ScreenersReminded").isWaitingAt("Task_ScreenReferral");

    ClockUtil.setCurrentTime(Date.from(dueAt.toInstant().plusSeconds(60)));
    processEngine.getManagementService().executeJob(timers.get(1).getId());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.TASK_ESCALATION
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-manager"))));
    BpmnAwareTests.assertThat(gateway).hasPassed("EndEvent_ScreeningEscalated").isWaitingAt("Task_ScreenReferral");
  }

  @Test
  void anImmediateRiskIsDueTheSameDayAndThePoliceAreToldAtOnce() {
    ProcessInstance gateway = start(DeliveryModel.LA_LED, "IMMEDIATE_RISK");

    BpmnAwareTests.assertThat(gateway).variables()
        .containsEntry("screeningDueAt", Date.from(Instant.parse("2026-11-23T17:00:00Z")))
        .containsEntry("screeningReminderAt", Date.from(Instant.parse("2026-11-23T11:00:00Z")));
    verify(notifications).send(argThat((Notification sent) -> sent.type() == MessageType.URGENT_REFERRAL));
  }

  @Test
  void anImmediateRiskReceivedAfterFiveIsDueByMidnight() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T18:30:00Z")));
    ProcessInstance gateway = start(DeliveryModel.POLICE_GATEWAY, "IMMEDIATE_RISK");

    BpmnAwareTests.assertThat(gateway).variables()
        .containsEntry("screeningDueAt", Date.from(Instant.parse("2026-11-24T00:00:00Z")))
        .containsEntry("screeningReminderAt", Date.from(Instant.parse("2026-11-23T20:30:00Z")));
    verify(cases, never()).close(any(), any(), any(), any());
  }

  Job timer(ProcessInstance gateway) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(gateway.getId()).timers()
        .singleResult();
  }

  /** Deconflicted clear and screened with this submission. */
  ProcessInstance screenedAs(DeliveryModel model, Map<String, Object> submitted) {
    ProcessInstance gateway = start(model);
    deconflictClear(gateway);
    complete(gateway, submitted);
    return gateway;
  }
}
