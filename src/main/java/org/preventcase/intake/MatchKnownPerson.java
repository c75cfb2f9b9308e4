package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.PersonMatch;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${matchKnownPerson}`: the known-person match of the referral; sets personMatch, matchedCaseRef, otherAuthority. */
@Component("matchKnownPerson")
public class MatchKnownPerson extends IntakeStep {

  public MatchKnownPerson(CaseService cases, Actors actors) {
    super(cases, actors);
  }

  @Override
  public void execute(DelegateExecution execution) {
    PersonMatch match = cases.matchPerson(actor(execution), execution.getTenantId(),
        referralId(execution));
    execution.setVariable(IntakeVariables.PERSON_MATCH, match.kind().name());
    execution.setVariable(IntakeVariables.MATCHED_CASE_REF, match.caseReference());
    execution.setVariable(IntakeVariables.OTHER_AUTHORITY, match.otherAuthorityName());
  }
}
