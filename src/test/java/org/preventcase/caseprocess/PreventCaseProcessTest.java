package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.casefile.ReferrerContact;
import org.preventcase.casefile.Stage;
import org.preventcase.gateway.Gateway;
import org.preventcase.gateway.GatewayMocks;
import org.preventcase.mappa.RecordMappaHandOff;
import org.preventcase.mappa.RecordMappaInvolvementEnded;
import org.preventcase.information.InformationGatheringMocks;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.panel.Meeting;
import org.preventcase.panel.MeetingRecords;
import org.preventcase.panel.Panel;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.panel.PanelMocks;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The case process (issue 9): it calls the gateway and lives until the case closes, each way at its
 * own end event with its closure reason, telling every referrer the same; it waits visibly for the
 * panel or hands the case to MAPPA; and new information about the person reaches the police at
 * every wait state of the gateway and after it.
 */
@Deployment(resources = {"processes/case/prevent-case.bpmn", "processes/gateway/gateway.bpmn",
    "processes/gateway/information-gathering.bpmn", "forms/information-agencies.form", "forms/information-request.form",
    "forms/information-overdue.form",
    "processes/gateway/assurance-review.dmn", "forms/referral-deconfliction.form", "forms/referral-screening.form",
    "forms/preliminary-assessment.form", "forms/below-threshold-review.form", "forms/assurance-review.form",
    "forms/mappa-hand-off.form", "forms/mappa-liaison.form", "forms/new-information-deconfliction.form", "processes/panel/panel-case.bpmn",
    "processes/panel/panel-recommendation.dmn", "forms/panel-assessment.form", "forms/panel-decision.form",
    "forms/panel-review.form", "forms/custody-hand-off.form", "forms/custody-release.form",
    "processes/support/support.bpmn", "processes/support/consent-required.dmn", "forms/support-plan.form",
    "forms/consent.form", "forms/consent-consultation.form", "forms/consent-reassessment.form",
    "forms/intervention-contact.form", "processes/aftercare/aftercare.bpmn", "forms/post-exit-review.form"})
class PreventCaseProcessTest {

