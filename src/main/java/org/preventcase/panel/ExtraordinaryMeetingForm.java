package org.preventcase.panel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/** The fields of the start form panel-extraordinary-meeting (docs/panel.md), and its day. */
final class ExtraordinaryMeetingForm {

  static final String FORM_ID = "panel-extraordinary-meeting";
  static final String CASE_REF = "urgentCaseRef";
  static final String DAY = "meetingDateDay";
  static final String MONTH = "meetingDateMonth";
  static final String YEAR = "meetingDateYear";
  static final String WHY = "urgencyReason";

  private ExtraordinaryMeetingForm() {}

  /** The day the three fields give, if they make a real date. */
  static Optional<LocalDate> day(Function<String, ?> submitted) {
    if (!(submitted.apply(DAY) instanceof Number day) || !(submitted.apply(MONTH) instanceof Number month)
        || !(submitted.apply(YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year.intValue(), month.intValue(), day.intValue()));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }
}
