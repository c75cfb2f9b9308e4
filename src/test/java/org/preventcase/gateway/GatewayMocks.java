package org.preventcase.gateway;

import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.Stage;
import org.preventcase.caseprocess.MoveCaseToStage;
import org.preventcase.caseprocess.NotifyPoliceOfImmediateRisk;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.engine.EngineClock;
import org.preventcase.intake.NameTaskForCase;
import org.preventcase.notify.Notifications;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.springframework.core.io.ClassPathResource;

/**
 * Model tests of the gateway and of the case process that calls it: the gateway's listeners and
 * delegates, the real ones, registered by their bean names over a mocked case record and outbox,
 * with the deadlines as application.yaml configures them.
 */
public final class GatewayMocks {

  private GatewayMocks() {}

  public static void register(CaseService cases, Actors actors, Notifications notifications) {
    EngineClock clock = new EngineClock();
    Deadlines deadlines = new Deadlines(new DeadlinesProperties(
        new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv"), null, null,
        Map.of(GatewayDeadlines.SCREENING, "5WD", GatewayDeadlines.SCREENING_REMINDER, "4WD",
            GatewayDeadlines.URGENT_SCREENING, "SAME_DAY", GatewayDeadlines.URGENT_SCREENING_REMINDER, "PT2H",
            GatewayDeadlines.LOCAL_REVIEW, "P3M")), clock);
    Mocks.register("setScreeningDeadlines", new SetScreeningDeadlines(deadlines, clock));
    Mocks.register("setLocalReviewDeadline", deadlines.listener(GatewayDeadlines.LOCAL_REVIEW));
    Mocks.register("nameTaskForCase", new NameTaskForCase());
    Mocks.register("notifyPoliceOfImmediateRisk", new NotifyPoliceOfImmediateRisk(notifications));
    Mocks.register("recordDeconfliction", new RecordDeconfliction(cases, actors));
    Mocks.register("recordScreeningOutcome", new RecordScreeningOutcome(cases, actors,
        org.mockito.Mockito.mock(ReferralStatistics.class)));
    Mocks.register("recordPreliminaryAssessment", new RecordPreliminaryAssessment(cases, actors));
    Mocks.register("recordBelowThresholdReview", new RecordBelowThresholdReview(cases, actors));
    Mocks.register("recordAssuranceReview", new RecordAssuranceReview(cases, actors));
    Mocks.register("countEarlierReferrals", new CountEarlierReferrals(cases, actors));
    Mocks.register("moveCaseToGateway", new MoveCaseToStage(cases, actors, Stage.GATEWAY));
    Mocks.register("moveCaseToInformationGathering", new MoveCaseToStage(cases, actors, Stage.INFORMATION_GATHERING));
    Mocks.register("remindOfDueScreening", new RemindOfDueScreening(notifications));
    Mocks.register("escalateOverdueScreening", new EscalateOverdueScreening(cases, notifications, actors));
  }
}
