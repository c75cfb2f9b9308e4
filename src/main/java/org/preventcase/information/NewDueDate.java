package org.preventcase.information;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The new due date the case owner gives when waiting longer for an agency: day, month and year
 * (form information-overdue: {@code newDueDateDay}, {@code newDueDateMonth}, {@code newDueDateYear}),
 * a real date after today (London). The same reading for the form's server-side rules and the
 * decision's complete listener.
 */
final class NewDueDate {

  static final String DAY = InformationGathering.NEW_DUE_DATE + "Day";
  static final String MONTH = InformationGathering.NEW_DUE_DATE + "Month";
  static final String YEAR = InformationGathering.NEW_DUE_DATE + "Year";
  static final String LABEL = "New due date";

  private NewDueDate() {}

  /** The date, or the problem in plain words (naming the field, never the value given). */
  record Reading(Optional<LocalDate> date, String problem) {}

  static Reading read(Function<String, Object> submitted, LocalDate today) {
    Integer day = number(submitted.apply(DAY));
    Integer month = number(submitted.apply(MONTH));
    Integer year = number(submitted.apply(YEAR));
    if (day == null || month == null || year == null) {
      return problem("Enter the new due date as a day, month and year");
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException notADate) {
      return problem("The new due date must be a real date, for example 27 3 2027");
    }
    if (!date.isAfter(today)) {
      return problem("The new due date must be after today");
    }
    return new Reading(Optional.of(date), null);
  }

  private static Reading problem(String message) {
    return new Reading(Optional.empty(), message);
  }

  private static Integer number(Object part) {
    if (part instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    if (part instanceof String text && text.strip().matches("\\d{1,4}")) {
      return Integer.parseInt(text.strip());
    }
    return null;
  }
}
