package org.preventcase.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.preventcase.failures.Refusal;

/**
 * A referral that fails validation: nothing is stored. The message names every bad field by its
 * label and says what to do, never a value, so it is safe in any log: "The referral was not sent.
 * There is a problem: Enter the person's given names [personGivenNames]; Date of birth must be in
 * the past [personDateOfBirth]." Each problem ends with its field's key in brackets, which Tasklist's
 * script (docs/tasklist.md) takes off to link the message to its field; the engine APIs answer 400
 * with it, as a {@link Refusal}.
 */
public class ReferralRefusedException extends BadUserRequestException implements Refusal {

  private final transient List<FieldProblem> problems;

  public ReferralRefusedException(List<FieldProblem> problems) {
    super("The referral was not sent. There is a problem: " + problems.stream()
        .map(problem -> problem.message() + " [" + problem.field() + "]").collect(Collectors.joining("; ")) + ".");
    this.problems = List.copyOf(problems);
  }

  @Override
  public int status() {
    return 400;
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** A refused form: the engine REST API's problem lists each field (docs/forms.md). */
  @Override
  public String kind() {
    return "invalid-form";
  }

  /** Each problem as the form check names one: the field's key, its label and what to do. */
  @Override
  public List<Map<String, String>> errors() {
    return problems.stream().map(problem -> {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("field", problem.field());
      error.put("label", Arrays.stream(ReferralField.values())
          .filter(field -> field.key().equals(problem.field()) || field.formKeys().contains(problem.field()))
          .map(ReferralField::label).findFirst().orElse(problem.field()));
      error.put("message", problem.message());
      return error;
    }).toList();
  }
}
