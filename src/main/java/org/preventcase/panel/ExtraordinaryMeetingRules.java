package org.preventcase.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.preventcase.casefile.CaseReference;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.springframework.stereotype.Component;

/**
 * What the start form panel-extraordinary-meeting's schema cannot say: the case reference has the
 * form of one (E06000031-2026-00042), and the day, month and year make a real date, today or later
 * (London), and no more than {@value #MAX_DAYS_AHEAD} days ahead (an urgent case cannot wait for the
 * next routine meeting).
 */
@Component
class ExtraordinaryMeetingRules implements FormRules {

  static final int MAX_DAYS_AHEAD = 31;
  static final String LABEL = "Day";
  static final String REFERENCE_LABEL = "Case reference";
  private final Clock clock;

  ExtraordinaryMeetingRules(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String formId() {
    return ExtraordinaryMeetingForm.FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (!refused.contains(ExtraordinaryMeetingForm.CASE_REF)
        && !(submitted.get(ExtraordinaryMeetingForm.CASE_REF) instanceof String reference
            && CaseReference.PATTERN.matcher(reference.strip()).matches())) {
      errors.add(new FieldError(ExtraordinaryMeetingForm.CASE_REF, REFERENCE_LABEL,
          "Enter a case reference like E06000031-2026-00042"));
    }
    errors.addAll(day(submitted, refused));
    return errors;
  }

  private List<FieldError> day(Map<String, ?> submitted, Set<String> refused) {
    if (refused.contains(ExtraordinaryMeetingForm.DAY) || refused.contains(ExtraordinaryMeetingForm.MONTH)
        || refused.contains(ExtraordinaryMeetingForm.YEAR)) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(Panel.LONDON));
    Optional<LocalDate> day = ExtraordinaryMeetingForm.day(submitted::get);
    String problem = day.isEmpty() ? "The day of the meeting must be a real date, like 27 3 2026"
        : day.get().isBefore(today) ? "The day of the meeting must be today or later"
        : day.get().isAfter(today.plusDays(MAX_DAYS_AHEAD)) ? "The day of the meeting must be within "
            + MAX_DAYS_AHEAD + " days: an urgent case cannot wait for the next routine meeting"
        : null;
    return problem == null ? List.of() : List.of(new FieldError(ExtraordinaryMeetingForm.DAY, LABEL, problem));
  }
}
