package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${linkReferralToCase}`: the referral joins the matched case (matchedCaseRef); no second case. */
@Component("linkReferralToCase")
public class LinkReferralToCase extends IntakeStep {

  public LinkReferralToCase(CaseService cases, Actors actors) {
    super(cases, actors);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.MATCHED_CASE_REF);
    cases.linkReferral(actor(execution), execution.getTenantId(),
        referralId(execution), reference);
    attachCase(execution, reference);
  }
}
