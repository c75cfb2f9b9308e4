package org.preventcase.boardreport;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Home Office's statistics year, 1 April to 31 March (Europe/London), named "2024/25", and its four
 * quarters: Q1 April to June, Q2 July to September, Q3 October to December, Q4 January to March.
 */
public record StatisticsYear(int firstYear) {

  private static final Pattern NAME = Pattern.compile("(\\d{4})(?:/(\\d{2}))?");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);

  public StatisticsYear {
    if (firstYear < 2000 || firstYear > 2999) {
      throw new IllegalArgumentException("year: a statistics year such as 2024/25");
    }
  }

  public static StatisticsYear containing(LocalDate day) {
    return new StatisticsYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
  }

  /** "2024/25" or "2024" (the year it starts in); anything else is refused naming the field. */
  public static StatisticsYear parse(String name) {
    Matcher matched = NAME.matcher(name == null ? "" : name.strip());
    if (!matched.matches()) {
      throw new IllegalArgumentException("year: a statistics year such as 2024/25");
    }
    int first = Integer.parseInt(matched.group(1));
    if (matched.group(2) != null && Integer.parseInt(matched.group(2)) != (first + 1) % 100) {
      throw new IllegalArgumentException("year: a statistics year runs from April to the next March, such as 2024/25");
    }
    return new StatisticsYear(first);
  }

  public LocalDate start() {
    return LocalDate.of(firstYear, Month.APRIL, 1);
  }

  /** The first day after the year. */
  public LocalDate end() {
    return start().plusYears(1);
  }

  /** The first month of quarter 1 to 4. */
  public LocalDate quarterStart(int quarter) {
    return start().plusMonths(3L * (quarter - 1));
  }

  /** The quarter (1 to 4) of a month within the year. */
  public int quarterOf(LocalDate month) {
    return (int) ChronoUnit.MONTHS.between(start(), month.withDayOfMonth(1)) / 3 + 1;
  }

  public StatisticsYear next() {
    return new StatisticsYear(firstYear + 1);
  }

  public StatisticsYear previous() {
    return new StatisticsYear(firstYear - 1);
  }

  public String name() {
    return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
  }

  /** "Q3 (Oct to Dec 2024)". */
  public String quarterName(int quarter) {
    LocalDate first = quarterStart(quarter);
    LocalDate last = first.plusMonths(2);
    return "Q" + quarter + " (" + MONTH.format(first) + " to " + MONTH.format(last) + " " + last.getYear() + ")";
  }
}
