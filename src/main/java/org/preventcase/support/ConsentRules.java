package org.preventcase.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.CapacityFinding;
import org.preventcase.vocabulary.ConsentAnswer;
import org.preventcase.vocabulary.ConsentGiver;
import org.preventcase.vocabulary.ConsentRoute;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * What the form consent's schema cannot say: who may give consent on the task's consent route
 * ({@link ConsentForm#mayGive}), checked on the server before the engine completes the task.
 */
@Component
class ConsentRules implements FormRules {

  static final String LABEL = "Who gave consent";

  @Override
  public String formId() {
    return ConsentForm.FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    return List.of();
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused, Map<String, ?> known) {
    if (!ConsentAnswer.GIVEN.name().equals(submitted.get(ConsentForm.OUTCOME)) || refused.contains(ConsentForm.GIVEN_BY)
        || refused.contains(ConsentForm.CAPACITY_FINDING) || !(known.get(SupportVariables.CONSENT_ROUTE) instanceof String route)
        || !(submitted.get(ConsentForm.GIVEN_BY) instanceof String giver)) {
      return List.of();
    }
    Optional<CapacityFinding> finding = Optional.ofNullable(submitted.get(ConsentForm.CAPACITY_FINDING))
        .map(found -> CapacityFinding.valueOf(String.valueOf(found)));
    return ConsentForm.problem(ConsentRoute.valueOf(route), finding, ConsentGiver.valueOf(giver))
        .map(problem -> List.of(new FieldError(ConsentForm.GIVEN_BY, LABEL, problem))).orElse(List.of());
  }
}
