package org.preventcase.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people in the UK read them, in Europe/London: "9 March 2011",
 * "1 Dec 2026, 18:57". Templates call it as {@code @ukTime}; a missing value shows as an empty string.
 */
@Component("ukTime")
public class UkTime {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  private final java.time.Clock clock;

  public UkTime(java.time.Clock clock) {
    this.clock = clock;
  }

  /** A calendar date, or the London date of an instant: "9 March 2011". */
  public String date(Object value) {
    if (value instanceof LocalDate date) {
      return DATE.format(date);
    }
    return value == null ? "" : DATE.format(inLondon(value));
  }

  /** An instant in London time: "1 Dec 2026, 18:57". */
  public String dateTime(Object value) {
    return value == null ? "" : DATE_TIME.format(inLondon(value)).replace("Sept", "Sep");
  }

  /** The age in whole years today (London), from a date of birth. */
  public Integer age(LocalDate dateOfBirth) {
    return dateOfBirth == null ? null : Period.between(dateOfBirth, LocalDate.now(clock.withZone(LONDON))).getYears();
  }

  private static TemporalAccessor inLondon(Object value) {
    Instant instant;
    if (value instanceof Instant at) {
      instant = at;
    } else if (value instanceof Date at) {
      instant = at.toInstant();
    } else if (value instanceof java.time.OffsetDateTime at) {
      instant = at.toInstant();
    } else if (value instanceof java.time.ZonedDateTime at) {
      instant = at.toInstant();
    } else {
      throw new IllegalArgumentException("Not a point in time: " + value.getClass().getSimpleName());
    }
    return instant.atZone(LONDON);
  }
}
