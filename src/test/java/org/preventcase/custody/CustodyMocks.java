package org.preventcase.custody;

import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.preventcase.casefile.CaseService;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.engine.EngineClock;
import org.preventcase.notify.Notifications;
import org.preventcase.security.Actors;
import org.springframework.core.io.ClassPathResource;

/** Model tests: the custody hand-off's and hold's steps as the application has them, over the test's mocks. */
public final class CustodyMocks {

  private CustodyMocks() {}

  public static void register(CaseService cases, Actors actors, Notifications notifications) {
    Deadlines deadlines = new Deadlines(new DeadlinesProperties(
        new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv"), null, null,
        Map.of(Custody.REVIEW, "P3M")), new EngineClock());
    Mocks.register("setCustodyReviewDeadline", deadlines.listener(Custody.REVIEW));
    Mocks.register("recordCustodyHandOff", new RecordCustodyHandOff(cases, actors));
    Mocks.register("recordCustodyRelease", new RecordCustodyRelease(cases, actors));
    Mocks.register("holdCaseInCustody", new HoldCaseInCustody());
    Mocks.register("remindOfCustodyReview", new RemindOfCustodyReview(notifications));
  }
}
