package org.preventcase.casefile;

import java.util.List;

/**
 * How a referral reads on the case page: its answers as the national form asks them, in the form's
 * order, choices as their labels and dates UK style. Implemented by the intake, which owns the form
 * (intake.NationalFormAnswers); the case page only shows the result.
 */
public interface ReferralAnswers {

  List<Answer> of(CaseView.Referral referral);

  /** One question of the form and its answer as a person reads it; narrative answers keep their line breaks. */
  record Answer(String question, String answer, boolean narrative) {}
}
