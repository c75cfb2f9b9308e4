package org.preventcase.deadline;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured deadline: {@code 5WD} (working days: 17:00 London time on the 5th working day after the
 * start), {@code SAME_DAY} (17:00 London time on the day of the start, or the end of that day for a
 * start after 17:00), or an ISO-8601 calendar period ({@code P6M}, {@code P30D}) or duration ({@code PT4H}).
 */
public sealed interface Deadline {

  /** Due the day it starts: at the end of the working day, or at midnight when that has passed. */
  record SameDay() implements Deadline {}

  record WorkingDays(int days) implements Deadline {}

  record CalendarPeriod(Period period) implements Deadline {}

  record Elapsed(Duration duration) implements Deadline {}

  Pattern WORKING_DAYS = Pattern.compile("(\\d{1,3})\\s*WD");

  /** Parses a configured value; the message names the key, never guesses. */
  static Deadline parse(String key, String value) {
    String text = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
    Matcher workingDays = WORKING_DAYS.matcher(text);
    if (text.equals("SAME_DAY")) {
      return new SameDay();
    }
    try {
      if (workingDays.matches()) {
        int days = Integer.parseInt(workingDays.group(1));
        if (days > 0) {
          return new WorkingDays(days);
        }
      } else if (text.contains("T")) {
        Duration duration = Duration.parse(text);
        if (!duration.isNegative() && !duration.isZero()) {
          return new Elapsed(duration);
        }
      } else {
        Period period = Period.parse(text);
        if (!period.isNegative() && !period.isZero()) {
          return new CalendarPeriod(period);
        }
      }
    } catch (DateTimeParseException notIso) {
      // reported below
    }
    throw new IllegalArgumentException("prevent.deadlines.durations." + key
        + " must be a positive number of working days (e.g. 5WD), SAME_DAY, or an ISO-8601 period (P6M) or duration (PT4H)");
  }
}
