package org.preventcase.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A referral that fails validation: nothing is stored. The message names every bad field by its
 * label and says what to do, never a value, so Tasklist can show it to the practitioner as it is
 * (the engine's REST API answers 400 with it) and it is safe in any log.
 */
public class ReferralRefusedException extends BadUserRequestException {

  private final transient List<FieldProblem> problems;

  public ReferralRefusedException(List<FieldProblem> problems) {
    super("The referral was not sent. Please correct: " + problems.stream().map(FieldProblem::message)
        .collect(Collectors.joining("; ")) + ".");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
