package org.preventcase.information;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.preventcase.formcheck.DateInParts;

/**
 * The new due date the case owner gives when waiting longer for an agency: day, month and year
 * (form information-overdue: {@code newDueDateDay}, {@code newDueDateMonth}, {@code newDueDateYear}),
 * a real date after today (London). The same reading for the form's server-side rules and the
 * decision's complete listener.
 */
final class NewDueDate {

  static final DateInParts PARTS = new DateInParts(InformationGathering.NEW_DUE_DATE);
  static final String DAY = PARTS.day();
  static final String MONTH = PARTS.month();
  static final String YEAR = PARTS.year();
  static final String LABEL = "New due date";

  private NewDueDate() {}

  /** The date, or the problem in plain words (naming the field, never the value given). */
  record Reading(Optional<LocalDate> date, String problem) {}

  static Reading read(Function<String, Object> submitted, LocalDate today) {
    DateInParts.Reading parts = PARTS.read(submitted);
    if (!(parts instanceof DateInParts.Reading.Date made)) {
      return problem(parts instanceof DateInParts.Reading.NotADate
          ? "The new due date must be a real date, for example 27 3 2027"
          : "Enter the new due date as a day, month and year");
    }
    if (!made.date().isAfter(today)) {
      return problem("The new due date must be after today");
    }
    return new Reading(Optional.of(made.date()), null);
  }

  private static Reading problem(String message) {
    return new Reading(Optional.empty(), message);
  }
}
