package org.preventcase.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;

/**
 * Working days in England and Wales: Monday to Friday except the published bank holidays of the
 * reference file. The calendar covers the whole years it lists; asking about a day outside them is
 * an error, never a guess.
 */
public final class BankHolidayCalendar {

  private final Set<LocalDate> holidays;
  private final LocalDate first;
  private final LocalDate last;

  BankHolidayCalendar(Set<LocalDate> holidays) {
    if (holidays.isEmpty()) {
      throw new IllegalArgumentException("The bank-holiday calendar lists no holidays");
    }
    TreeSet<LocalDate> sorted = new TreeSet<>(holidays);
    this.holidays = Set.copyOf(sorted);
    this.first = sorted.first().withDayOfYear(1);
    this.last = sorted.last().withMonth(12).withDayOfMonth(31);
  }

  /** Reads the reference file: lines "yyyy-mm-dd,name"; a header line and lines starting with # are skipped. */
  public static BankHolidayCalendar read(Resource file) {
    Set<LocalDate> holidays = new TreeSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String date = line.split(",", 2)[0].strip();
        if (date.isEmpty() || date.startsWith("#") || date.equals("date")) {
          continue;
        }
        try {
          holidays.add(LocalDate.parse(date));
        } catch (DateTimeParseException bad) {
          throw new IllegalArgumentException("Bank-holiday calendar " + file.getDescription() + ", line " + number
              + ": not a date (yyyy-mm-dd)");
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Cannot read the bank-holiday calendar " + file.getDescription(), unreadable);
    }
    return new BankHolidayCalendar(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    requireCovered(day);
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** The n-th working day after {@code day} (n >= 1; the day itself does not count). */
  public LocalDate workingDaysAfter(LocalDate day, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("A deadline in working days counts at least one working day");
    }
    LocalDate current = day;
    for (int counted = 0; counted < n; ) {
      current = current.plusDays(1);
      if (isWorkingDay(current)) {
        counted++;
      }
    }
    return current;
  }

  public LocalDate lastCoveredDay() {
    return last;
  }

  private void requireCovered(LocalDate day) {
    if (day.isBefore(first) || day.isAfter(last)) {
      throw new DeadlineBeyondCalendarException("The bank-holiday calendar covers " + first + " to " + last
          + ": add the published bank holidays for " + day.getYear()
          + " to the calendar (prevent.deadlines.bank-holidays)");
    }
  }
}
