package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.information.Submitted;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.ContactOutcome;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordInterventionContact}`, the complete listener of Task_RecordContact (form
 * intervention-contact): a contact with the person is a NOTE entry by the intervention provider the plan
 * allocated the interventions to (CaseService.recordContact refuses any other provider); a
 * withdrawal of consent is a CONSENT entry and the board report's consent figure (WITHDRAWN).
 * contactOutcome routes on: a withdrawal stops every intervention (s36(4)(d)-(e)).
 */
@Component("recordInterventionContact")
public class RecordInterventionContact implements TaskListener {

  static final String NOTE = "contactNote";
  private final CaseService cases;
  private final Actors actors;
  private final ReferralStatistics statistics;

  public RecordInterventionContact(CaseService cases, Actors actors, ReferralStatistics statistics) {
    this.cases = cases;
    this.actors = actors;
    this.statistics = statistics;
  }

  @Override
  public void notify(DelegateTask task) {
    ContactOutcome outcome = SupportEntries.choice(task, SupportVariables.CONTACT_OUTCOME, ContactOutcome.class);
    boolean withdrawn = outcome == ContactOutcome.CONSENT_WITHDRAWN;
    String intervention = "intervention " + (((Number) task.getVariable("loopCounter")).intValue() + 1) + " of "
        + task.getVariable(SupportVariables.INTERVENTION_COUNT);
    cases.recordContact(actors.acting(task.getExecution()), SupportEntries.reference(task), new NewEntry(
        withdrawn ? EntryKind.CONSENT : EntryKind.NOTE,
        (withdrawn ? ConsentOutcome.WITHDRAWN.label() + ": support stops (" : "Contact recorded (") + intervention + ")",
        SupportEntries.text(task, NOTE)), new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task.getExecution(), NOTE);
    if (withdrawn) {
      statistics.consentOutcome(SupportEntries.reference(task), ConsentOutcome.WITHDRAWN);
    }
    task.getExecution().setVariable(SupportVariables.CONTACT_OUTCOME, outcome.name());
  }
}