  static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
  static final String REFERENCE = "E06000031-2026-00001";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys(Gateway.PROCESS_KEY, "information-gathering", Panel.CASE_PROCESS, "support", "aftercare")
      .build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final Notifications notifications = mock(Notifications.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);
  Map<String, DeliveryModel> deliveryModels = Map.of();
  static final Meeting DECEMBER = new Meeting(41, "E06000031", List.of("E06000031"), Meeting.Kind.ROUTINE,
      Instant.parse("2026-12-15T10:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"), 8, Meeting.Status.SCHEDULED);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(OPENED));
    when(actors.acting(any())).thenReturn(Actor.system("E06000031"));
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(0, Map.of()));
    when(cases.referrersOf(any(), eq(REFERENCE), any())).thenReturn(List.of(
        new ReferrerContact(11, "referrer@school.example.org"), new ReferrerContact(12, null)));
    when(cases.askForInformation(any(), anyString(), any(), anyString(), any())).thenReturn(7L);
    InformationGatheringMocks.register(processEngine, cases, notifications);
    GatewayMocks.register(cases, actors, notifications);
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), notifications,
        mock(org.preventcase.authority.AuthorityDirectory.class));
    when(calendar.listAtNextMeeting(any(), eq(REFERENCE))).thenReturn(DECEMBER);
    when(cases.latestPanelAssessment(any(), eq(REFERENCE), any())).thenReturn(java.util.Optional.of(
        new org.preventcase.casefile.PanelAssessment(org.preventcase.vocabulary.AssessmentFramework.VAF,
            Map.of("engagement", "HIGH", "intent", "LOW", "capability", "LOW"),
            org.preventcase.vocabulary.Susceptibility.SUSCEPTIBLE, org.preventcase.vocabulary.CtRiskOwner.NONE, false,
            false, true)));
    Mocks.register("moveCaseToConsent", new MoveCaseToStage(cases, actors, Stage.CONSENT));
    Mocks.register("moveCaseToPostExitReview", new MoveCaseToStage(cases, actors, Stage.POST_EXIT_REVIEW));
    org.preventcase.support.SupportMocks.register(cases, actors, notifications,
        mock(org.preventcase.statistics.ReferralStatistics.class));
    when(cases.ageOn(any(), eq(REFERENCE), any(), any())).thenReturn(java.util.Optional.of(
        new org.preventcase.casefile.PersonAge(34, false)));
    Mocks.register("setCaseOwnerGroup", new SetCaseOwnerGroup(new DeliveryModels(Map.of())));
    Mocks.register("moveCaseToPanel", new MoveCaseToStage(cases, actors, Stage.PANEL));
    Mocks.register("moveCaseToMappa", new MoveCaseToStage(cases, actors, Stage.MAPPA));
    Mocks.register("moveCaseToCustody", new MoveCaseToStage(cases, actors, Stage.CUSTODY));
    Mocks.register("moveCaseToScreening", new MoveCaseToStage(cases, actors, Stage.SCREENING));
    org.preventcase.custody.CustodyMocks.register(cases, actors, notifications);
    Mocks.register("recordMappaHandOff", new RecordMappaHandOff(cases, actors));
    Mocks.register("recordMappaInvolvementEnded", new RecordMappaInvolvementEnded(cases, actors));
    Mocks.register("tellReferrersTheReferralWasHandled", new TellReferrersTheReferralWasHandled(cases, notifications,
        actors));
    for (ClosureReason reason : ClosureReason.values()) {
      Mocks.register(CloseCase.beanName(reason), new CloseCase(cases, actors, reason)); // the names the model uses
    }
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance open() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(PreventCase.PROCESS_KEY, REFERENCE,
        withVariables("caseRef", REFERENCE, "concernType", "ISLAMIST", "urgency", "ROUTINE", "referrerSector", "HEALTH",
            "ageBand", "ADULT", "concernTypeLabel", "Islamist", "urgencyLabel", "Routine", "taskPriority", 50));
  }

  ProcessInstance gatewayOf(ProcessInstance theCase) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(theCase.getId())
        .singleResult();
  }

  /** The open task of the case's gateway (or of the case, after it), completed, and any continuation run. */
  void complete(ProcessInstance theCase, String taskKey, Map<String, Object> submitted) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    processEngine.getTaskService().complete(task.getId(), submitted);
    processEngine.getManagementService().createJobQuery().messages().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  static Map<String, Object> screening(String outcome, Object... more) {
    Map<String, Object> submitted = new HashMap<>(Map.of("gatewayOutcome", outcome, "ideologyIdentified", "YES",
        "rationale", "Synthetic rationale."));
    for (int i = 0; i < more.length; i += 2) {
      submitted.put((String) more[i], more[i + 1]);
    }
    return submitted;
  }

  ProcessInstance screenedAs(Map<String, Object> submitted) {
    ProcessInstance theCase = open();
    complete(theCase, "Task_DeconflictReferral", withVariables("deconfliction", "CLEAR"));
    complete(theCase, "Task_ScreenReferral", submitted);
    return theCase;
  }

  @Test
  void aNewCaseCallsTheGatewayWithItsReferenceAuthorityAndFactsOnly() {
    ProcessInstance theCase = open();

    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Gateway").variables()
        .containsEntry("caseOwnerGroup", "prevent-police-officer");
    ProcessInstance gateway = gatewayOf(theCase);
    assertThat(gateway.getBusinessKey()).isEqualTo(REFERENCE);
    assertThat(gateway.getTenantId()).isEqualTo("E06000031");
    assertThat(processEngine.getRuntimeService().getVariables(gateway.getId())).as("the case's facts, passed down")
        .containsOnlyKeys("caseRef", "concernType", "urgency", "referrerSector", "ageBand", "concernTypeLabel",
            "urgencyLabel", "referrerSectorLabel", "ageBandLabel", "taskPriority", "previousCaseRef", "otherAuthority",
            "caseOwnerGroup", "onLicenceOrUnderMappa", "onLicenceOrUnderMappaLabel", "screeningDueAt",
            "screeningReminderAt");
  }

  @Test
  void anAuthorityWithTheLocalAuthorityLedModelHasItsCasesScreenedByTheChannelCoordinators() {
    Mocks.register("setCaseOwnerGroup", new SetCaseOwnerGroup(new DeliveryModels(Map.of("E06000031",
        DeliveryModel.LA_LED))));
    ProcessInstance theCase = open();
    complete(theCase, "Task_DeconflictReferral", withVariables("deconfliction", "CLEAR"));

    Task screening = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey("Task_ScreenReferral").singleResult();
    BpmnAwareTests.assertThat(screening).hasCandidateGroup("prevent-channel-coordinator");
  }

  @ParameterizedTest
  @CsvSource({"NFA_CLOSED, EndEvent_ClosedNoFurtherAction", "POLICE_MANAGED, EndEvent_ClosedPoliceManaged"})
  void aScreeningOutcomeThatClosesTheCaseEndsItWithItsReasonAndTellsTheReferrers(String outcome, String endEvent) {
    ProcessInstance theCase = screenedAs(screening(outcome, "nfaReason", "MISTAKEN"));

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Gateway", endEvent).isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.valueOf(outcome)), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_HANDLED
        && sent.caseReference().equals("R-11") && sent.recipient().equals(new Recipient.Referrer("referrer@school.example.org"))));
  }

  @Test
  void aSignpostedCaseClosesAsSignposted() {
    ProcessInstance theCase = screenedAs(screening("SIGNPOSTED", "signpostedTo", "HOUSING",
        "onwardReferralDateDay", 23, "onwardReferralDateMonth", 11, "onwardReferralDateYear", 2026));

    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_ClosedSignposted").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.SIGNPOSTED), any());
  }

  @Test
  void aCaseThatIsPartOfALiveInvestigationLeavesPreventAndItsReferrersHearTheSame() {
    ProcessInstance theCase = open();
    complete(theCase, "Task_DeconflictReferral", withVariables("deconfliction", "PURSUE"));

    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_LeftPreventForPursue").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.PURSUE), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_HANDLED));
  }

  @Test
  void aMappaCaseFromTheGatewayIsManagedByMappaWithoutAPanelListingUntilMappaClosesItsInvolvement() {
    ProcessInstance theCase = screenedAs(screening("MAPPA"));

    BpmnAwareTests.assertThat(theCase).isWaitingAt("Task_HandOverToMappa");
    BpmnAwareTests.assertThat(BpmnAwareTests.task(theCase)).hasCandidateGroup("prevent-mappa-coordinator");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.MAPPA), any(), any());
    complete(theCase, "Task_HandOverToMappa", handedToMappa("4", "2", "NO"));

    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Handed to MAPPA, which leads: Category 4: terrorist and terrorist-risk offenders, "
            + "Level 2: active multi-agency management") && entry.body().contains("Synthetic hand-off note.")), any());
    BpmnAwareTests.assertThat(theCase).isWaitingAt("Task_LiaiseWithMappa").isNotEnded();
    BpmnAwareTests.assertThat(BpmnAwareTests.task(theCase)).hasCandidateGroup("prevent-mappa-coordinator");
    assertThat(processEngine.getRuntimeService().getVariables(theCase.getId())).as("the liaison's variables")
        .containsEntry("mappaAgreesToChannel", "NO").doesNotContainKeys("mappaCategory", "mappaLevel", "mappaHandOffNote");
    verify(calendar, never()).listAtNextMeeting(any(), anyString());
    verify(cases, never()).close(any(), any(), any(), any());

    complete(theCase, "Task_LiaiseWithMappa", withVariables("mappaInvolvementEnded", true, "mappaLiaisonNote",
        "Synthetic: MAPPA deregistered the person."));
    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals("MAPPA closed its involvement")
        && entry.body().equals("Synthetic: MAPPA deregistered the person.")), any());
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_HandedToMappa").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.MAPPA), any());
  }

  static Map<String, Object> handedToMappa(String category, String level, String channelAlongside) {
    return withVariables("mappaCategory", category, "mappaLevel", level, "mappaAgreesToChannel", channelAlongside,
        "mappaHandOffNote", "Synthetic hand-off note.");
  }

  @Test
  void channelSupportRunsAlongsideMappaOnlyWhenTheMappaMeetingAndThePanelBothAgree() {
    ProcessInstance theCase = screenedAs(screening("MAPPA"));
    complete(theCase, "Task_HandOverToMappa", handedToMappa("2", "3", "YES"));

    assertThat(activeActivities()).as("the liaison goes on while the panel is asked")
        .contains("Task_LiaiseWithMappa", "CallActivity_PanelAlongsideMappa", "Event_MeetingOpened");
    verify(calendar).listAtNextMeeting(any(), eq(REFERENCE));
    panelDecides("ADOPT");

    assertThat(activeActivities()).containsExactlyInAnyOrder("Task_LiaiseWithMappa", "CallActivity_SupportAlongsideMappa",
        "Task_PrepareSupportPlan");
    supported();
    verify(cases, never()).changeStage(any(), eq(REFERENCE), eq(Stage.PANEL), any(), any());
    verify(cases, never()).changeStage(any(), eq(REFERENCE), eq(Stage.SUPPORT), any(), any());
    complete(theCase, "Task_LiaiseWithMappa", withVariables("mappaInvolvementEnded", true));
    assertThat(activeActivities()).as("Channel support still runs").contains("CallActivity_SupportAlongsideMappa");
    verify(cases, never()).close(any(), any(), any(), any());

    reviewed(48, "EXIT");
    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_SupportAlongsideMappa", "EndEvent_HandedToMappa")
        .hasNotPassed("CallActivity_Aftercare").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.MAPPA), any());
  }

  @Test
  void supportAlongsideMappaThatEndsWithoutSupportListsTheCaseAtThePanelAgainOnItsReassessmentDate() {
    ProcessInstance theCase = screenedAs(screening("MAPPA"));
    complete(theCase, "Task_HandOverToMappa", handedToMappa("2", "3", "YES"));
    panelDecides("ADOPT");
    completeAndRun("Task_PrepareSupportPlan", supportPlan());
    completeAndRun("Task_RecordConsent", withVariables("consentRecord", "Synthetic.", "consentOutcome", "REFUSED"));
    reassessmentFallsDue();

    assertThat(activeActivities()).contains("Task_LiaiseWithMappa", "CallActivity_PanelAlongsideMappa");
    verify(calendar, org.mockito.Mockito.times(2)).listAtNextMeeting(any(), eq(REFERENCE));
  }

  @Test
  void whenThePanelDoesNotAdoptTheCaseAlongsideMappaMappaLeadsAlone() {
    ProcessInstance theCase = screenedAs(screening("MAPPA"));
    complete(theCase, "Task_HandOverToMappa", handedToMappa("3", "1", "YES"));
    panelDecides("NOT_ADOPT_NFA");

    assertThat(activeActivities()).containsExactly("Task_LiaiseWithMappa");
    verify(cases, never()).close(any(), any(), any(), any());
    complete(theCase, "Task_LiaiseWithMappa", withVariables("mappaInvolvementEnded", true));
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_HandedToMappa").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.MAPPA), any());
  }

  @Test
  void aCaseTransferredToAnotherAuthorityGoesOnHereUntilItIsAcceptedThenClosesAsTransferred() {
    ProcessInstance theCase = screenedAs(screening("MAPPA"));
    Mocks.register("offerTransfer", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
        execution.setVariable("receivingCaseRef", "E06000032-2026-00009"));
    processEngine.getRuntimeService().createMessageCorrelation("TransferRequested").processInstanceBusinessKey(REFERENCE)
        .setVariablesLocal(withVariables("receivingAuthorityCode", "E06000032", "transferReason", "MOVED_HOME"))
        .setVariable("transferRoute", "SERVED").correlate();
    runJobs();

    assertThat(activeActivities()).as("the sending authority keeps the case meanwhile")
        .containsExactlyInAnyOrder("Task_HandOverToMappa", "Event_TransferAccepted");
    processEngine.getRuntimeService().createMessageCorrelation("TransferAccepted").processInstanceBusinessKey(REFERENCE)
        .setVariable("receivingCaseRef", "E06000032-2026-00009").correlate();

    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_TransferCompleted", "EndEvent_TransferredToAnotherArea")
        .hasNotPassed("EndEvent_HandedToMappa").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.TRANSFERRED_TO_ANOTHER_AREA), any());
  }

  @ParameterizedTest
  @CsvSource({"NOT_SERVED, E06000034, Thurrock, Task_SendTransferPack, EndEvent_TransferredOutOfService, "
      + "TRANSFERRED_TO_AUTHORITY_NOT_SERVED",
      "SCOTLAND, S12000036, Scotland: the Prevent Multi-Agency Panel (PMAP), Task_TransferToPmap, "
          + "EndEvent_TransferredToScotland, TRANSFERRED_TO_SCOTLAND"})
  void aCaseMovingOutsideTheAuthoritiesServedHereClosesWhenTheReceiptOfItsTransferPackIsRecorded(String route,
      String receiving, String name, String task, String endEvent, String reason) {
    Mocks.register("recordTransferPackReceipt", new org.preventcase.transfer.RecordTransferPackReceipt(cases, actors));
    ProcessInstance theCase = screenedAs(screening("MAPPA"));
    processEngine.getRuntimeService().createMessageCorrelation("TransferRequested").processInstanceBusinessKey(REFERENCE)
        .setVariablesLocal(withVariables("receivingAuthorityCode", receiving, "receivingAuthorityName", name,
            "transferReason", "MOVED_HOME", "transferReasonLabel", "The person has moved"))
        .setVariable("transferRoute", route).correlate();

    assertThat(activeActivities()).as("the case goes on here until the receipt").containsExactlyInAnyOrder(
        "Task_HandOverToMappa", task);
    Task send = BpmnAwareTests.task(task, theCase);
    BpmnAwareTests.assertThat(send).hasCandidateGroup("prevent-police-officer");
    processEngine.getTaskService().complete(send.getId(), withVariables("transferPackReceived", true));

    verify(cases).addEntry(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Transfer pack received by " + name)), any());
    BpmnAwareTests.assertThat(theCase).hasPassed(endEvent).isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.valueOf(reason)), any());
  }

  @Test
  void aCaseTransferredInStartsAtThePanelStageAndIsListedAtTheNextMeeting() {
    ProcessInstance theCase = processEngine.getRuntimeService().createMessageCorrelation("CaseTransferredIn")
        .processInstanceBusinessKey(REFERENCE).setVariables(withVariables("caseRef", REFERENCE, "concernType", "ISLAMIST",
            "concernTypeLabel", "Islamist", "urgency", "ROUTINE", "urgencyLabel", "Routine", "taskPriority", 50))
        .correlateStartMessage();

    BpmnAwareTests.assertThat(theCase).hasPassed("StartEvent_CaseTransferredIn").isWaitingAt("CallActivity_Panel")
        .hasNotPassed("CallActivity_Gateway").variables().containsEntry("caseOwnerGroup", "prevent-police-officer");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.PANEL), any(), any());
    verify(calendar).listAtNextMeeting(any(), eq(REFERENCE));
  }

  void reportInCustody() {
    processEngine.getRuntimeService().createMessageCorrelation("PersonInCustody").processInstanceBusinessKey(REFERENCE)
        .tenantId("E06000031").correlate();
  }

  static Map<String, Object> handOff(String decision) {
    return withVariables("custodyBasis", "REMANDED", "custodyEstablishment", "HMP Synthetic Vale", "probationInvolvement",
        "NONE", "desistanceAndDisengagement", "TO_BE_CONSIDERED", "custodyDecision", decision, "custodyHandOffNote",
        "Synthetic: the prison's Prevent lead has the referral.");
  }

  @Test
  void aPersonRemandedInCustodyDuringTheInformationGatheringIsHandedToPrisonAndProbationAndTheCaseCloses() {
    when(cases.withdrawOpenInformationRequests(any(), eq(REFERENCE), any()))
        .thenReturn(List.of(org.preventcase.vocabulary.PartnerAgency.EDUCATION));
    ProcessInstance theCase = waitingAt("Task_AnswerInformationRequest");

    reportInCustody();

    assertThat(activeActivities()).as("the work in hand ended").containsExactly("Task_RecordCustodyHandOff");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.CUSTODY), any(), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.INFORMATION_REQUEST_WITHDRAWN
        && sent.recipient().equals(new Recipient.GroupMembers("partner-education"))));
    Task handOffTask = BpmnAwareTests.task("Task_RecordCustodyHandOff", theCase);
    BpmnAwareTests.assertThat(handOffTask).hasCandidateGroup("prevent-police-officer");
    processEngine.getTaskService().complete(handOffTask.getId(), handOff("CLOSE"));

    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Handed to prison and probation services") && entry.body().contains("HMP Synthetic Vale")
        && entry.body().contains("Synthetic: the prison's Prevent lead")), any());
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_ClosedInCustody").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.IN_CUSTODY), any());
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(theCase.getId())
        .list()).extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .doesNotContain("custodyEstablishment", "custodyHandOffNote", "custodyBasis");
  }

  /** A MAPPA case whose person is remanded, held until release: the case's process as started again. */
  ProcessInstance heldInCustody() {
    ProcessInstance liaising = waitingAt("Task_LiaiseWithMappa");
    reportInCustody();
    complete(liaising, "Task_RecordCustodyHandOff", handOff("HOLD"));
    BpmnAwareTests.assertThat(liaising).hasPassed("EndEvent_CaseHeld").isEnded();
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE)
        .singleResult();
  }

  @Test
  void aCaseHeldInCustodyIsReviewedEveryThreeMonthsUntilReleaseThenScreenedAgain() {
    ProcessInstance held = heldInCustody();

    BpmnAwareTests.assertThat(held).hasPassed("StartEvent_HeldInCustody").isWaitingAt("Task_AwaitRelease").variables()
        .containsEntry("caseRef", REFERENCE).containsEntry("concernType", "ISLAMIST")
        .containsEntry("caseOwnerGroup", "prevent-police-officer").doesNotContainKeys("mappaAgreesToChannel");
    assertThat(held.getTenantId()).isEqualTo("E06000031");
    verify(cases, never()).close(any(), any(), any(), any());
    Task review = BpmnAwareTests.task("Task_AwaitRelease", held);
    assertThat(review.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-23T09:00:00Z")));

    Job due = processEngine.getManagementService().createJobQuery().processInstanceId(held.getId()).timers()
        .singleResult();
    ClockUtil.setCurrentTime(due.getDuedate());
    processEngine.getManagementService().executeJob(due.getId());
    runJobs();
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.TASK_REMINDER
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))));
    BpmnAwareTests.assertThat(held).hasPassed("EndEvent_CustodyReviewReminded").isWaitingAt("Task_AwaitRelease");

    complete(held, "Task_AwaitRelease", withVariables("releaseDecision", "STILL_IN_CUSTODY"));
    assertThat(BpmnAwareTests.task("Task_AwaitRelease", held).getDueDate()).as("reviewed again in 3 months")
        .isEqualTo(Date.from(Instant.parse("2027-05-23T08:00:00Z")));
    complete(held, "Task_AwaitRelease", withVariables("releaseDecision", "SCREEN_AGAIN", "custodyReviewNote",
        "Synthetic: released on bail."));

    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.SCREENING), any(), any());
    assertThat(activeActivities()).containsExactlyInAnyOrder("CallActivity_Gateway", "Task_DeconflictReferral");
    assertThat(processEngine.getRuntimeService().getVariables(held.getId())).doesNotContainKeys("custodyReviewNote");
  }

  @Test
  void aCaseHeldInCustodyClosesAtItsReviewWhenPreventHasNoRoleOnRelease() {
    ProcessInstance held = heldInCustody();

    complete(held, "Task_AwaitRelease", withVariables("releaseDecision", "CLOSE"));

    BpmnAwareTests.assertThat(held).hasPassed("EndEvent_HoldEndedInCustody").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.IN_CUSTODY), any());
    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Custody review: Close the case: no Prevent role on release")), any());
  }

  /** A case screened as REFER_TO_PANEL, its information gathered and its preliminary assessment listing it. */
  ProcessInstance referredToThePanel() {
    ProcessInstance theCase = screenedAs(screening("REFER_TO_PANEL"));
    gatherInformation(theCase);
    complete(theCase, "Task_PreliminaryAssessment", withVariables("preliminaryDecision", "LIST_FOR_PANEL",
        "rationale", "Synthetic: shared concern and vulnerability."));
    return theCase;
  }

  /** The panel meets, quorate; the coordinator records the assessment; the chair records this decision. */
  void panelDecides(String decision, Object... more) {
    processEngine.getRuntimeService().createMessageCorrelation(Panel.MEETING_OPENED).processInstanceBusinessKey(REFERENCE)
        .tenantId("E06000031").setVariable(Panel.MEETING_ID, 41L).setVariable(Panel.QUORATE, true).correlate();
    runJobs();
    Map<String, Object> assessment = new HashMap<>(Map.of("assessmentFramework", "VAF", "engagementRating", "HIGH",
        "intentRating", "LOW", "capabilityRating", "LOW", "susceptibility", "SUSCEPTIBLE", "ctRiskOwner", "NONE",
        "contributionHealth", "Synthetic contribution.", "assessmentSummary", "Synthetic assessment."));
    completeAndRun("Task_AssessCase", assessment);
    Map<String, Object> chosen = new HashMap<>(Map.of("panelDecision", decision, "decisionMethod", "UNANIMOUS",
        "decisionRationale", "Synthetic rationale.", "departureReason", "Synthetic reason."));
    for (int i = 0; i < more.length; i += 2) {
      chosen.put((String) more[i], more[i + 1]);
    }
    completeAndRun("Task_DecideCase", chosen);
  }

  void completeAndRun(String taskKey, Map<String, Object> submitted) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    processEngine.getTaskService().complete(task.getId(), submitted);
    runJobs();
  }

  void runJobs() {
    for (int round = 0; round < 3; round++) {
      processEngine.getManagementService().createJobQuery().executable().messages().list()
          .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }
  }

  @Test
  void aCaseReferredToThePanelCallsThePanelStageAndIsListedAtTheNextMeetingWithRoom() {
    ProcessInstance theCase = referredToThePanel();

    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Panel").variables()
        .containsEntry("gatewayOutcome", "REFER_TO_PANEL");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.PANEL), any(), any());
    verify(calendar).listAtNextMeeting(any(), eq(REFERENCE));
    ProcessInstance panel = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(theCase.getId()).singleResult();
    assertThat(panel.getBusinessKey()).isEqualTo(REFERENCE);
    assertThat(panel.getTenantId()).isEqualTo("E06000031");
    BpmnAwareTests.assertThat(panel).isWaitingAt("Event_MeetingOpened");
    assertThat(processEngine.getRuntimeService().getVariables(theCase.getId())).containsOnlyKeys("caseRef",
        "concernType", "urgency", "referrerSector", "ageBand", "concernTypeLabel", "urgencyLabel", "taskPriority",
        "caseOwnerGroup", "gatewayOutcome");
    verify(cases, never()).close(any(), any(), any(), any());
  }

  @ParameterizedTest
  @CsvSource({"NOT_ADOPT_NFA, EndEvent_PanelNoFurtherAction, PANEL_NO_FURTHER_ACTION",
      "RETURN_TO_POLICE, EndEvent_ReturnedToPolice, RETURNED_TO_POLICE"})
  void aClosingPanelDecisionClosesTheCaseWithItsReasonAndTellsTheReferrers(String decision, String endEvent,
      String reason) {
    ProcessInstance theCase = referredToThePanel();
    panelDecides(decision);

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Panel", endEvent).isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.valueOf(reason)), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_HANDLED));
  }

  @Test
  void aCaseThePanelDoesNotAdoptButRefersToHealthOrSocialCareClosesWithThatReason() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("NOT_ADOPT_REFER_ALTERNATIVE", "alternativeSupport", "EARLY_HELP");

    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_ReferredToAlternativeSupport").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.REFERRED_TO_ALTERNATIVE_SUPPORT), any());
  }

  @Test
  void aCaseThePanelRefersToMappaIsHandedToTheMappaCoordinator() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("REFER_TO_MAPPA");

    BpmnAwareTests.assertThat(theCase).isWaitingAt("Task_HandOverToMappa");
    complete(theCase, "Task_HandOverToMappa", handedToMappa("1", "1", "NO"));
    BpmnAwareTests.assertThat(theCase).isWaitingAt("Task_LiaiseWithMappa");
    complete(theCase, "Task_LiaiseWithMappa", withVariables("mappaInvolvementEnded", true));
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_HandedToMappa").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.MAPPA), any());
  }

  @Test
  void aDeferredCaseStaysWithThePanelAndIsListedAgain() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("DEFER", "awaited", "Synthetic: the school's report.");

    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Panel");
    verify(calendar, org.mockito.Mockito.times(2)).listAtNextMeeting(any(), eq(REFERENCE));
    assertThat(activeActivities()).contains("Event_MeetingOpened");
  }

  static Map<String, Object> supportPlan() {
    return new HashMap<>(Map.of("consentApproach", "Synthetic.", "supportNature", "Synthetic.", "supportProviders",
        "Synthetic.", "supportDelivery", "Synthetic.", "interventionTypes", List.of("IDEOLOGICAL_MENTORING"),
        "interventionDetails", "Synthetic.", "interventionProvider", "demo-provider"));
  }

  /** The adopted case's plan and the person's own consent: support runs. */
  void supported() {
    completeAndRun("Task_PrepareSupportPlan", supportPlan());
    completeAndRun("Task_RecordConsent", withVariables("consentRecord", "Synthetic.", "consentOutcome", "GIVEN",
        "consentGivenBy", "SELF"));
    assertThat(activeActivities()).contains("Task_RecordContact");
  }

  /** The panel reviews the adopted case at a quorate meeting, with this decision. */
  void reviewed(long meeting, String decision) {
    processEngine.getRuntimeService().createMessageCorrelation(Panel.REVIEW_DUE).processInstanceBusinessKey(REFERENCE)
        .tenantId("E06000031").setVariableLocal(Panel.MEETING_ID, meeting).setVariableLocal(Panel.QUORATE, true)
        .correlateAllWithResult();
    completeAndRun("Task_ReviewAdoptedCase", withVariables("reviewDecision", decision, "reviewRationale", "Synthetic."));
  }

  void reassessmentFallsDue() {
    completeAndRun("Task_SetReassessment", withVariables("reassessmentDateDay", 1, "reassessmentDateMonth", 3,
        "reassessmentDateYear", 2027, "otherRoutesConsidered", "Synthetic."));
    Job timer = processEngine.getManagementService().createJobQuery().timers().singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());
    runJobs();
  }

  void postExitReviewFallsDue(String outcome) {
    Job timer = processEngine.getManagementService().createJobQuery().timers().singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());
    completeAndRun("Task_ReviewAfterExit", withVariables("postExitReviewOutcome", outcome, "postExitReviewRationale",
        "Synthetic."));
  }

  @Test
  void anAdoptedCaseHasConsentAndSupportThenExitsAndClosesAfterBothPostExitReviews() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("ADOPT");

    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Support").variables()
        .containsEntry("panelDecision", "ADOPT");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.CONSENT), any(), any());
    ProcessInstance support = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(theCase.getId()).singleResult();
    assertThat(support.getBusinessKey()).isEqualTo(REFERENCE);
    assertThat(support.getTenantId()).isEqualTo("E06000031");
    supported();
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.SUPPORT), any(), any());
    reviewed(42, "CONTINUE");
    reviewed(43, "EXIT");

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Support").isWaitingAt("CallActivity_Aftercare");
    verify(cases).changeStage(any(), eq(REFERENCE), eq(Stage.POST_EXIT_REVIEW), any(), any());
    assertThat(processEngine.getRuntimeService().getVariables(theCase.getId())).as("the case's variables after exit")
        .containsOnlyKeys("caseRef", "concernType", "urgency", "referrerSector", "ageBand", "concernTypeLabel",
            "urgencyLabel", "taskPriority", "caseOwnerGroup", "gatewayOutcome", "panelDecision", "supportOutcome");
    postExitReviewFallsDue("NO_CONCERN");
    verify(cases, never()).close(any(), any(), any(), any());
    postExitReviewFallsDue("NO_CONCERN");

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Aftercare", "EndEvent_ClosedAfterPostExitReviews")
        .isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.EXITED_AFTER_REVIEWS), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_HANDLED));
  }

  /** A risk escalated on the case, as RiskEscalations sends it: the police are told, the panel hears it urgently. */
  void riskEscalated() {
    assertThat(processEngine.getRuntimeService().createMessageCorrelation(
        org.preventcase.riskescalation.RiskEscalation.MESSAGE).processInstanceBusinessKey(REFERENCE).tenantId("E06000031")
        .setVariableLocal(org.preventcase.riskescalation.RiskEscalation.PANEL_HEARING_NOW, false)
        .correlateAllWithResult()).hasSize(1);
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.RISK_ESCALATED
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))));
    runJobs();
  }

  @Test
  void supportWithdrawnAfterARiskEscalationClosesTheCaseTransferredToThePoliceWithNoPostExitReviews() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("ADOPT");
    supported();
    riskEscalated();
    verify(calendar).callExtraordinary(any(), eq(REFERENCE), any(), any(),
        eq(org.preventcase.casefile.ListingPurpose.REVIEW));
    reviewed(44, "WITHDRAW_SUPPORT");

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Support", "EndEvent_TransferredToPolice")
        .hasNotPassed("CallActivity_Aftercare").isEnded();
    verify(cases).close(any(), eq(REFERENCE), eq(ClosureReason.TRANSFERRED_TO_POLICE), any());
    verify(cases, never()).changeStage(any(), any(), eq(Stage.POST_EXIT_REVIEW), any(), any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_HANDLED));
  }

  @Test
  void newInformationAndARiskEscalationWhileTheCaseWaitsForItsMeetingReachThePoliceAndBringItForward() {
    ProcessInstance theCase = referredToThePanel();
    assertThat(activeActivities()).contains("Event_MeetingOpened");
    processEngine.getRuntimeService().createMessageCorrelation(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE)
        .processInstanceBusinessKey(REFERENCE)
        .setVariablesLocal(withVariables("newReferralId", 12L, "newReferralUrgency", "ROUTINE", "taskPriority", 50))
        .correlateAllWithResult();
    riskEscalated();

    verify(calendar).callExtraordinary(any(), eq(REFERENCE), any(), any(),
        eq(org.preventcase.casefile.ListingPurpose.DECIDE));
    assertThat(activeActivities()).as("both heard, the case still waits for its (now extraordinary) meeting")
        .contains("Event_MeetingOpened", "Task_DeconflictNewInformation");
    completeAndRun("Task_DeconflictNewInformation", withVariables("newInformationDeconflicted", true));
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_NewInformationDeconflicted").isNotEnded();
  }

  @Test
  void anAdoptedCaseWithoutConsentGoesBackToThePanelOnTheReassessmentDateItSet() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("ADOPT");
    completeAndRun("Task_PrepareSupportPlan", supportPlan());
    completeAndRun("Task_RecordConsent", withVariables("consentRecord", "Synthetic.", "consentOutcome", "REFUSED"));
    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Support");
    reassessmentFallsDue();

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Support").isWaitingAt("CallActivity_Panel");
    verify(cases, org.mockito.Mockito.times(2)).changeStage(any(), eq(REFERENCE), eq(Stage.PANEL), any(), any());
    verify(calendar, org.mockito.Mockito.times(2)).listAtNextMeeting(any(), eq(REFERENCE));
  }

  @Test
  void aRenewedConcernAfterTheExitReopensTheCaseAtThePanelAndItsReviewsStartAgainAfterTheNextExit() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("ADOPT");
    supported();
    reviewed(42, "EXIT");
    postExitReviewFallsDue("RENEWED_CONCERN");

    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Panel");
    verify(cases, never()).close(any(), any(), any(), any());
    panelDecides("ADOPT");
    supported();
    reviewed(44, "EXIT");
    BpmnAwareTests.assertThat(theCase).isWaitingAt("CallActivity_Aftercare");
    assertThat(processEngine.getManagementService().createJobQuery().timers().singleResult().getDuedate())
        .as("the reviews count from the second exit").isAfter(Date.from(OPENED.plus(java.time.Duration.ofDays(300))));
  }

  @Test
  void aNewReferralInThePostExitReviewWindowIsDeconflictedByThePoliceAndReopensTheCase() {
    ProcessInstance theCase = referredToThePanel();
    panelDecides("ADOPT");
    supported();
    reviewed(42, "EXIT");
    processEngine.getRuntimeService().createMessageCorrelation(Messages.REFERRAL_DURING_POST_EXIT_REVIEW)
        .processInstanceBusinessKey(REFERENCE).setVariablesLocal(withVariables("newReferralId", 12L,
            "newReferralUrgency", "ROUTINE", "taskPriority", 50)).correlateAllWithResult();
    completeAndRun("Task_DeconflictReferralDuringReview", withVariables("newInformationDeconflicted", true));

    BpmnAwareTests.assertThat(theCase).hasPassed("CallActivity_Aftercare").isWaitingAt("CallActivity_Panel");
  }

  /** Drives a new case to one wait state of the gateway or after it. */
  ProcessInstance waitingAt(String waitState) {
    ProcessInstance theCase = open();
    if (waitState.equals("Task_DeconflictReferral")) {
      return theCase;
    }
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(1, Map.of(ClosureReason.NFA_CLOSED, 1)));
    complete(theCase, "Task_DeconflictReferral", withVariables("deconfliction", "CLEAR"));
    switch (waitState) {
      case "Task_ScreenReferral" -> { }
      case "Task_AssuranceReview" -> complete(theCase, "Task_ScreenReferral", screening("NFA_CLOSED", "nfaReason", "NO_CONCERN"));
      case "Event_LocalReviewDue" -> complete(theCase, "Task_ScreenReferral", screening("LOCAL_BELOW_THRESHOLD"));
      case "Task_ReviewBelowThreshold" -> {
        complete(theCase, "Task_ScreenReferral", screening("LOCAL_BELOW_THRESHOLD"));
        Job review = processEngine.getManagementService().createJobQuery()
            .timers().singleResult();
        ClockUtil.setCurrentTime(review.getDuedate());
        processEngine.getManagementService().executeJob(review.getId());
      }
      case "Task_SelectPartnerAgencies" -> complete(theCase, "Task_ScreenReferral", screening("REFER_TO_PANEL"));
      case "Task_PreliminaryAssessment" -> {
        complete(theCase, "Task_ScreenReferral", screening("REFER_TO_PANEL"));
        gatherInformation(theCase);
      }
      case "Event_MeetingOpened", "Task_DecideCase", "CallActivity_Support", "CallActivity_Aftercare" -> {
        complete(theCase, "Task_ScreenReferral", screening("REFER_TO_PANEL"));
        gatherInformation(theCase);
        complete(theCase, "Task_PreliminaryAssessment", withVariables("preliminaryDecision", "LIST_FOR_PANEL",
            "rationale", "Synthetic."));
        if (waitState.equals("Task_DecideCase")) {
          processEngine.getRuntimeService().createMessageCorrelation(Panel.MEETING_OPENED)
              .processInstanceBusinessKey(REFERENCE).setVariable(Panel.MEETING_ID, 41L).setVariable(Panel.QUORATE, true)
              .correlate();
          runJobs();
          completeAndRun("Task_AssessCase", new HashMap<>(Map.of("assessmentFramework", "PAF", "engagementRating", "LOW",
              "intentRating", "LOW", "capabilityRating", "LOW", "susceptibility", "SUSCEPTIBLE", "ctRiskOwner", "NONE",
              "contributionEducation", "Synthetic.", "assessmentSummary", "Synthetic.")));
        } else if (!waitState.equals("Event_MeetingOpened")) {
          panelDecides("ADOPT");
          if (waitState.equals("CallActivity_Aftercare")) {
            supported();
            reviewed(42, "EXIT");
          }
        }
      }
      case "Task_HandOverToMappa" -> complete(theCase, "Task_ScreenReferral", screening("MAPPA"));
      case "Task_AwaitRelease" -> {
        complete(theCase, "Task_ScreenReferral", screening("MAPPA"));
        reportInCustody();
        complete(theCase, "Task_RecordCustodyHandOff", handOff("HOLD"));
        theCase = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE)
            .singleResult(); // the case's process started again, held
      }
      case "Task_LiaiseWithMappa" -> {
        complete(theCase, "Task_ScreenReferral", screening("MAPPA"));
        complete(theCase, "Task_HandOverToMappa", handedToMappa("4", "3", "NO"));
      }
      case "Task_AnswerInformationRequest", "Task_DecideOnOverdueRequest", "Event_NewDueDateReached" -> {
        complete(theCase, "Task_ScreenReferral", screening("REFER_TO_PANEL"));
        ProcessInstance gathering = InformationGatheringMocks.askOneAgency(processEngine, gatewayOf(theCase));
        if (!waitState.equals("Task_AnswerInformationRequest")) {
          Task request = BpmnAwareTests.task("Task_AnswerInformationRequest", gathering);
          ClockUtil.setCurrentTime(Date.from(request.getDueDate().toInstant().plusSeconds(60)));
          processEngine.getManagementService().createJobQuery().processInstanceId(gathering.getId()).timers().list()
              .forEach(timer -> processEngine.getManagementService().executeJob(timer.getId()));
          runJobs();
        }
        if (waitState.equals("Event_NewDueDateReached")) {
          completeAndRun("Task_DecideOnOverdueRequest", withVariables("overdueDecision", "WAIT_LONGER",
              "newDueDateDay", 8, "newDueDateMonth", 1, "newDueDateYear", 2027));
        }
      }
      default -> throw new IllegalArgumentException(waitState);
    }
    return theCase;
  }

  /** Every wait state of the case, of its gateway and of the gateway's information gathering and panel stage. */
  static List<String> everyWaitState() {
    return List.of("Task_DeconflictReferral", "Task_ScreenReferral", "Task_AssuranceReview", "Event_LocalReviewDue",
        "Task_ReviewBelowThreshold", "Task_SelectPartnerAgencies", "Task_AnswerInformationRequest",
        "Task_DecideOnOverdueRequest", "Event_NewDueDateReached", "Task_PreliminaryAssessment", "Event_MeetingOpened",
        "Task_DecideCase", "CallActivity_Support", "CallActivity_Aftercare", "Task_HandOverToMappa",
        "Task_LiaiseWithMappa", "Task_AwaitRelease");
  }

  @ParameterizedTest
  @MethodSource("everyWaitState")
  void anImmediateRiskReferralAboutThePersonReachesThePoliceAtEveryWaitState(String waitState) {
    ProcessInstance theCase = waitingAt(waitState);
    List<String> waiting = activeActivities();
    assertThat(waiting).contains(waitState);

    processEngine.getRuntimeService().createMessageCorrelation(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE)
        .processInstanceBusinessKey(REFERENCE)
        .setVariablesLocal(withVariables("newReferralId", 12L, "newReferralUrgency", "IMMEDIATE_RISK", "taskPriority", 100))
        .correlateAllWithResult();

    Task deconflict = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_DeconflictNewInformation")
        .singleResult();
    BpmnAwareTests.assertThat(deconflict).hasCandidateGroup("prevent-police-officer");
    assertThat(deconflict.getPriority()).isEqualTo(100);
    verify(notifications, atLeastOnce()).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))
        && sent.caseReference().equals(REFERENCE)));
    assertThat(activeActivities()).as("the case goes on where it was").contains(waitState);

    processEngine.getTaskService().complete(deconflict.getId(), withVariables("newInformationDeconflicted", true));
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_NewInformationDeconflicted").isNotEnded();
    assertThat(activeActivities()).contains(waitState);
  }

  @ParameterizedTest
  @MethodSource("everyWaitState")
  void routineNewInformationAboutThePersonReachesThePoliceAtEveryWaitStateWithoutAnUrgentNotice(String waitState) {
    ProcessInstance theCase = waitingAt(waitState);
    assertThat(activeActivities()).contains(waitState);

    processEngine.getRuntimeService().createMessageCorrelation(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE)
        .processInstanceBusinessKey(REFERENCE)
        .setVariablesLocal(withVariables("newReferralId", 12L, "newReferralUrgency", "ROUTINE", "taskPriority", 50))
        .correlateAllWithResult();

    Task deconflict = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_DeconflictNewInformation")
        .singleResult();
    BpmnAwareTests.assertThat(deconflict).hasCandidateGroup("prevent-police-officer");
    assertThat(deconflict.getPriority()).isEqualTo(50);
    verify(notifications, never()).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL));
    assertThat(activeActivities()).as("the case goes on where it was").contains(waitState);

    processEngine.getTaskService().complete(deconflict.getId(), withVariables("newInformationDeconflicted", true));
    BpmnAwareTests.assertThat(theCase).hasPassed("EndEvent_NewInformationDeconflicted").isNotEnded();
    assertThat(activeActivities()).contains(waitState);
  }

  /** The activities waiting in the case and in its gateway. */
  /** The gateway's information gathering, worked through: one agency asked, its answer given. */
  void gatherInformation(ProcessInstance theCase) {
    ProcessInstance gateway = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(theCase.getId()).singleResult();
    InformationGatheringMocks.gatherFromOneAgency(processEngine, gateway);
  }

  List<String> activeActivities() {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).list()
        .stream().flatMap(instance -> processEngine.getRuntimeService().getActiveActivityIds(instance.getId()).stream())
        .toList();
  }
}
