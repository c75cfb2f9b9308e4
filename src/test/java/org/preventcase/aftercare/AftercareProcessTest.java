package org.preventcase.aftercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.preventcase.caseprocess.Messages;
import org.preventcase.intake.NameTaskForCase;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.support.SupportMocks;

/**
 * After-care (processes/aftercare/aftercare.bpmn, issue 11): post-exit reviews at 6 and 12 months
 * after the exit (London), extendable to 24; a renewed concern, or a new referral in the window that
 * the police deconflict first, re-opens the case and ends the pending reviews; otherwise it closes.
 */
@Deployment(resources = {"processes/aftercare/aftercare.bpmn", "forms/post-exit-review.form",
    "forms/new-information-deconfliction.form"})
class AftercareProcessTest {

  static final Instant EXITED = Instant.parse("2027-01-12T14:30:00Z");
  static final String REFERENCE = "E06000031-2026-00032";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final Notifications notifications = mock(Notifications.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(EXITED));
    when(actors.acting(any())).thenReturn(Actor.system("E06000031"));
    SupportMocks.register(cases, actors, notifications, mock(ReferralStatistics.class));
    Mocks.register("nameTaskForCase", new NameTaskForCase());
    FixedAuthority.use(processEngine, "E06000031");
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance exited() {
    return processEngine.getRuntimeService().startProcessInstanceByKey("aftercare", REFERENCE, withVariables(
        "caseRef", REFERENCE, "concernTypeLabel", "Islamist", "ageBandLabel", "Adult", "urgencyLabel", "Routine",
        "taskPriority", 50));
  }

  /** The review timer fires on its due date; returns that date. */
  Date reviewFallsDue(ProcessInstance aftercare) {
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(aftercare.getId()).timers()
        .singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());
    return timer.getDuedate();
  }

  void reviewed(String outcome, boolean extend) {
    Task review = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey("Task_ReviewAfterExit").singleResult();
    BpmnAwareTests.assertThat(review).hasCandidateGroup("prevent-channel-coordinator");
    processEngine.getTaskService().complete(review.getId(), withVariables("postExitReviewOutcome", outcome,
        "postExitReviewRationale", "Synthetic: no sign of renewed concern.", "extendPostExitReviews", extend));
  }

  @Test
  void reviewsSixAndTwelveMonthsAfterTheExitWithNoConcernCompleteTheAfterCare() {
    ProcessInstance aftercare = exited();

    assertThat(reviewFallsDue(aftercare)).isEqualTo(Date.from(Instant.parse("2027-07-12T13:30:00Z")));
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.POST_EXIT_REVIEW_DUE
        && sent.recipient().equals(new Recipient.GroupMembers("prevent-channel-coordinator"))));
    reviewed("NO_CONCERN", false);
    assertThat(reviewFallsDue(aftercare)).as("counted from the exit, in London")
        .isEqualTo(Date.from(Instant.parse("2028-01-12T14:30:00Z")));
    reviewed("NO_CONCERN", false);

    BpmnAwareTests.assertThat(aftercare).hasPassed("EndEvent_ReviewsComplete").isEnded();
    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.kind() == EntryKind.REVIEW
        && entry.summary().equals("Post-exit review 2: No concern")), any());
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().count()).isZero();
  }

  @Test
  void thePanelMayExtendTheReviewsToTwoYearsAfterTheExit() {
    ProcessInstance aftercare = exited();
    List<Date> due = new ArrayList<>();
    due.add(reviewFallsDue(aftercare));
    reviewed("NO_CONCERN", false);
    due.add(reviewFallsDue(aftercare));
    reviewed("NO_CONCERN", true);
    verify(cases).addReview(any(), eq(REFERENCE), argThat(entry -> entry.summary().equals(
        "Post-exit review 2: No concern; reviews extended to 4")), any());
    due.add(reviewFallsDue(aftercare));
    reviewed("NO_CONCERN", false);
    due.add(reviewFallsDue(aftercare));
    reviewed("NO_CONCERN", false);

    assertThat(due).extracting(Date::toInstant).containsExactly(Instant.parse("2027-07-12T13:30:00Z"),
        Instant.parse("2028-01-12T14:30:00Z"), Instant.parse("2028-07-12T13:30:00Z"),
        Instant.parse("2029-01-12T14:30:00Z"));
    BpmnAwareTests.assertThat(aftercare).isEnded();
  }

  @Test
  void aRenewedConcernAtAReviewReopensTheCase() {
    ProcessInstance aftercare = exited();
    reviewFallsDue(aftercare);
    reviewed("RENEWED_CONCERN", false);

    BpmnAwareTests.assertThat(aftercare).hasPassed("EndEvent_Reopened").isEnded();
    assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
  }

  @Test
  void aNewReferralInTheReviewWindowIsDeconflictedByThePoliceAndReopensTheCaseEndingThePendingReviews() {
    ProcessInstance aftercare = exited();
    reviewFallsDue(aftercare);
    reviewed("NO_CONCERN", false);

    processEngine.getRuntimeService().createMessageCorrelation(Messages.REFERRAL_DURING_POST_EXIT_REVIEW)
        .processInstanceBusinessKey(REFERENCE).setVariablesLocal(withVariables("newReferralId", 77L,
            "newReferralUrgency", "IMMEDIATE_RISK", "taskPriority", 100)).correlateAllWithResult();

    assertThat(processEngine.getManagementService().createJobQuery().count()).as("the pending review ends").isZero();
    Task deconflict = processEngine.getTaskService().createTaskQuery().taskDefinitionKey(
        "Task_DeconflictReferralDuringReview").singleResult();
    BpmnAwareTests.assertThat(deconflict).hasCandidateGroup("prevent-police-officer");
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.URGENT_REFERRAL));
    processEngine.getTaskService().complete(deconflict.getId(), withVariables("newInformationDeconflicted", true));

    BpmnAwareTests.assertThat(aftercare).hasPassed("EndEvent_ReopenedByReferral").isEnded();
  }
}
