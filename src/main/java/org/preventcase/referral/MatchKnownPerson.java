package org.preventcase.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.PersonMatch;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${matchKnownPerson}`: the known-person match of the referral; sets personMatch, matchedCaseRef, otherAuthority. */
@Component("matchKnownPerson")
public class MatchKnownPerson implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public MatchKnownPerson(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PersonMatch match = cases.matchPerson(IntakeActor.of(execution, actors), execution.getTenantId(),
        (Long) execution.getVariable(IntakeVariables.REFERRAL_ID));
    execution.setVariable(IntakeVariables.PERSON_MATCH, match.kind().name());
    execution.setVariable(IntakeVariables.MATCHED_CASE_REF, match.caseReference());
    execution.setVariable(IntakeVariables.OTHER_AUTHORITY, match.otherAuthorityName());
  }
}
