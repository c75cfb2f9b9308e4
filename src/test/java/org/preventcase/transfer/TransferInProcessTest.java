package org.preventcase.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.caseprocess.DeliveryModels;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseTransfer;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.Stage;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.engine.EngineClock;
import org.preventcase.gateway.GatewayMocks;
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
import org.springframework.core.io.ClassPathResource;

/**
 * A case moving between two authorities served here (issue 12, docs/transfers.md): the sending case
 * goes on where it is until the receiving authority accepts within its 15 working days (reminded,
 * then escalated when overdue); acceptance closes the sending case as transferred and lists the
 * receiving authority's own case at its next panel meeting.
 */
@Deployment(resources = {"processes/transfer/transfer-in.bpmn", "forms/transfer-acceptance.form",
    "processes/case/prevent-case.bpmn", "processes/gateway/gateway.bpmn", "processes/gateway/information-gathering.bpmn",
    "processes/gateway/assurance-review.dmn", "processes/panel/panel-case.bpmn", "processes/panel/panel-recommendation.dmn",
    "forms/mappa-hand-off.form", "forms/mappa-liaison.form", "forms/new-information-deconfliction.form",
    "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
    "forms/below-threshold-review.form", "forms/assurance-review.form", "forms/information-agencies.form",
    "forms/information-request.form", "forms/information-overdue.form", "forms/panel-assessment.form",
    "forms/panel-decision.form", "forms/panel-review.form"})
class TransferInProcessTest {

