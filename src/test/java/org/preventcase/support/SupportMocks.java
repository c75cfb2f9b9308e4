package org.preventcase.support;

import java.time.Clock;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.preventcase.aftercare.AnnouncePostExitReview;
import org.preventcase.aftercare.RecordPostExitReview;
import org.preventcase.aftercare.ScheduleNextPostExitReview;
import org.preventcase.aftercare.StartPostExitReviews;
import org.preventcase.caseprocess.MoveCaseToStage;
import org.preventcase.caseprocess.MoveCaseToSupport;
import org.preventcase.caseprocess.NotifyPoliceOfImmediateRisk;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.Stage;
import org.preventcase.engine.EngineClock;
import org.preventcase.notify.Notifications;
import org.preventcase.panel.PanelMocks;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;

/**
 * Model tests of the support and after-care stages, and of the case process that calls them: their
 * real listeners and delegates, registered by their bean names over a mocked case record, outbox and
 * statistics, with prevent.support as application.yaml configures it and the engine's clock.
 */
public final class SupportMocks {

  private SupportMocks() {}

  public static SupportProperties properties() {
    return PanelMocks.configured("prevent.support", SupportProperties.class);
  }

  public static void register(CaseService cases, Actors actors, Notifications notifications,
      ReferralStatistics statistics) {
    SupportProperties properties = properties();
    Clock clock = new EngineClock();
    Mocks.register("setSupportDurations", new SetSupportDurations(properties));
    Mocks.register("recordSupportPlan", new RecordSupportPlan(cases, actors));
    Mocks.register("determineWhoMustConsent", new DetermineWhoMustConsent(cases, actors, clock));
    Mocks.register("recordConsent", new RecordConsent(cases, actors, statistics));
    Mocks.register("recordConsentConsultation", new RecordConsentConsultation(cases, actors));
    Mocks.register("moveCaseToSupport", new MoveCaseToSupport(new MoveCaseToStage(cases, actors, Stage.SUPPORT)));
    Mocks.register("recordInterventionContact", new RecordInterventionContact(cases, actors, statistics));
    Mocks.register("alertContactLapse", new AlertContactLapse(notifications));
    Mocks.register("recordReassessment", new RecordReassessment(cases, actors, clock));
    Mocks.register("startPostExitReviews", new StartPostExitReviews(clock));
    Mocks.register("scheduleNextPostExitReview", new ScheduleNextPostExitReview(properties, clock));
    Mocks.register("announcePostExitReview", new AnnouncePostExitReview(notifications));
    Mocks.register("recordPostExitReview", new RecordPostExitReview(cases, actors, properties));
    Mocks.register("notifyPoliceOfImmediateRisk", new NotifyPoliceOfImmediateRisk(notifications));
    SupportBeans outcomes = new SupportBeans();
    Mocks.register("supportExited", outcomes.supportExited());
    Mocks.register("reopenCase", outcomes.reopenCase());
    Mocks.register("completePostExitReviews", outcomes.completePostExitReviews());
    Mocks.register("supportTransferredToPolice", outcomes.supportTransferredToPolice());
    Mocks.register("markRiskEscalated", outcomes.markRiskEscalated());
    Mocks.register("clearRiskEscalation", outcomes.clearRiskEscalation());
    Mocks.register("trackInterventionsOfPlan", outcomes.trackInterventionsOfPlan());
  }
}
