package org.preventcase.caseprocess;

import org.preventcase.models.FixedAuthority;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.engine.EngineClock;
import org.preventcase.notify.Notifications;
import org.springframework.core.io.ClassPathResource;

/** The case process: police screening and deconfliction of the case's referral (process.md §2.2). */
@Deployment(resources = {"processes/case/prevent-case.bpmn", "forms/referral-screening.form",
    "forms/new-information-deconfliction.form"})
class PreventCaseProcessTest {

  /** Monday 23 November 2026, 09:00 London; 5 working days later is Monday 30 November, 17:00. */
  static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
  static final Date SCREENING_DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final JavaDelegate escalate = mock(JavaDelegate.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(OPENED));
    Deadlines deadlines = new Deadlines(new DeadlinesProperties(
        new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv"), null, null,
        Map.of(CaseDeadlines.SCREENING, "5WD")), new EngineClock());
    Mocks.register("setScreeningDeadline", deadlines.listener(CaseDeadlines.SCREENING));
    Mocks.register("notifyPoliceOfImmediateRisk", new NotifyPoliceOfImmediateRisk(mock(Notifications.class)));
    Mocks.register("escalateOverdueScreening", escalate);
    Mocks.register("nameTaskForCase", new org.preventcase.intake.NameTaskForCase());
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance open(String reference) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(PreventCase.PROCESS_KEY, reference,
        withVariables("caseRef", reference, "concernType", "ISLAMIST", "urgency", "ROUTINE", "referrerSector", "HEALTH",
            "ageBand", "ADULT", "taskPriority", 50));
  }

  @Test
  void aNewCaseIsScreenedByThePolicePreventTeamWithinFiveWorkingDays() {
    ProcessInstance theCase = open("E06000031-2026-00001");

    assertThat(theCase).isWaitingAt("Task_ScreenReferral").variables().containsEntry("screeningDueAt", SCREENING_DUE);
    assertThat(task()).hasCandidateGroup("prevent-police-officer").hasName("Screen referral and deconflict: E06000031-2026-00001")
        .hasDueDate(SCREENING_DUE);

    complete(task(), withVariables("deconflictionCompleted", true));
    assertThat(theCase).as("the screener's completion is committed first").hasPassed("Task_ScreenReferral")
        .isNotEnded();
    execute(job());
    assertThat(theCase).hasPassedInOrder("StartEvent_CaseOpened", "Task_ScreenReferral", "EndEvent_ReferralScreened")
        .hasNotPassed("Task_EscalateOverdueScreening").isEnded();
  }

  @Test
  void aScreeningNotDoneByItsDueDateIsRecordedAndEscalatedWhileTheTaskStaysOpen() throws Exception {
    ProcessInstance theCase = open("E06000031-2026-00003");
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(theCase.getId()).timers()
        .singleResult();
    org.assertj.core.api.Assertions.assertThat(timer.getDuedate()).isEqualTo(SCREENING_DUE);

    ClockUtil.setCurrentTime(Date.from(SCREENING_DUE.toInstant().plusSeconds(60)));
    execute(timer);

    verify(escalate).execute(any());
    assertThat(theCase).hasPassed("Event_ScreeningOverdue", "Task_EscalateOverdueScreening",
        "EndEvent_ScreeningEscalated").isWaitingAt("Task_ScreenReferral");
  }

  @Test
  void newInformationAboutTheOpenCaseGivesThePoliceADeconflictionTaskWhileTheCaseGoesOn() {
    ProcessInstance theCase = open("E06000031-2026-00002");

    processEngine.getRuntimeService().createMessageCorrelation(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE)
        .processInstanceBusinessKey("E06000031-2026-00002")
        .setVariablesLocal(withVariables("newReferralId", 12L, "taskPriority", 100)).correlate();

    assertThat(theCase).isWaitingAt("Task_ScreenReferral", "Task_DeconflictNewInformation");
    org.camunda.bpm.engine.task.Task deconflict = processEngine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_DeconflictNewInformation").singleResult();
    assertThat(deconflict).hasCandidateGroup("prevent-police-officer");
    org.assertj.core.api.Assertions.assertThat(deconflict.getPriority()).isEqualTo(100);

    complete(deconflict, withVariables("newInformationDeconflicted", true));
    assertThat(theCase).hasPassed("EndEvent_NewInformationDeconflicted").isWaitingAt("Task_ScreenReferral");
    complete(task(theCase), withVariables("deconflictionCompleted", true));
    execute(job(theCase));
    assertThat(theCase).isEnded();
  }
}
