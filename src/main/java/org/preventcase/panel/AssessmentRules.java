package org.preventcase.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.stereotype.Component;

/**
 * What the form panel-assessment's schema cannot say, checked before the engine's command (400 naming
 * the field, nothing recorded): each dimension's rating is on the configured scale
 * ({@code prevent.panel.assessment.scale}, whatever options the task was opened with), and at least one
 * agency contributed (a multi-agency assessment, process.md §3.3).
 */
@Component
class AssessmentRules implements FormRules {

  static final String CONTRIBUTION_LABEL = "Each agency's contribution";
  private final PanelProperties properties;

  AssessmentRules(PanelProperties properties) {
    this.properties = properties;
  }

  @Override
  public String formId() {
    return AssessmentForm.FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    List<FieldError> errors = new ArrayList<>();
    List<String> scale = OfferRatingScale.scaleValues(properties);
    for (PanelProperties.Choice dimension : properties.assessment().dimensions()) {
      String key = AssessmentForm.rating(dimension.key());
      Object rating = submitted.get(key);
      if (!refused.contains(key) && rating != null && !scale.contains(rating)) {
        errors.add(new FieldError(key, dimension.label(), "Choose a rating on the panel's scale for "
            + dimension.label().toLowerCase(java.util.Locale.UK)));
      }
    }
    List<String> contributions = Arrays.stream(PartnerAgency.values()).map(AssessmentForm::contribution).toList();
    if (contributions.stream().noneMatch(refused::contains)
        && contributions.stream().noneMatch(key -> submitted.get(key) instanceof String text && !text.isBlank())) {
      errors.add(new FieldError(contributions.get(0), CONTRIBUTION_LABEL,
          "Record at least one agency's contribution: a multi-agency assessment needs one"));
    }
    return errors;
  }
}