  static final String SENDING = "E06000031-2026-00040";
  static final String RECEIVING = "E06000032-2026-00007";
  static final Instant REQUESTED = Instant.parse("2026-11-23T09:00:00Z"); // a Monday

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys(PreventCase.PROCESS_KEY, Panel.CASE_PROCESS,
          "gateway", "information-gathering").build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final Notifications notifications = mock(Notifications.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);
  final ServedAuthorities served = mock(ServedAuthorities.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(REQUESTED));
    FixedAuthority.use(processEngine, "E06000031");
    when(actors.acting(any())).thenAnswer(call -> Actor.system(
        call.<org.camunda.bpm.engine.delegate.DelegateExecution>getArgument(0).getTenantId()));
    when(served.nameOf("E06000031")).thenReturn("Peterborough City Council");
    when(served.nameOf("E06000032")).thenReturn("Luton Borough Council");
    when(cases.openTransferredCase(any(), eq(SENDING), any())).thenReturn(RECEIVING);
    when(calendar.listAtNextMeeting(any(), eq(RECEIVING))).thenReturn(new Meeting(52, "E06000032",
        List.of("E06000032"), Meeting.Kind.ROUTINE, Instant.parse("2026-12-16T10:00:00Z"),
        Instant.parse("2026-12-09T10:00:00Z"), 8, Meeting.Status.SCHEDULED));
    GatewayMocks.register(cases, actors, notifications);
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), notifications,
        mock(org.preventcase.authority.AuthorityDirectory.class));
    EngineClock clock = new EngineClock();
    Deadlines deadlines = new Deadlines(new DeadlinesProperties(
        new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv"), null, null,
        Map.of(Transfers.ACCEPTANCE, "15WD", Transfers.ACCEPTANCE_REMINDER, "10WD")), clock);
    Mocks.register("setTransferAcceptanceDeadline", deadlines.listener(Transfers.ACCEPTANCE));
    Mocks.register("setTransferAcceptanceReminderDeadline", deadlines.listener(Transfers.ACCEPTANCE_REMINDER));
    Mocks.register("offerTransfer", new OfferTransfer(cases, actors, served, new DeliveryModels(Map.of())));
    Mocks.register("recordTransferAcceptance", new RecordTransferAcceptance(cases, actors));
    Mocks.register("remindOfDueTransferAcceptance", new TransferAcceptanceDue(cases, notifications, actors, false));
    Mocks.register("escalateOverdueTransferAcceptance", new TransferAcceptanceDue(cases, notifications, actors, true));
    Mocks.register("completeTransfer", new CompleteTransfer());
    Mocks.register("setCaseOwnerGroup", new org.preventcase.caseprocess.SetCaseOwnerGroup(new DeliveryModels(Map.of())));
    Mocks.register("moveCaseToPanel", new org.preventcase.caseprocess.MoveCaseToStage(cases, actors, Stage.PANEL));
    Mocks.register("closeCaseTransferredToAnotherArea", new org.preventcase.caseprocess.CloseCase(cases, actors,
        ClosureReason.TRANSFERRED_TO_ANOTHER_AREA));
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The sending authority's case, liaising with MAPPA, asked to move to Luton. */
  ProcessInstance sendingCaseAskedToMove() {
    ProcessInstance sending = processEngine.getRuntimeService().createProcessInstanceByKey(PreventCase.PROCESS_KEY)
        .businessKey(SENDING).startBeforeActivity("Task_LiaiseWithMappa")
        .setVariables(Map.of("caseRef", SENDING, "concernType", "ISLAMIST", "concernTypeLabel", "Islamist",
            "urgency", "ROUTINE", "urgencyLabel", "Routine", "ageBand", "ADULT", "ageBandLabel", "18 and over",
            "taskPriority", 50, "caseOwnerGroup", "prevent-police-officer"))
        .execute(true, true);
    processEngine.getRuntimeService().createMessageCorrelation(Transfers.TRANSFER_REQUESTED)
        .processInstanceBusinessKey(SENDING).setVariablesLocal(Map.of("receivingAuthorityCode", "E06000032",
            "transferReason", "MOVED_HOME")).setVariable("transferRoute", "SERVED").correlate();
    runJobs();
    return sending;
  }

  void runJobs() {
    for (Job job : processEngine.getManagementService().createJobQuery().executable().messages().list()) {
      processEngine.getManagementService().executeJob(job.getId());
    }
  }

  ProcessInstance transferIn() {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Transfers.PROCESS_KEY)
        .singleResult();
  }

  @Test
  void aTransferAcceptedInTimeClosesTheSendingCaseAsTransferredAndListsTheReceivingCaseAtItsNextPanel() {
    ProcessInstance sending = sendingCaseAskedToMove();

    verify(cases).openTransferredCase(any(), eq(SENDING), eq(new CaseTransfer("E06000032", "Luton Borough Council",
        "The person has moved to the receiving authority's area", List.of())));
    ProcessInstance transferIn = transferIn();
    assertThat(transferIn.getBusinessKey()).isEqualTo(RECEIVING);
    assertThat(transferIn.getTenantId()).isEqualTo("E06000032");
    Task accept = BpmnAwareTests.task("Task_AcceptTransfer", transferIn);
    BpmnAwareTests.assertThat(accept).hasCandidateGroup("prevent-police-officer");
    assertThat(accept.getDueDate()).as("15 working days").isEqualTo(Date.from(Instant.parse("2026-12-14T17:00:00Z")));
    assertThat(processEngine.getRuntimeService().getVariables(transferIn.getId())).containsEntry("sendingCaseRef",
        SENDING).containsEntry("sendingAuthorityCode", "E06000031").doesNotContainKeys("givenNames", "receivingAuthorityCode");
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(sending.getId()))
        .as("the sending authority keeps responsibility: its work goes on").contains("Task_LiaiseWithMappa",
            "Event_TransferAccepted");

    processEngine.getTaskService().complete(accept.getId(), Map.of("transferAccepted", true,
        "transferAcceptanceNote", "Synthetic: accepted at the Luton coordination meeting."));
    verify(cases).addEntry(any(), eq(RECEIVING), argThat(entry -> entry.summary().equals(
        "Transfer accepted from Peterborough City Council")), any());
    runJobs();

    BpmnAwareTests.assertThat(sending).hasPassed("EndEvent_TransferredToAnotherArea").isEnded();
    verify(cases).close(any(), eq(SENDING), eq(ClosureReason.TRANSFERRED_TO_ANOTHER_AREA), any());
    BpmnAwareTests.assertThat(transferIn).hasPassed("EndEvent_TransferAccepted").isEnded();
    ProcessInstance receiving = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PreventCase.PROCESS_KEY).processInstanceBusinessKey(RECEIVING).singleResult();
    assertThat(receiving.getTenantId()).isEqualTo("E06000032");
    BpmnAwareTests.assertThat(receiving).isWaitingAt("CallActivity_Panel");
    verify(cases).changeStage(any(), eq(RECEIVING), eq(Stage.PANEL), any(), any());
    verify(calendar).listAtNextMeeting(any(), eq(RECEIVING));
  }

  @Test
  void aTransferNotAcceptedInTimeIsRemindedThenEscalatedWhileTheSendingAuthorityKeepsTheCase() {
    ProcessInstance sending = sendingCaseAskedToMove();
    ProcessInstance transferIn = transferIn();
    List<Job> timers = processEngine.getManagementService().createJobQuery().processInstanceId(transferIn.getId())
        .timers().orderByJobDuedate().asc().list();
    assertThat(timers).extracting(Job::getDuedate).containsExactly(Date.from(Instant.parse("2026-12-07T17:00:00Z")),
        Date.from(Instant.parse("2026-12-14T17:00:00Z")));

    ClockUtil.setCurrentTime(timers.get(0).getDuedate());
    processEngine.getManagementService().executeJob(timers.get(0).getId());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.TASK_REMINDER
        && sent.caseReference().equals(RECEIVING)
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))));
    verify(cases, never()).addEntry(any(), eq(RECEIVING), any(), any());

    ClockUtil.setCurrentTime(timers.get(1).getDuedate());
    processEngine.getManagementService().executeJob(timers.get(1).getId());
    verify(cases).addEntry(any(), eq(RECEIVING), argThat(entry -> entry.summary().equals("Transfer acceptance overdue")),
        any());
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.TASK_ESCALATION
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-manager"))));
    BpmnAwareTests.assertThat(transferIn).hasPassed("EndEvent_CaseOwnersReminded", "EndEvent_TransferEscalated")
        .isWaitingAt("Task_AcceptTransfer");
    BpmnAwareTests.assertThat(sending).isNotEnded();
    verify(cases, never()).close(any(), any(), any(), any());
  }
}
