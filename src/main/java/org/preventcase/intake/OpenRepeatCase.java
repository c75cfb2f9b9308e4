package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${openRepeatCase}`: a new case for a person whose earlier case (matchedCaseRef) closed, naming it;
 * previousCaseRef tells the screener it is a repeat referral (process.md §2.2 post-Southport pilots).
 */
@Component("openRepeatCase")
public class OpenRepeatCase extends IntakeStep {

  public OpenRepeatCase(CaseService cases, Actors actors) {
    super(cases, actors);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String earlier = (String) execution.getVariable(IntakeVariables.MATCHED_CASE_REF);
    attachCase(execution, cases.openCaseForReferral(actor(execution),
        execution.getTenantId(), referralId(execution), earlier));
    execution.setVariable(IntakeVariables.PREVIOUS_CASE_REF, earlier);
  }
}
