package org.preventcase.referral;

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

/** The intake skeleton: a referral's non-personal facts, then police screening with deconfliction. */
@Deployment(resources = {"processes/intake/referral-intake.bpmn", "forms/referral-intake-start.form",
    "forms/referral-screening.form"})
class ReferralIntakeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void routineReferralFromASchoolIsScreenedByThePolicePreventTeam() {
    ProcessInstance referral = processEngine.getRuntimeService().startProcessInstanceByKey(ReferralIntake.PROCESS_KEY,
        withVariables("referrerSector", "EDUCATION", "concernType", "EXTREME_RIGHT_WING", "urgency", "ROUTINE"));

    assertThat(referral).isWaitingAt("Task_ScreenReferral")
        .variables().containsOnlyKeys("referrerSector", "concernType", "urgency");
    assertThat(task()).hasCandidateGroup("prevent-police-officer");

    complete(task(), withVariables("deconflictionCompleted", true));

    assertThat(referral).hasPassedInOrder("StartEvent_ReferralSubmitted", "Task_ScreenReferral",
        "EndEvent_ReferralScreened").isEnded();
  }
}
