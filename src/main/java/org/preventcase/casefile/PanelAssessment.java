package org.preventcase.casefile;

import java.util.Map;
import java.util.Objects;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.Susceptibility;

/**
 * The multi-agency assessment's judgements as codes (process.md §3.3; panel_assessment): the framework,
 * a rating per configured dimension (dimension key to scale value), and the summary judgements the
 * recommendation table reads. Its narrative is the ASSESSMENT entry it belongs to.
 */
public record PanelAssessment(AssessmentFramework framework, Map<String, String> ratings, Susceptibility susceptibility,
    CtRiskOwner ctRiskOwner, boolean otherNeeds, boolean mappaEligible, boolean informationComplete) {

  public PanelAssessment {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(susceptibility, "susceptibility");
    Objects.requireNonNull(ctRiskOwner, "ctRiskOwner");
    ratings = Map.copyOf(ratings);
  }
}
