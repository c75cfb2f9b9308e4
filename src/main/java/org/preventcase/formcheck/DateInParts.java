package org.preventcase.formcheck;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A date a form enters as day, month and year (the GOV.UK date input, which no browser locale can
 * swap): the number fields {@code <key>Day}, {@code <key>Month} and {@code <key>Year}. The schema
 * checks each part (a number, its range, required where shown); what the parts make together is a
 * form's {@link FormRules}, read here.
 */
public record DateInParts(String key) {

  /** What the parts make: nothing entered, some parts missing, no date (31 February), or the date. */
  public sealed interface Reading {
    record Empty() implements Reading {}

    /** @param missing the keys of the parts left empty, in day, month, year order */
    record Incomplete(List<String> missing) implements Reading {}

    record NotADate() implements Reading {}

    record Date(LocalDate date) implements Reading {}
  }

  public String day() {
    return key + "Day";
  }

  public String month() {
    return key + "Month";
  }

  public String year() {
    return key + "Year";
  }

  public List<String> keys() {
    return List.of(day(), month(), year());
  }

  /** True if the schema refused one of the parts: the date is not read again. */
  public boolean refusedIn(java.util.Set<String> refused) {
    return keys().stream().anyMatch(refused::contains);
  }

  public Reading read(Map<String, ?> submitted) {
    return read(submitted::get);
  }

  public Reading read(Function<String, ?> submitted) {
    List<Object> parts = keys().stream().<Object>map(submitted::apply).toList();
    List<String> missing = keys().stream().filter(part -> FormChecker.isEmpty(submitted.apply(part))).toList();
    if (missing.size() == parts.size()) {
      return new Reading.Empty();
    }
    if (!missing.isEmpty()) {
      return new Reading.Incomplete(missing);
    }
    Integer day = number(parts.get(0));
    Integer month = number(parts.get(1));
    Integer year = number(parts.get(2));
    if (day == null || month == null || year == null) {
      return new Reading.NotADate();
    }
    try {
      return new Reading.Date(LocalDate.of(year, month, day));
    } catch (DateTimeException notADate) {
      return new Reading.NotADate();
    }
  }

  /** A part as a whole number: a number without a fraction, or digits (a partner's "09"); else null. */
  public static Integer number(Object part) {
    if (part instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 100_000) {
      return number.intValue();
    }
    if (part instanceof String text && text.strip().matches("\\d{1,5}")) {
      return Integer.parseInt(text.strip());
    }
    return null;
  }
}
