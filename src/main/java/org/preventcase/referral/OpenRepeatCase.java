package org.preventcase.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${openRepeatCase}`: a new case for a person whose earlier case (matchedCaseRef) closed, naming it;
 * previousCaseRef tells the screener it is a repeat referral (process.md §2.2 post-Southport pilots).
 */
@Component("openRepeatCase")
public class OpenRepeatCase implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public OpenRepeatCase(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String earlier = (String) execution.getVariable(IntakeVariables.MATCHED_CASE_REF);
    IntakeActor.attachCase(execution, cases.openCaseForReferral(IntakeActor.of(execution, actors),
        execution.getTenantId(), (Long) execution.getVariable(IntakeVariables.REFERRAL_ID), earlier));
    execution.setVariable(IntakeVariables.PREVIOUS_CASE_REF, earlier);
  }
}
