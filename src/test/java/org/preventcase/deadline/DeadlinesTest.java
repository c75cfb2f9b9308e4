package org.preventcase.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Due dates in working days (England and Wales, Europe/London) and ISO-8601 periods. */
class DeadlinesTest {

  static final ClassPathResource CALENDAR = new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv");

  final Deadlines deadlines = new Deadlines(new DeadlinesProperties(CALENDAR, null, null,
      Map.of("screening", "5WD", "oneDay", "1wd", "firstReview", "P6M", "callBack", "PT4H")),
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      across Good Friday and Easter Monday 2026            | 2026-04-02T09:00:00Z | oneDay    | 2026-04-07T16:00:00Z
      across a weekend                                     | 2026-11-20T12:00:00Z | oneDay    | 2026-11-23T17:00:00Z
      five working days within one week                    | 2026-11-23T08:00:00Z | screening | 2026-11-30T17:00:00Z
      across the March clock change (GMT to BST)           | 2026-03-27T09:00:00Z | oneDay    | 2026-03-30T16:00:00Z
      across the October clock change (BST to GMT)         | 2026-10-23T08:00:00Z | oneDay    | 2026-10-26T17:00:00Z
      five working days across the clock change and Easter | 2026-03-27T10:00:00Z | screening | 2026-04-07T16:00:00Z
      the start's London date, not its UTC date            | 2026-06-30T23:30:00Z | oneDay    | 2026-07-02T16:00:00Z
      across Christmas and the Boxing Day substitute 2026  | 2026-12-24T10:00:00Z | oneDay    | 2026-12-29T17:00:00Z
      across Easter 2025                                   | 2025-04-17T10:00:00Z | oneDay    | 2025-04-22T16:00:00Z
      across the late May bank holiday 2027                | 2027-05-28T10:00:00Z | oneDay    | 2027-06-01T16:00:00Z
      a calendar period keeps the London wall-clock time   | 2026-01-15T10:00:00Z | firstReview | 2026-07-15T09:00:00Z
      an elapsed duration                                  | 2026-10-25T00:30:00Z | callBack  | 2026-10-25T04:30:00Z
      """)
  void aDeadlineFallsWhereTheGuidanceCountsIt(String situation, Instant start, String name, Instant due) {
    assertThat(deadlines.dueAt(name, start)).isEqualTo(due);
  }

  @Test
  void aWorkingDayDeadlinePastTheEndOfTheCalendarFailsLoudly() {
    assertThatThrownBy(() -> deadlines.dueAt("screening", Instant.parse("2027-12-24T10:00:00Z")))
        .isInstanceOf(DeadlineBeyondCalendarException.class)
        .hasMessageContaining("2027-12-31").hasMessageContaining("2028");
  }

  @Test
  void theCalendarHoldsThePublishedHolidaysOf2025To2027() {
    BankHolidayCalendar calendar = deadlines.calendar();
    assertThat(holidays(calendar, 2025)).containsExactly("01-01", "04-18", "04-21", "05-05", "05-26", "08-25",
        "12-25", "12-26");
    assertThat(holidays(calendar, 2026)).containsExactly("01-01", "04-03", "04-06", "05-04", "05-25", "08-31",
        "12-25", "12-28");
    assertThat(holidays(calendar, 2027)).containsExactly("01-01", "03-26", "03-29", "05-03", "05-31", "08-30",
        "12-27", "12-28");
    assertThat(calendar.lastCoveredDay()).isEqualTo(LocalDate.of(2027, Month.DECEMBER, 31));
  }

  @Test
  void theDueDateVariableIsCountedFromTheEngineClock() {
    assertThat(Deadlines.variableName("screening")).isEqualTo("screeningDueAt");
    assertThat(deadlines.dueDate("screening").toInstant()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({"five days", "0WD", "P0D", "-P1D", "PT0S", "''"})
  void aDeadlineThatIsNotWorkingDaysOrAnIsoPeriodIsRefusedAtStartNamingItsKey(String value) {
    assertThatThrownBy(() -> new Deadlines(new DeadlinesProperties(CALENDAR, null, null, Map.of("panel", value)),
        Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prevent.deadlines.durations.panel");
  }

  @Test
  void anUnknownDeadlineIsAnError() {
    assertThatThrownBy(() -> deadlines.dueAt("nonsense", Instant.now()))
        .hasMessageContaining("prevent.deadlines.durations.nonsense");
  }

  static List<String> holidays(BankHolidayCalendar calendar, int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    return IntStream.range(0, first.lengthOfYear()).mapToObj(first::plusDays)
        .filter(day -> day.getDayOfWeek().getValue() < 6 && !calendar.isWorkingDay(day))
        .map(day -> day.toString().substring(5)).toList();
  }
}
