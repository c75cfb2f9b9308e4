package org.preventcase.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.DateInParts;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.GatewayVariables;

/**
 * What the schemas of the forms that signpost a case (referral-screening, preliminary-assessment)
 * cannot say: the onward referral's day, month and year make a real date, not after today (London).
 * Checked with the schema before the engine completes the task, so 31 February is a 400 naming the
 * field and nothing is recorded.
 */
final class OnwardReferralDateRules implements FormRules {

  static final DateInParts DATE = new DateInParts(GatewayVariables.ONWARD_REFERRAL_DATE);
  static final String LABEL = "When the onward referral was made";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final String formId;
  private final Clock clock;

  OnwardReferralDateRules(String formId, Clock clock) {
    this.formId = formId;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return formId;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    if (DATE.refusedIn(refused)) {
      return List.of();
    }
    DateInParts.Reading reading = DATE.read(submitted);
    String problem = null; // none for a date not asked for, or one the schema asks to complete
    if (reading instanceof DateInParts.Reading.NotADate) {
      problem = "The date of the onward referral must be a real date, for example 27 3 2026";
    } else if (reading instanceof DateInParts.Reading.Date made
        && made.date().isAfter(LocalDate.now(clock.withZone(LONDON)))) {
      problem = "The date of the onward referral must be today or in the past";
    }
    return problem == null ? List.of() : List.of(new FieldError(DATE.day(), LABEL, problem));
  }

  /** The onward referral's date of a submission that passed these rules. */
  static LocalDate of(java.util.function.Function<String, ?> submitted) {
    if (DATE.read(submitted) instanceof DateInParts.Reading.Date made) {
      return made.date();
    }
    throw new IllegalStateException("The onward referral's date was not checked with its form");
  }
}
