package org.preventcase.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/** What the form consent-reassessment's schema cannot say: the re-assessment date is real and after today. */
@Component
class ReassessmentRules implements FormRules {

  private final Clock clock;

  ReassessmentRules(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String formId() {
    return ReassessmentDate.FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    if (ReassessmentDate.PARTS.refusedIn(refused)) {
      return List.of();
    }
    return ReassessmentDate.problem(submitted, LocalDate.now(clock.withZone(UkTime.LONDON)))
        .map(problem -> List.of(new FieldError(ReassessmentDate.PARTS.day(), ReassessmentDate.LABEL, problem)))
        .orElse(List.of());
  }
}
