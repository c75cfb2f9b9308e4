package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * A step of the intake that works on the recorded referral through the case service, as the signed-in
 * user, or as the system actor of the referral's authority after an asynchronous boundary.
 */
abstract class IntakeStep implements JavaDelegate {

  protected final CaseService cases;
  private final Actors actors;

  IntakeStep(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  protected Actor actor(DelegateExecution execution) {
    return actors.acting(execution);
  }

  /** The case the referral now belongs to: a variable and the intake's business key. */
  protected static void attachCase(DelegateExecution execution, String reference) {
    execution.setVariable(IntakeVariables.CASE_REF, reference);
    execution.setProcessBusinessKey(reference);
  }

  protected static long referralId(DelegateExecution execution) {
    return (Long) execution.getVariable(IntakeVariables.REFERRAL_ID);
  }
}
