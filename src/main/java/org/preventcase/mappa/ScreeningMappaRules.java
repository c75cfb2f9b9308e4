package org.preventcase.mappa;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.GoesToMappa;
import org.preventcase.vocabulary.MappaVariables;
import org.springframework.stereotype.Component;

/**
 * What the screening form's schema cannot say (issue 12): when the referral said the person is on
 * licence or under MAPPA (the task's variable onLicenceOrUnderMappa is YES), the form shows the
 * question goesToMappa, which its schema then requires, and the answer must agree with the outcome: yes with "Hand the case to
 * MAPPA", no with any other. A 400 naming goesToMappa before the engine's command, nothing recorded.
 */
@Component
public class ScreeningMappaRules implements FormRules {

  static final String LABEL = "Does the case go to MAPPA?";

  @Override
  public String formId() {
    return "referral-screening";
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    return check(submitted, refused, Map.of());
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused, Map<String, ?> known) {
    if (!Answer.YES.name().equals(known.get(MappaVariables.ON_LICENCE_OR_UNDER_MAPPA))) {
      return List.of(); // not asked: the form hides the question (and the schema refuses an answer)
    }
    if (refused.contains(MappaVariables.GOES_TO_MAPPA) || refused.contains(GatewayVariables.GATEWAY_OUTCOME)) {
      return List.of();
    }
    Object answer = submitted.get(MappaVariables.GOES_TO_MAPPA); // the schema requires it while the form shows it
    boolean toMappa = GatewayOutcome.MAPPA.name().equals(submitted.get(GatewayVariables.GATEWAY_OUTCOME));
    if (GoesToMappa.YES.name().equals(answer) && !toMappa) {
      return List.of(new FieldError(MappaVariables.GOES_TO_MAPPA, LABEL,
          "The case goes to MAPPA: choose the outcome 'Hand the case to MAPPA', or answer no"));
    }
    if (GoesToMappa.NO.name().equals(answer) && toMappa) {
      return List.of(new FieldError(MappaVariables.GOES_TO_MAPPA, LABEL,
          "The outcome hands the case to MAPPA: answer yes, or choose another outcome"));
    }
    return List.of();
  }
}
