package org.preventcase.panel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.DecisionMethod;
import org.preventcase.vocabulary.PanelDecision;
import org.springframework.stereotype.Component;

/**
 * What the form panel-decision's schema cannot say (checked with the schema, before the engine's
 * command: 400 naming the field): a decision that departs from the recommendation the task was
 * opened with needs its reason; a majority or the chair's casting vote means members disagreed,
 * so the dissent is recorded.
 */
@Component
class PanelDecisionRules implements FormRules {

  static final String DEPARTURE_LABEL = "Why the panel departs from the recommendation";
  static final String DISSENT_LABEL = "Dissent";

  @Override
  public String formId() {
    return DecisionForm.FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    return check(submitted, refused, Map.of());
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused, Map<String, ?> known) {
    List<FieldError> errors = new java.util.ArrayList<>();
    Object decision = submitted.get(Panel.DECISION);
    Object recommendation = known.get(Panel.RECOMMENDATION);
    if (decision instanceof String chosen && !refused.contains(Panel.DECISION) && !refused.contains(DecisionForm.DEPARTURE_REASON)
        && !chosen.equals(recommendation) && blank(submitted.get(DecisionForm.DEPARTURE_REASON))) {
      String from = recommendation instanceof String code ? " (" + PanelDecision.valueOf(code).label() + ")" : "";
      errors.add(new FieldError(DecisionForm.DEPARTURE_REASON, DEPARTURE_LABEL,
          "Give the reason the panel departs from the recommendation" + from));
    }
    Object method = submitted.get(DecisionForm.METHOD);
    if (!refused.contains(DecisionForm.METHOD) && !refused.contains(DecisionForm.DISSENT)
        && (DecisionMethod.MAJORITY.name().equals(method) || DecisionMethod.CHAIR_CASTING.name().equals(method))
        && blank(submitted.get(DecisionForm.DISSENT))) {
      errors.add(new FieldError(DecisionForm.DISSENT, DISSENT_LABEL,
          "Record the dissent: a decision by majority or by the chair's casting vote means members disagreed"));
    }
    return errors;
  }

  private static boolean blank(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }
}
