package org.preventcase.intake;

import org.preventcase.models.FixedAuthority;
import org.preventcase.caseprocess.Messages;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.caseprocess.DeliveryModels;
import org.preventcase.caseprocess.SetCaseOwnerGroup;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.gateway.Gateway;
import org.preventcase.gateway.GatewayMocks;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.preventcase.formcheck.DeployedForms;
import org.preventcase.formcheck.FormSubmissions;
import org.preventcase.casefile.PersonMatch;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The intake, one test per route (process.md §2.1, §2.8), with the real listener and delegates and
 * the case record mocked: new person, repeat after a closed case, open case (message to the case
 * process, police deconfliction task), possible match confirmed or not, post-exit review window
 * (message sent), immediate risk (high priority at once, the police group told). The referrer's
 * acknowledgement goes through the outbox once the referral has its case. Both models are covered in full.
 */
@Deployment(resources = {"processes/intake/referral-intake.bpmn", "processes/case/prevent-case.bpmn",
    "processes/gateway/gateway.bpmn", "processes/gateway/assurance-review.dmn",
    "processes-test/post-exit-review-receiver.bpmn", "forms/referral-intake-start.form",
    "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
    "forms/below-threshold-review.form", "forms/assurance-review.form", "forms/mappa-hand-off.form",
    "forms/referral-possible-match.form", "forms/new-information-deconfliction.form"})
class ReferralIntakeProcessTest {

