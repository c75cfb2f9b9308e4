package org.preventcase.support;

import java.util.List;
import java.util.Optional;
import org.preventcase.vocabulary.CapacityFinding;
import org.preventcase.vocabulary.ConsentGiver;
import org.preventcase.vocabulary.ConsentRoute;

/**
 * The form consent (Task_RecordConsent): its keys, and who may give consent on each route (process.md
 * §2.5): on the person's own route the person; under 18 a parent or guardian, never the young person
 * alone; after a capacity assessment the person if they have capacity, else an attorney or deputy or
 * a best-interests decision. The same rule for the form's server-side check and the complete listener.
 */
final class ConsentForm {

  static final String FORM_ID = "consent";
  static final String RECORD = "consentRecord";
  static final String OUTCOME = "consentOutcome";
  static final String GIVEN_BY = "consentGivenBy";
  static final String YOUNG_PERSON_AGREES = "youngPersonAgrees";
  static final String CAPACITY_FINDING = "capacityFinding";
  static final String BEST_INTERESTS_RATIONALE = "bestInterestsRationale";

  private ConsentForm() {}

  /** Who may give consent on this route, with this capacity finding (none for the other routes). */
  static List<ConsentGiver> mayGive(ConsentRoute route, Optional<CapacityFinding> finding) {
    return switch (route) {
      case SELF -> List.of(ConsentGiver.SELF);
      case PARENT_OR_GUARDIAN -> List.of(ConsentGiver.PARENT_OR_GUARDIAN);
      case CAPACITY_ASSESSMENT -> finding.map(found -> found == CapacityFinding.HAS_CAPACITY
          ? List.of(ConsentGiver.SELF)
          : List.of(ConsentGiver.ATTORNEY_OR_DEPUTY, ConsentGiver.BEST_INTERESTS_DECISION)).orElse(List.of());
    };
  }

  /** The problem with this giver on this route, in plain words, or none. */
  static Optional<String> problem(ConsentRoute route, Optional<CapacityFinding> finding, ConsentGiver giver) {
    if (mayGive(route, finding).contains(giver)) {
      return Optional.empty();
    }
    return Optional.of(switch (route) {
      case SELF -> "The person's own consent is needed: select the person";
      case PARENT_OR_GUARDIAN -> "Under 18, a parent or guardian must consent: the young person's own agreement is"
          + " recorded separately";
      case CAPACITY_ASSESSMENT -> finding.orElse(null) == CapacityFinding.HAS_CAPACITY
          ? "The person has capacity to decide, so only the person can consent"
          : "The person lacks capacity to decide: consent comes from an attorney or deputy, or a best-interests decision";
    });
  }
}
