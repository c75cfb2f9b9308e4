package org.preventcase.information;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.InformationAnswer;
import org.preventcase.casefile.NewEntry;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.InformationHeld;
import org.preventcase.vocabulary.PartnerAgency;

/**
 * Information gathering (process.md §2.3): one request per partner agency, in parallel, each with its
 * due date in working days, a reminder before it and an escalation after it; an agency that does not
 * answer in time does not hold the case up. The steps are the real beans over a mocked case record
 * and outbox.
 */
@Deployment(resources = {"processes/gateway/information-gathering.bpmn", "forms/information-agencies.form",
    "forms/information-request.form", "forms/information-overdue.form"})
class InformationGatheringProcessTest {

  static final String CASE = "E06000031-2026-00042";
  static final String COORDINATORS = "prevent-channel-coordinator";
  /** Monday 14 December 2026, 09:00 London (GMT). */
  static final Instant ASKED = Instant.parse("2026-12-14T09:00:00Z");
  /** 8 working days later: Thursday 24 December, 17:00. */
  static final Date REMINDER = Date.from(Instant.parse("2026-12-24T17:00:00Z"));
  /** 10 working days later, across Christmas Day and the Boxing Day substitute (28 December): Wednesday 30 December, 17:00. */
  static final Date DUE = Date.from(Instant.parse("2026-12-30T17:00:00Z"));

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Notifications notifications = mock(Notifications.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ASKED));
    when(cases.askForInformation(any(), anyString(), any(), anyString(), any())).thenReturn(7L);
    when(cases.withdrawInformationRequest(any(), anyString(), any(), any())).thenReturn(true);
    InformationGatheringMocks.register(processEngine, cases, notifications);
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance gatherInformation() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(InformationGathering.PROCESS_KEY, CASE,
        withVariables(InformationGathering.CASE_OWNER_GROUP, COORDINATORS));
  }

  /** The case owner asks these agencies; the completion is committed, then the requests open. */
  void ask(ProcessInstance gathering, String agenciesJson) {
    Task select = task(gathering, "Task_SelectPartnerAgencies");
    processEngine.getFormService().submitTaskForm(select.getId(), withVariables(
        InformationGathering.AGENCIES_TO_ASK, SpinValues.jsonValue(agenciesJson).create(),
        InformationGathering.INFORMATION_ASKED, "Is the person known to you? Any concerns about isolation?"));
    runDueJobs();
  }

  Task requestTo(ProcessInstance gathering, PartnerAgency agency) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(gathering.getId())
        .taskDefinitionKey(InformationGathering.REQUEST_TASK).taskCandidateGroup(agency.groupId()).singleResult();
  }

  Task task(ProcessInstance gathering, String definitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(gathering.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }

  void answer(Task request, String held, Object factors, String shared) {
    Map<String, Object> answer = new java.util.HashMap<>(Map.of(InformationGathering.AGENCY_HOLDS, held));
    if (factors != null) {
      answer.put(InformationGathering.INFORMATION_FACTORS, factors);
    }
    if (shared != null) {
      answer.put(InformationGathering.INFORMATION_SHARED, shared);
    }
    processEngine.getFormService().submitTaskForm(request.getId(), answer);
    runDueJobs();
  }

  void decide(ProcessInstance gathering, Map<String, Object> decision) {
    processEngine.getFormService().submitTaskForm(task(gathering, "Task_DecideOnOverdueRequest").getId(), decision);
    runDueJobs();
  }

  void moveClockTo(Date when) {
    ClockUtil.setCurrentTime(Date.from(when.toInstant().plusSeconds(60)));
    runDueJobs();
  }

  /** Every job due on the engine's clock, as the job executor would run them (no one signed in). */
  void runDueJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = processEngine.getManagementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep being created");
  }

  List<Notification> sent(MessageType type) {
    ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
    verify(notifications, org.mockito.Mockito.atLeast(0)).send(sent.capture());
    return sent.getAllValues().stream().filter(notification -> notification.type() == type).toList();
  }

  static Recipient group(String groupId) {
    return new Recipient.GroupMembers(groupId);
  }

  @Test
  void everyAgencyAskedGetsItsOwnRequestInParallelAndTheGatheringEndsWhenAllHaveAnswered() {
    ProcessInstance gathering = gatherInformation();
    assertThat(gathering).isWaitingAt("Task_SelectPartnerAgencies");
    assertThat(task(gathering, "Task_SelectPartnerAgencies")).hasCandidateGroup(COORDINATORS)
        .hasName("Select the agencies to ask: " + CASE);

    ask(gathering, "[\"EDUCATION\", \"HEALTH\"]");

    verify(cases).askForInformation(any(), eq(CASE), eq(List.of(PartnerAgency.EDUCATION, PartnerAgency.HEALTH)),
        eq("Is the person known to you? Any concerns about isolation?"), any());
    org.assertj.core.api.Assertions.assertThat(processEngine.getRuntimeService().getVariables(gathering.getId()))
        .as("what is asked is in the case record, not the engine")
        .containsOnlyKeys(InformationGathering.CASE_OWNER_GROUP, "caseRef", InformationGathering.AGENCIES_TO_ASK,
            InformationGathering.ASKED_ENTRY_ID);
    Task education = requestTo(gathering, PartnerAgency.EDUCATION);
    Task health = requestTo(gathering, PartnerAgency.HEALTH);
    assertThat(education).hasDueDate(DUE).hasName("Answer the information request: " + CASE);
    assertThat(health).hasDueDate(DUE);
    org.assertj.core.api.Assertions.assertThat(processEngine.getTaskService().getVariables(education.getId()))
        .containsEntry(InformationGathering.AGENCY, "EDUCATION").containsEntry(InformationGathering.AGENCY_LABEL, "Education")
        .containsEntry(InformationGathering.DUE_LABEL, "30 December 2026").containsEntry(InformationGathering.DUE_AT, DUE)
        .containsEntry(InformationGathering.REMINDER_AT, REMINDER).doesNotContainKey(InformationGathering.INFORMATION_ASKED);
    verify(cases).openInformationRequest(any(), eq(CASE), eq(PartnerAgency.EDUCATION), eq(7L), eq(DUE.toInstant()), any());
    verify(cases).openInformationRequest(any(), eq(CASE), eq(PartnerAgency.HEALTH), eq(7L), eq(DUE.toInstant()), any());
    org.assertj.core.api.Assertions.assertThat(sent(MessageType.INFORMATION_REQUEST))
        .extracting(Notification::recipient, notification -> notification.facts().dueDate())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(group("partner-education"), java.time.LocalDate.of(2026, 12, 30)),
            org.assertj.core.groups.Tuple.tuple(group("partner-health"), java.time.LocalDate.of(2026, 12, 30)));

    answer(education, "RELEVANT", SpinValues.jsonValue("[\"ISOLATION_OR_EXCLUSION\", \"MENTAL_HEALTH\"]").create(),
        "Attends Year 10; withdrawn since the summer.");
    assertThat(gathering).isWaitingAt("SubProcess_RequestInformation");
    answer(health, "NOT_KNOWN", null, null);

    verify(cases).answerInformationRequest(any(), eq(CASE), eq(PartnerAgency.EDUCATION), eq(new InformationAnswer(
        InformationHeld.RELEVANT, List.of(InformationFactor.ISOLATION_OR_EXCLUSION, InformationFactor.MENTAL_HEALTH),
        "Attends Year 10; withdrawn since the summer.")));
    verify(cases).answerInformationRequest(any(), eq(CASE), eq(PartnerAgency.HEALTH),
        eq(new InformationAnswer(InformationHeld.NOT_KNOWN, List.of(), null)));
    assertThat(gathering).hasPassed("EndEvent_AgencyAnswered", "EndEvent_InformationGathered")
        .hasNotPassed("Task_EscalateOverdueRequest", "Task_RemindAgency").isEnded();
  }

  @Test
  void anAgencySilentPastItsDueDateIsRemindedThenEscalatedAcrossChristmasAndTheCaseOwnerGoesOnWithoutIt() {
    ProcessInstance gathering = gatherInformation();
    ask(gathering, "[\"EDUCATION\", \"HEALTH\"]");
    answer(requestTo(gathering, PartnerAgency.HEALTH), "NOTHING_RELEVANT", null, null);

    moveClockTo(REMINDER);
    org.assertj.core.api.Assertions.assertThat(sent(MessageType.INFORMATION_REQUEST_REMINDER))
        .singleElement().satisfies(reminder -> {
          org.assertj.core.api.Assertions.assertThat(reminder.recipient()).isEqualTo(group("partner-education"));
          org.assertj.core.api.Assertions.assertThat(reminder.facts().dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 30));
        });
    verify(cases, never()).addEntry(any(), anyString(), any(), any());

    moveClockTo(DUE);
    ArgumentCaptor<NewEntry> overdue = ArgumentCaptor.forClass(NewEntry.class);
    verify(cases).addEntry(any(), eq(CASE), overdue.capture(), any());
    org.assertj.core.api.Assertions.assertThat(overdue.getValue().kind()).isEqualTo(EntryKind.NOTE);
    org.assertj.core.api.Assertions.assertThat(overdue.getValue().summary()).isEqualTo("Information request overdue: Education");
    org.assertj.core.api.Assertions.assertThat(sent(MessageType.TASK_ESCALATION)).extracting(Notification::recipient)
        .containsExactlyInAnyOrder(group(COORDINATORS), group("prevent-manager"));
    assertThat(task(gathering, "Task_DecideOnOverdueRequest")).hasCandidateGroup(COORDINATORS);
    org.assertj.core.api.Assertions.assertThat(requestTo(gathering, PartnerAgency.EDUCATION))
        .as("the agency may still answer while the case owner decides").isNotNull();

    decide(gathering, withVariables(InformationGathering.OVERDUE_DECISION, "PROCEED_WITHOUT"));

    verify(cases).withdrawInformationRequest(any(), eq(CASE), eq(PartnerAgency.EDUCATION), any());
    org.assertj.core.api.Assertions.assertThat(sent(MessageType.INFORMATION_REQUEST_WITHDRAWN))
        .extracting(Notification::recipient).containsExactly(group("partner-education"));
    org.assertj.core.api.Assertions.assertThat(requestTo(gathering, PartnerAgency.EDUCATION)).as("its task withdrawn").isNull();
    assertThat(gathering).hasPassed("Task_RemindAgency", "EndEvent_AgencyReminded", "Task_EscalateOverdueRequest",
        "Task_WithdrawRequest", "EndEvent_WentOnWithoutAgency", "EndEvent_InformationGathered").isEnded();
  }

  @Test
  void theCaseOwnerWaitsLongerAndTheAgencyAnswersByTheNewDueDate() {
    ProcessInstance gathering = gatherInformation();
    ask(gathering, "[\"PROBATION\"]");
    moveClockTo(DUE);

    decide(gathering, withVariables(InformationGathering.OVERDUE_DECISION, "WAIT_LONGER",
        NewDueDate.DAY, 8, NewDueDate.MONTH, 1, NewDueDate.YEAR, 2027));

    Date newDue = Date.from(Instant.parse("2027-01-08T17:00:00Z"));
    Task probation = requestTo(gathering, PartnerAgency.PROBATION);
    assertThat(probation).hasDueDate(newDue);
    verify(cases).extendInformationRequest(any(), eq(CASE), eq(PartnerAgency.PROBATION), eq(newDue.toInstant()), any());
    ArgumentCaptor<NewEntry> decision = ArgumentCaptor.forClass(NewEntry.class);
    verify(cases, times(2)).addEntry(any(), eq(CASE), decision.capture(), any());
    org.assertj.core.api.Assertions.assertThat(decision.getAllValues()).extracting(NewEntry::kind, NewEntry::summary)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.NOTE, "Information request overdue: Probation"),
            org.assertj.core.groups.Tuple.tuple(EntryKind.DECISION, "Wait for Probation until 8 January 2027"));
    org.assertj.core.api.Assertions.assertThat(sent(MessageType.INFORMATION_REQUEST))
        .extracting(notification -> notification.facts().dueDate())
        .containsExactly(java.time.LocalDate.of(2026, 12, 30), java.time.LocalDate.of(2027, 1, 8));
    org.assertj.core.api.Assertions.assertThat(processEngine.getRuntimeService().getVariables(gathering.getId()))
        .as("the decision's fields left the engine").doesNotContainKeys(InformationGathering.OVERDUE_DECISION,
            NewDueDate.DAY, NewDueDate.MONTH, NewDueDate.YEAR, InformationGathering.WAIT_FOR_AGENCY);
    assertThat(gathering).isWaitingAt("Task_AnswerInformationRequest", "Event_NewDueDateReached");

    answer(probation, "NOT_KNOWN", null, null);

    assertThat(gathering).hasPassed("Task_ExtendRequest", "EndEvent_AgencyAnswered").hasNotPassed("Task_WithdrawRequest")
        .isEnded();
  }

  @Test
  void anAgencyStillSilentAtTheNewDueDateIsEscalatedAgainAndTheCaseOwnerDecidesAgain() {
    ProcessInstance gathering = gatherInformation();
    ask(gathering, "[\"HOUSING\"]");
    moveClockTo(DUE);
    decide(gathering, withVariables(InformationGathering.OVERDUE_DECISION, "WAIT_LONGER",
        NewDueDate.DAY, 8, NewDueDate.MONTH, 1, NewDueDate.YEAR, 2027));

    moveClockTo(Date.from(Instant.parse("2027-01-08T17:00:00Z")));

    org.assertj.core.api.Assertions.assertThat(sent(MessageType.TASK_ESCALATION))
        .extracting(notification -> notification.facts().dueDate()).containsExactly(
            java.time.LocalDate.of(2026, 12, 30), java.time.LocalDate.of(2026, 12, 30),
            java.time.LocalDate.of(2027, 1, 8), java.time.LocalDate.of(2027, 1, 8));
    assertThat(gathering).hasPassed("Event_NewDueDateReached").isWaitingAt("Task_AnswerInformationRequest",
        "Task_DecideOnOverdueRequest");
    decide(gathering, withVariables(InformationGathering.OVERDUE_DECISION, "PROCEED_WITHOUT"));
    assertThat(gathering).hasPassed("EndEvent_WentOnWithoutAgency").isEnded();
  }

  @Test
  void anAnswerArrivingWhileTheCaseOwnerDecidesEndsTheDecision() {
    ProcessInstance gathering = gatherInformation();
    ask(gathering, "[\"YOUTH_JUSTICE\"]");
    moveClockTo(DUE);
    assertThat(gathering).isWaitingAt("Task_AnswerInformationRequest", "Task_DecideOnOverdueRequest");

    answer(requestTo(gathering, PartnerAgency.YOUTH_JUSTICE), "NOTHING_RELEVANT", null, null);

    org.assertj.core.api.Assertions.assertThat(task(gathering, "Task_DecideOnOverdueRequest")).isNull();
    verify(cases, never()).withdrawInformationRequest(any(), anyString(), any(), any());
    assertThat(gathering).isEnded();
  }

  @Test
  void aNewDueDateThatIsNotAfterTodayIsRefusedWithTheFieldNamed() {
    ProcessInstance gathering = gatherInformation();
    ask(gathering, "[\"HEALTH\"]");
    moveClockTo(DUE);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> decide(gathering, withVariables(
            InformationGathering.OVERDUE_DECISION, "WAIT_LONGER", NewDueDate.DAY, 30, NewDueDate.MONTH, 12,
            NewDueDate.YEAR, 2026)))
        .hasMessageContaining("The new due date must be after today");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> decide(gathering, withVariables(
            InformationGathering.OVERDUE_DECISION, "WAIT_LONGER", NewDueDate.DAY, 31, NewDueDate.MONTH, 2,
            NewDueDate.YEAR, 2027)))
        .hasMessageContaining("The new due date must be a real date");
    assertThat(gathering).isWaitingAt("Task_AnswerInformationRequest", "Task_DecideOnOverdueRequest");
    verify(cases, never()).extendInformationRequest(any(), anyString(), any(), any(), any());
  }

  @Test
  void anAgencyNotOnTheListIsRefusedAndNothingIsAsked() {
    ProcessInstance gathering = gatherInformation();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ask(gathering, "[\"MI5\"]"))
        .hasMessageContaining("'agenciesToAsk' is not one of its options");
    verify(cases, never()).askForInformation(any(), anyString(), any(), anyString(), any());
    verify(cases, never()).openInformationRequest(any(), anyString(), any(), anyLong(), any(), any());
    assertThat(gathering).isWaitingAt("Task_SelectPartnerAgencies");
  }
}