  static final String AUTHORITY = "E06000031";
  static final String NEW_CASE = "E06000031-2026-00007";
  static final String KNOWN_CASE = "E06000031-2025-00311";
  static final long REFERRAL_ID = 4711L;
  static final Actor REFERRER = new Actor("demo-referrer", Set.of("prevent-referrer"), Set.of(AUTHORITY));

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys(PreventCase.PROCESS_KEY, Gateway.PROCESS_KEY).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  /** Who a step acts for is decided as in the application (acting); users' groups and authorities are stubbed. */
  final Actors actors = mock(Actors.class, org.mockito.Mockito.CALLS_REAL_METHODS);
  final Notifications notifications = mock(Notifications.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    org.mockito.Mockito.doAnswer(call -> new Actor(call.getArgument(0), Set.of("prevent-referrer",
        "prevent-police-officer"), Set.of(AUTHORITY))).when(actors).of(anyString());
    org.mockito.Mockito.doReturn(REFERRER).when(actors).of("demo-referrer");
    when(cases.recordReferral(any(), any(), any(), any())).thenReturn(REFERRAL_ID);
    when(cases.openCaseForReferral(any(), any(), anyLong(), any())).thenReturn(NEW_CASE);
    matches(PersonMatch.Kind.NONE, null, null);
    Mocks.register("recordReferral", new RecordReferral(new ReferralValidator(new FormSubmissions(
        java.util.List.of(new ReferralFormRules(clock)))), new DeployedForms(processEngine.getFormService(),
        processEngine.getRepositoryService(), processEngine.getTaskService()), cases, actors, clock));
    Mocks.register("matchKnownPerson", new MatchKnownPerson(cases, actors));
    Mocks.register("openCase", new OpenCase(cases, actors));
    Mocks.register("openRepeatCase", new OpenRepeatCase(cases, actors));
    Mocks.register("linkReferralToCase", new LinkReferralToCase(cases, actors));
    Mocks.register("startCaseProcess", new StartCaseProcess());
    Mocks.register("nameTaskForCase", new NameTaskForCase());
    Mocks.register("sendNewInformationToOpenCase", new CaseMessage(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE));
    Mocks.register("sendReferralDuringPostExitReview", new CaseMessage(Messages.REFERRAL_DURING_POST_EXIT_REVIEW));
    Mocks.register("acknowledgeReferral", new AcknowledgeReferral(cases, notifications, actors));
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(0, Map.of()));
    GatewayMocks.register(cases, actors, notifications);
    Mocks.register("setCaseOwnerGroup", new SetCaseOwnerGroup(new DeliveryModels(Map.of())));
    when(cases.referrerAddress(any(), any(), anyLong())).thenReturn("dsl@school.example");
    signIn("demo-referrer");
    FixedAuthority.use(processEngine, AUTHORITY);
  }

  @AfterEach
  void reset() {
    processEngine.getIdentityService().clearAuthentication();
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
  }

  /**
   * The user the engine acts for, with their groups, working for the authority (queries check tenants, as in the
   * application, which signs a user in to the engine with all their memberships).
   */
  void signIn(String user) {
    processEngine.getIdentityService().setAuthentication(user, java.util.List.copyOf(actors.of(user).groups()),
        java.util.List.of(AUTHORITY));
  }

  void matches(PersonMatch.Kind kind, String reference, String otherAuthority) {
    when(cases.matchPerson(any(), any(), anyLong())).thenReturn(new PersonMatch(kind, reference, otherAuthority));
  }

  ProcessInstance refer(Map<String, Object> referral) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(ReferralIntake.PROCESS_KEY, referral);
  }

  /** The job executor runs the step after an asynchronous boundary: no one is signed in. */
  void jobExecutorRuns(ProcessInstance instance) {
    processEngine.getIdentityService().clearAuthentication();
    execute(job(instance));
  }

  ProcessInstance caseProcess(String reference) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }

  /** The open case of the known person, waiting in its process. */
  ProcessInstance knownCaseIsOpen() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(PreventCase.PROCESS_KEY, KNOWN_CASE,
        withVariables("caseRef", KNOWN_CASE, "concernType", "ISLAMIST", "urgency", "ROUTINE", "taskPriority", 50));
  }

  @Test
  void aNewPersonsReferralOpensACaseWhoseProcessWaitsForPoliceScreeningWithTheCaseFactsOnly() {
    ProcessInstance intake = refer(ReferralExamples.valid("N"));

    assertThat(intake).hasPassedInOrder("StartEvent_ReferralSubmitted", "Task_MatchKnownPerson",
        "Gateway_IsPersonKnown", "Gateway_NewCaseNeeded", "Task_OpenCase", "Gateway_CaseOpened",
        "Task_StartCaseProcess", "EndEvent_CaseOpened").isEnded();
    verify(cases).recordReferral(eq(REFERRER), eq(AUTHORITY), argThat(person -> person.familyName().equals("ThackerayN")
        && person.aliases().size() == 2), argThat(referral -> referral.concern().startsWith("Shared a post N")
        && "FORM".equals(referral.submittedThrough()) && referral.details().containsKey("concernOnlineActivity")));
    verify(cases).openCaseForReferral(REFERRER, AUTHORITY, REFERRAL_ID, null);
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_ACKNOWLEDGEMENT
        && sent.caseReference().equals("R-" + REFERRAL_ID)
        && sent.recipient().equals(new Recipient.Referrer("dsl@school.example"))
        && sent.facts().equals(MessageFacts.NONE)));
    verify(notifications, never()).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL));
    ProcessInstance theCase = caseProcess(NEW_CASE);
    assertThat(theCase).isWaitingAt("CallActivity_Gateway").variables().containsOnly(
        Assertions.entry("caseRef", NEW_CASE), Assertions.entry("concernType", "EXTREME_RIGHT_WING"),
        Assertions.entry("urgency", "ROUTINE"), Assertions.entry("referrerSector", "EDUCATION"),
        Assertions.entry("ageBand", "AGED_11_TO_15"), Assertions.entry("taskPriority", 50),
        Assertions.entry("concernTypeLabel", "Extreme Right-Wing"), Assertions.entry("urgencyLabel", "Routine"),
        Assertions.entry("referrerSectorLabel", "Education: schools, colleges, early years"),
        Assertions.entry("ageBandLabel", "11 to 15"),
        Assertions.entry("authorityCode", AUTHORITY), Assertions.entry("caseOwnerGroup", "prevent-police-officer"));
    Task first = screeningTask(NEW_CASE);
    assertThat(first).hasCandidateGroup("prevent-police-officer").hasName("Deconflict the referral: " + NEW_CASE);
    Assertions.assertThat(first.getPriority()).isEqualTo(50);
  }

  /** The case's first police task: the deconfliction in its gateway. */
  Task screeningTask(String reference) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DeconflictReferral").singleResult();
  }

  @Test
  void aPersonWhoseCaseClosedEarlierGetsARepeatCaseCarryingTheHistory() {
    matches(PersonMatch.Kind.CLOSED_CASE, KNOWN_CASE, null);

    ProcessInstance intake = refer(ReferralExamples.valid("R"));

    assertThat(intake).hasPassed("Task_OpenRepeatCase", "Task_StartCaseProcess").hasNotPassed("Task_OpenCase")
        .isEnded();
    verify(cases).openCaseForReferral(REFERRER, AUTHORITY, REFERRAL_ID, KNOWN_CASE);
    assertThat(caseProcess(NEW_CASE)).isWaitingAt("CallActivity_Gateway").variables()
        .containsEntry("previousCaseRef", KNOWN_CASE);
  }

  @Test
  void aPersonWithAnOpenCaseIsLinkedToItAndThePoliceDeconflictTheNewInformation() {
    ProcessInstance knownCase = knownCaseIsOpen();
    matches(PersonMatch.Kind.OPEN_CASE, KNOWN_CASE, null);
    Map<String, Object> urgent = new HashMap<>(ReferralExamples.valid("L"));
    urgent.put("urgency", "IMMEDIATE_RISK");
    urgent.put("called999At", "2026-11-23T11:30Z");

    ProcessInstance intake = refer(urgent);
    assertThat(intake).isWaitingAt("Event_NewInformationSent");
    jobExecutorRuns(intake);

    assertThat(intake).hasPassedInOrder("Gateway_IsPersonKnown", "Gateway_LinkToOpenCase",
        "Task_LinkReferralToOpenCase", "Event_NewInformationSent", "EndEvent_LinkedToOpenCase").isEnded();
    Assertions.assertThat(intake.getBusinessKey()).isEqualTo(KNOWN_CASE);
    verify(cases).linkReferral(REFERRER, AUTHORITY, REFERRAL_ID, KNOWN_CASE);
    verify(cases, never()).openCaseForReferral(any(), any(), anyLong(), any());
    Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PreventCase.PROCESS_KEY).count()).as("no second case").isEqualTo(1);

    Task deconflict = processEngine.getTaskService().createTaskQuery().processInstanceId(knownCase.getId())
        .taskDefinitionKey("Task_DeconflictNewInformation").singleResult();
    assertThat(deconflict).hasCandidateGroup("prevent-police-officer");
    Assertions.assertThat(deconflict.getPriority()).as("an immediate risk is high priority at once").isEqualTo(100);
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL
        && sent.caseReference().equals(KNOWN_CASE) && sent.eventId().equals(deconflict.getId())));
    Assertions.assertThat(processEngine.getTaskService().getVariables(deconflict.getId()))
        .containsEntry("newReferralId", REFERRAL_ID).containsEntry("newReferralUrgency", "IMMEDIATE_RISK")
        .containsEntry("caseRef", KNOWN_CASE);
    assertThat(knownCase).isWaitingAt("CallActivity_Gateway", "Task_DeconflictNewInformation");

    complete(deconflict, withVariables("newInformationDeconflicted", true));
    assertThat(knownCase).isWaitingAt("CallActivity_Gateway");
  }

  @Test
  void aPossibleMatchIsConfirmedByTheScreenerNeverMergedAutomatically() {
    knownCaseIsOpen();
    matches(PersonMatch.Kind.CANDIDATE, KNOWN_CASE, null);

    ProcessInstance intake = refer(ReferralExamples.valid("C"));

    assertThat(intake).isWaitingAt("Task_ConfirmPossibleMatch").variables().containsOnly(
        Assertions.entry("referralId", REFERRAL_ID), Assertions.entry("concernType", "EXTREME_RIGHT_WING"),
        Assertions.entry("urgency", "ROUTINE"), Assertions.entry("referrerSector", "EDUCATION"),
        Assertions.entry("ageBand", "AGED_11_TO_15"), Assertions.entry("taskPriority", 50),
        Assertions.entry("concernTypeLabel", "Extreme Right-Wing"), Assertions.entry("urgencyLabel", "Routine"),
        Assertions.entry("referrerSectorLabel", "Education: schools, colleges, early years"),
        Assertions.entry("ageBandLabel", "11 to 15"),
        Assertions.entry("personMatch", "CANDIDATE"), Assertions.entry("matchedCaseRef", KNOWN_CASE),
        Assertions.entry("otherAuthority", null));
    assertThat(task()).hasCandidateGroup("prevent-police-officer")
        .hasName("Confirm a possible match: referral " + REFERRAL_ID);
    verify(cases, never()).linkReferral(any(), any(), anyLong(), any());
    // acknowledged at once, with the referral's reference: the referrer cannot tell a match from a new person
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.REFERRAL_ACKNOWLEDGEMENT
        && sent.caseReference().equals("R-" + REFERRAL_ID)));

    signIn("demo-police");
    complete(task(), withVariables("matchDecision", "SAME_PERSON"));
    jobExecutorRuns(intake);

    assertThat(intake).hasPassed("Gateway_IsSamePerson", "Task_LinkReferralToOpenCase").isEnded();
    verify(cases).linkReferral(argThat(actor -> actor.userId().equals("demo-police")), eq(AUTHORITY), eq(REFERRAL_ID),
        eq(KNOWN_CASE));
  }

  @Test
  void aPossibleMatchTheScreenerRejectsOpensANewCase() {
    matches(PersonMatch.Kind.CANDIDATE, KNOWN_CASE, null);
    ProcessInstance intake = refer(ReferralExamples.valid("D"));

    complete(task(intake), withVariables("matchDecision", "DIFFERENT_PERSON"));

    assertThat(intake).hasPassed("Gateway_IsSamePerson", "Gateway_NewCaseNeeded", "Task_OpenCase",
        "Task_StartCaseProcess").hasNotPassed("Task_LinkReferralToOpenCase").isEnded();
    assertThat(caseProcess(NEW_CASE)).isWaitingAt("CallActivity_Gateway");
  }

  @Test
  void aReferralInThePostExitReviewWindowIsSentToThatCaseAsAMessage() {
    matches(PersonMatch.Kind.POST_EXIT_REVIEW, KNOWN_CASE, null);

    ProcessInstance intake = refer(ReferralExamples.valid("P"));
    jobExecutorRuns(intake);

    assertThat(intake).hasPassedInOrder("Task_LinkReferralToReviewedCase", "Event_ReferralSentToReviewedCase",
        "EndEvent_SentToReviewedCase").isEnded();
    verify(cases).linkReferral(REFERRER, AUTHORITY, REFERRAL_ID, KNOWN_CASE);
    Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("test-post-exit-review-receiver").processInstanceBusinessKey(KNOWN_CASE).count())
        .as("the after-care stage's stand-in received ReferralDuringPostExitReview for the case").isEqualTo(1);
  }

  @Test
  void anImmediateRiskMakesTheFirstPoliceTaskHighPriorityAtOnceAndNamesAnotherAuthorityHoldingACase() {
    matches(PersonMatch.Kind.NONE, null, "Luton Borough Council");
    Map<String, Object> urgent = new HashMap<>(ReferralExamples.valid("U"));
    urgent.put("urgency", "IMMEDIATE_RISK");
    urgent.put("called999At", "2026-11-23T11:30Z");

    refer(urgent);

    ProcessInstance theCase = caseProcess(NEW_CASE);
    assertThat(theCase).isWaitingAt("CallActivity_Gateway").variables().containsEntry("taskPriority", 100)
        .containsEntry("otherAuthority", "Luton Borough Council");
    Assertions.assertThat(screeningTask(NEW_CASE).getPriority()).isEqualTo(100);
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL
        && sent.caseReference().equals(NEW_CASE) && sent.eventId().equals(screeningTask(NEW_CASE).getId())
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))
        && ("Deconflict the referral: " + NEW_CASE).equals(sent.facts().taskName())));
  }

  @Test
  void aReferralMissingRequiredFieldsIsRefusedAndStartsNothing() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("M"));
    referral.remove("personGivenNames");
    referral.remove("concernDescription");

    Assertions.assertThatThrownBy(() -> refer(referral)).isInstanceOf(ReferralRefusedException.class)
        .hasMessageContaining("Enter the person's given names").hasMessageContaining("Describe your concerns");
    verify(cases, never()).recordReferral(any(), any(), any(), any());
    Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }
}
