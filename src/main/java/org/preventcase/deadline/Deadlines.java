package org.preventcase.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Due dates from the configured deadlines (prevent.deadlines.durations, docs/modelling.md): working
 * days from the England and Wales bank-holiday calendar, or ISO-8601 periods, in Europe/London time.
 * Models get them as {@code <name>DueAt} variables (a {@link DueDateListener}); timers and task due
 * dates read those, so the models carry no durations of their own. Every deadline is checked at start.
 */
@Service
public class Deadlines {

  /** The variable a model reads for the deadline {@code name}. */
  public static String variableName(String name) {
    return name + "DueAt";
  }

  private final DeadlinesProperties properties;
  private final BankHolidayCalendar calendar;
  private final Map<String, Deadline> configured = new LinkedHashMap<>();
  private final Clock clock;

  public Deadlines(DeadlinesProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    if (properties.bankHolidays() == null) {
      throw new IllegalStateException("prevent.deadlines.bank-holidays must name the bank-holiday calendar");
    }
    this.calendar = BankHolidayCalendar.read(properties.bankHolidays());
    properties.durations().forEach((name, value) -> configured.put(name, Deadline.parse(name, value)));
  }

  /** The configured deadline {@code name} counted from {@code start}. */
  public Instant dueAt(String name, Instant start) {
    Deadline deadline = configured.get(name);
    if (deadline == null) {
      throw new IllegalArgumentException("No deadline prevent.deadlines.durations." + name + " is configured");
    }
    return dueAt(deadline, start);
  }

  /** The configured deadline {@code name} counted from now (the engine's clock). */
  public Date dueDate(String name) {
    return Date.from(dueAt(name, clock.instant()));
  }

  public Instant dueAt(Deadline deadline, Instant start) {
    ZonedDateTime from = start.atZone(properties.zone());
    if (deadline instanceof Deadline.WorkingDays days) {
      LocalDate day = calendar.workingDaysAfter(from.toLocalDate(), days.days());
      return day.atTime(properties.endOfWorkingDay()).atZone(properties.zone()).toInstant();
    }
    if (deadline instanceof Deadline.SameDay) {
      ZonedDateTime endOfWorkingDay = from.toLocalDate().atTime(properties.endOfWorkingDay()).atZone(properties.zone());
      return (from.isBefore(endOfWorkingDay) ? endOfWorkingDay
          : from.toLocalDate().plusDays(1).atStartOfDay(properties.zone())).toInstant();
    }
    if (deadline instanceof Deadline.CalendarPeriod period) {
      return from.plus(period.period()).toInstant();
    }
    return start.plus(((Deadline.Elapsed) deadline).duration());
  }

  /** An execution listener that sets {@code <name>DueAt} from now, for a model's start or step. */
  public DueDateListener listener(String name) {
    if (!configured.containsKey(name)) {
      throw new IllegalArgumentException("No deadline prevent.deadlines.durations." + name + " is configured");
    }
    return new DueDateListener(this, name);
  }

  public BankHolidayCalendar calendar() {
    return calendar;
  }
}
