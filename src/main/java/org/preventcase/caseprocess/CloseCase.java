package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * A start listener of one of the case process's closing end events (one bean per reason, named by
 * {@link #beanName}: {@code ${closeCaseNoFurtherAction}}, ...): the case record is closed with its reason and time, as
 * the user whose decision ended the case or, after an asynchronous boundary, as the system actor.
 */
public class CloseCase implements ExecutionListener {

  private final CaseService cases;
  private final Actors actors;
  private final ClosureReason reason;

  public CloseCase(CaseService cases, Actors actors, ClosureReason reason) {
    this.cases = cases;
    this.actors = actors;
    this.reason = reason;
  }

  public ClosureReason reason() {
    return reason;
  }

  /**
   * The listener's name in the model: {@code closeCase} and the reason in words
   * ({@code closeCaseSignposted}, {@code closeCasePoliceManaged}), but for the first ones, named before the rule.
   */
  public static String beanName(ClosureReason reason) {
    return switch (reason) {
      case NFA_CLOSED -> "closeCaseNoFurtherAction";
      case PURSUE -> "closeCaseForPursue";
      case MAPPA -> "closeCaseHandedToMappa";
      default -> "closeCase" + java.util.Arrays.stream(reason.name().split("_"))
          .map(word -> word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT))
          .collect(java.util.stream.Collectors.joining());
    };
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.close(actors.acting(execution), (String) execution.getVariable(IntakeVariables.CASE_REF), reason,
        new Purpose(Purpose.Code.PROCESS, "case closed: " + reason.name()));
  }
}
