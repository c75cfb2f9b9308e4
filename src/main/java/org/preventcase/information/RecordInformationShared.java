package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.InformationAnswer;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.InformationHeld;
import org.springframework.stereotype.Component;

/**
 * `${recordInformationShared}`, when the agency completes its request: the answer becomes an entry of
 * the case, of that agency (CaseService checks the user is in the agency's group and the request is
 * open, and audits it), and the submitted fields leave the engine in the same transaction.
 */
@Component("recordInformationShared")
class RecordInformationShared implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  RecordInformationShared(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    InformationHeld held = Submitted.choice(task, InformationGathering.AGENCY_HOLDS, InformationHeld.class)
        .orElseThrow(() -> new IllegalArgumentException("Select what your agency holds about the person"));
    String shared = Submitted.text(task, InformationGathering.INFORMATION_SHARED).orElse(null);
    if (held == InformationHeld.RELEVANT && shared == null) {
      throw new IllegalArgumentException("Describe the information your agency holds");
    }
    cases.answerInformationRequest(actors.acting(task.getExecution()), InformationGathering.caseReference(task),
        InformationGathering.agency(task), new InformationAnswer(held,
            Submitted.choices(task, InformationGathering.INFORMATION_FACTORS, InformationFactor.class), shared));
    Submitted.remove(task, InformationGathering.AGENCY_HOLDS, InformationGathering.INFORMATION_FACTORS,
        InformationGathering.INFORMATION_SHARED);
  }
}
