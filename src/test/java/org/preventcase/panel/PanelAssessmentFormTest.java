package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preventcase.formcheck.FormField;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.formcheck.FormSchemaTest;
import org.preventcase.models.ProjectFiles;
import org.preventcase.vocabulary.PartnerAgency;

/**
 * The assessment form and prevent.panel.assessment say the same: a rating (offering the configured
 * scale) and its evidence for every configured dimension, and one contribution per partner agency.
 */
class PanelAssessmentFormTest {

  final FormSchema form = FormSchemaTest.read(ProjectFiles.FORMS.resolve(AssessmentForm.FORM_ID + ".form"));

  @Test
  void everyConfiguredDimensionHasItsRatingOnTheConfiguredScaleAndItsEvidence() {
    List<String> expected = new ArrayList<>();
    for (PanelProperties.Choice dimension : PanelMocks.properties().assessment().dimensions()) {
      FormField rating = form.field(AssessmentForm.rating(dimension.key())).orElseThrow(() -> new AssertionError(
          "no field " + AssessmentForm.rating(dimension.key())));
      assertThat(rating.valuesKey()).isEqualTo(Panel.RATING_SCALE);
      assertThat(rating.label()).isEqualTo(dimension.label());
      assertThat(rating.required()).isTrue();
      assertThat(form.field(AssessmentForm.evidence(dimension.key()))).isPresent();
      expected.add(AssessmentForm.rating(dimension.key()));
    }
    assertThat(form.fields().stream().map(FormField::key).filter(key -> key.endsWith("Rating")))
        .as("no rating of a dimension that is not configured").containsExactlyElementsOf(expected);
  }

  @Test
  void everyPartnerAgencyHasItsContribution() {
    for (PartnerAgency agency : PartnerAgency.values()) {
      assertThat(form.field(AssessmentForm.contribution(agency))).as(agency.name()).isPresent();
    }
  }
}
