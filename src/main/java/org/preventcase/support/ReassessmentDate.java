package org.preventcase.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.preventcase.formcheck.DateInParts;

/**
 * The date the panel re-assesses a person without Channel support (s36(4)(e); form
 * consent-reassessment: {@code reassessmentDateDay}, {@code reassessmentDateMonth},
 * {@code reassessmentDateYear}): a real date after today (London).
 */
final class ReassessmentDate {

  static final String FORM_ID = "consent-reassessment";
  static final DateInParts PARTS = new DateInParts("reassessmentDate");
  static final String LABEL = "Re-assessment date";

  private ReassessmentDate() {}

  /** The date, or why there is none, in plain words (naming the field, never the value given). */
  static Optional<String> problem(Map<String, ?> submitted, LocalDate today) {
    DateInParts.Reading reading = PARTS.read(submitted);
    if (reading instanceof DateInParts.Reading.Date made) {
      return made.date().isAfter(today) ? Optional.empty() : Optional.of("The re-assessment date must be after today");
    }
    return Optional.of(reading instanceof DateInParts.Reading.NotADate
        ? "The re-assessment date must be a real date, like 27 3 2027"
        : "Enter the re-assessment date as a day, month and year");
  }

  static LocalDate of(Map<String, ?> submitted) {
    return ((DateInParts.Reading.Date) PARTS.read(submitted)).date();
  }
}
