package org.preventcase.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.preventcase.failures.Refusal;

/**
 * A referral that fails validation: nothing is stored. The message names every bad field by its
 * label and says what to do, never a value, so Tasklist can show it to the practitioner as it is
 * (the engine APIs answer 400 with it, as a {@link Refusal}) and it is safe in any log.
 */
public class ReferralRefusedException extends BadUserRequestException implements Refusal {

  private final transient List<FieldProblem> problems;

  public ReferralRefusedException(List<FieldProblem> problems) {
    super("The referral was not sent. Please correct: " + problems.stream().map(FieldProblem::message)
        .collect(Collectors.joining("; ")) + ".");
    this.problems = List.copyOf(problems);
  }

  @Override
  public int status() {
    return 400;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
