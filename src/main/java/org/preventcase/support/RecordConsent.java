package org.preventcase.support;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.CapacityFinding;
import org.preventcase.vocabulary.ConsentAnswer;
import org.preventcase.vocabulary.ConsentGiver;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.ConsentRoute;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordConsent}`, the complete listener of Task_RecordConsent (form consent): the approach for
 * consent as the plan set it out, its answer, who gave it, the young person's own agreement (under
 * 18), the capacity assessment and a best-interests decision's rationale become a CONSENT entry, and
 * the board report's consent figure (ConsentOutcome). consentResult says what follows: GIVEN, REFUSED,
 * or DISAGREE when a young person and the parent or guardian disagree (support does not start; a
 * consultation follows, and nothing is counted yet).
 */
@Component("recordConsent")
public class RecordConsent implements TaskListener {

  private final SupportEntries entries;
  private final ReferralStatistics statistics;

  public RecordConsent(CaseService cases, Actors actors, ReferralStatistics statistics) {
    this.entries = new SupportEntries(cases, actors);
    this.statistics = statistics;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsentRoute route = ConsentRoute.valueOf(String.valueOf(task.getVariable(SupportVariables.CONSENT_ROUTE)));
    ConsentAnswer answer = SupportEntries.choice(task, ConsentForm.OUTCOME, ConsentAnswer.class);
    Optional<CapacityFinding> finding = route == ConsentRoute.CAPACITY_ASSESSMENT
        ? Optional.of(SupportEntries.choice(task, ConsentForm.CAPACITY_FINDING, CapacityFinding.class)) : Optional.empty();
    StringBuilder body = new StringBuilder("Whose consent: ").append(route.label())
        .append("\n\nHow, when and by whom it was sought: ").append(SupportEntries.text(task, ConsentForm.RECORD));
    finding.ifPresent(found -> body.append("\n\nCapacity assessment for this decision: ").append(found.label()));
    String summary = answer.label();
    if (answer == ConsentAnswer.GIVEN) {
      ConsentGiver giver = SupportEntries.choice(task, ConsentForm.GIVEN_BY, ConsentGiver.class);
      ConsentForm.problem(route, finding, giver).ifPresent(problem -> {
        throw new IllegalArgumentException("'" + ConsentForm.GIVEN_BY + "': " + problem);
      });
      summary = "Consent given by " + giver.label().substring(0, 1).toLowerCase(java.util.Locale.UK)
          + giver.label().substring(1);
      if (giver == ConsentGiver.BEST_INTERESTS_DECISION) {
        body.append("\n\nBest-interests rationale: ").append(SupportEntries.text(task, ConsentForm.BEST_INTERESTS_RATIONALE));
      }
    }
    String result = answer.name();
    if (route == ConsentRoute.PARENT_OR_GUARDIAN) {
      Answer agrees = SupportEntries.choice(task, ConsentForm.YOUNG_PERSON_AGREES, Answer.class);
      body.append("\n\nThe young person's own agreement: ").append(agrees.label());
      if ((answer == ConsentAnswer.GIVEN && agrees == Answer.NO) || (answer == ConsentAnswer.REFUSED && agrees == Answer.YES)) {
        result = SupportVariables.DISAGREE;
        summary = "The young person and the parent or guardian disagree: support does not start";
      }
    }
    entries.record(task, new NewEntry(EntryKind.CONSENT, summary, body.toString()), ConsentForm.RECORD,
        ConsentForm.OUTCOME, ConsentForm.GIVEN_BY, ConsentForm.YOUNG_PERSON_AGREES, ConsentForm.CAPACITY_FINDING,
        ConsentForm.BEST_INTERESTS_RATIONALE);
    if (!SupportVariables.DISAGREE.equals(result)) {
      statistics.consentOutcome(SupportEntries.reference(task), ConsentOutcome.valueOf(result));
    }
    task.getExecution().setVariable(SupportVariables.CONSENT_RESULT, result);
  }
}
