package org.preventcase.caseprocess;

import org.preventcase.models.FixedAuthority;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The case process: police screening and deconfliction of the case's referral (process.md §2.2). */
@Deployment(resources = {"processes/case/prevent-case.bpmn", "forms/referral-screening.form",
    "forms/new-information-deconfliction.form"})
class PreventCaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    org.camunda.bpm.engine.test.mock.Mocks.register("notifyPoliceOfImmediateRisk",
        new NotifyPoliceOfImmediateRisk(org.mockito.Mockito.mock(org.preventcase.notify.Notifications.class)));
    org.camunda.bpm.engine.test.mock.Mocks.register("nameTaskForCase", new org.preventcase.intake.NameTaskForCase());
    FixedAuthority.use(processEngine, "E06000031");
  }

  @org.junit.jupiter.api.AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    org.camunda.bpm.engine.test.mock.Mocks.reset();
  }

  @Test
  void aNewCaseIsScreenedByThePolicePreventTeam() {
    ProcessInstance theCase = processEngine.getRuntimeService().startProcessInstanceByKey(PreventCase.PROCESS_KEY,
        "E06000031-2026-00001", withVariables("caseRef", "E06000031-2026-00001", "concernType", "ISLAMIST",
            "urgency", "ROUTINE", "referrerSector", "HEALTH", "ageBand", "ADULT", "taskPriority", 50));

    assertThat(theCase).isWaitingAt("Task_ScreenReferral");
    assertThat(task()).hasCandidateGroup("prevent-police-officer").hasName("Screen referral and deconflict: E06000031-2026-00001");

    complete(task(), withVariables("deconflictionCompleted", true));
    assertThat(theCase).hasPassedInOrder("StartEvent_CaseOpened", "Task_ScreenReferral", "EndEvent_ReferralScreened")
        .isEnded();
  }

  @Test
  void newInformationAboutTheOpenCaseGivesThePoliceADeconflictionTaskWhileTheCaseGoesOn() {
    ProcessInstance theCase = processEngine.getRuntimeService().startProcessInstanceByKey(PreventCase.PROCESS_KEY,
        "E06000031-2026-00002", withVariables("caseRef", "E06000031-2026-00002", "taskPriority", 50));

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
    assertThat(theCase).isEnded();
  }
}
