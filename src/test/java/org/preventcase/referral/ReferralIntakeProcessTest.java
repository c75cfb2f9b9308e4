package org.preventcase.referral;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
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
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.NewCase;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The intake, one test per route, with the real start listener and delegates and the case record
 * mocked: the referral is validated, recorded and removed from the process in one step, and the
 * case process starts with the case facts only.
 */
@Deployment(resources = {"processes/intake/referral-intake.bpmn", "processes/case/prevent-case.bpmn",
    "forms/referral-intake-start.form", "forms/referral-screening.form"})
class ReferralIntakeProcessTest {

  static final String REFERENCE = "E06000031-2026-00007";
  static final Actor REFERRER = new Actor("demo-referrer", Set.of("prevent-referrer"), Set.of("E06000031"));

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    when(actors.of("demo-referrer")).thenReturn(REFERRER);
    when(cases.receiveReferral(any(), any())).thenReturn(REFERENCE);
    Mocks.register("recordReferral", new RecordReferral(new ReferralValidator(clock), cases, actors, clock));
    Mocks.register("startCaseProcess", new StartCaseProcess());
    processEngine.getIdentityService().setAuthenticatedUserId("demo-referrer");
  }

  @AfterEach
  void reset() {
    processEngine.getIdentityService().clearAuthentication();
    Mocks.reset();
  }

  ProcessInstance refer(Map<String, Object> referral) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(ReferralIntake.PROCESS_KEY, referral);
  }

  ProcessInstance caseProcess() {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .processInstanceBusinessKey(REFERENCE).singleResult();
  }

  @Test
  void aNewPersonsReferralOpensACaseWhoseProcessWaitsForPoliceScreeningWithTheCaseFactsOnly() {
    ProcessInstance intake = refer(ReferralExamples.valid("N"));

    assertThat(intake).hasPassedInOrder("StartEvent_ReferralSubmitted", "Task_StartCaseProcess", "EndEvent_CaseOpened")
        .isEnded();
    verify(cases).receiveReferral(org.mockito.ArgumentMatchers.eq(REFERRER), org.mockito.ArgumentMatchers.argThat(
        (NewCase opened) -> opened.person().familyName().equals("ThackerayN") && opened.referral().concern()
            .startsWith("Shared a post N") && "FORM".equals(opened.referral().submittedThrough())));
    ProcessInstance theCase = caseProcess();
    assertThat(theCase).isWaitingAt("Task_ScreenReferral").variables().containsOnly(
        Assertions.entry("caseRef", REFERENCE), Assertions.entry("concernType", "EXTREME_RIGHT_WING"),
        Assertions.entry("urgency", "ROUTINE"), Assertions.entry("referrerSector", "EDUCATION"),
        Assertions.entry("ageBand", "AGED_11_TO_15"));
    assertThat(task()).hasCandidateGroup("prevent-police-officer");

    complete(task(), withVariables("deconflictionCompleted", true));
    assertThat(theCase).isEnded();
  }

  @Test
  void aReferralMissingRequiredFieldsIsRefusedAndStartsNothing() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("M"));
    referral.remove("personGivenNames");
    referral.remove("concernDescription");

    Assertions.assertThatThrownBy(() -> refer(referral)).isInstanceOf(ReferralRefusedException.class)
        .hasMessageContaining("Given names is required").hasMessageContaining("Describe your concerns is required");
    verify(cases, never()).receiveReferral(any(), any());
    Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }
}
