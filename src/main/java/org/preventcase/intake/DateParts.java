package org.preventcase.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date entered as day, month and year (the GOV.UK date input; a date-time adds a time of day),
 * which no browser locale can swap: the start form submits `personDateOfBirthDay`,
 * `personDateOfBirthMonth`, `personDateOfBirthYear` (numbers or digits), and the server composes the
 * ISO date `personDateOfBirth` the validator checks. The partner API may send either shape.
 */
final class DateParts {

  static final String DAY = "Day";
  static final String MONTH = "Month";
  static final String YEAR = "Year";
  static final String TIME = "Time";
  private static final Pattern DIGITS = Pattern.compile("\\s*(\\d{1,4})(?:\\.0+)?\\s*");
  private static final Pattern CLOCK = Pattern.compile("\\s*(\\d{1,2})[:.](\\d{2})\\s*");

  private DateParts() {}

  /**
   * The submission with each date field's parts replaced by the composed ISO value; parts that do
   * not make a real date are reported as the field's problem (its parts are removed either way).
   */
  static Map<String, Object> compose(Map<String, ?> submitted, List<FieldProblem> problems) {
    Map<String, Object> composed = new LinkedHashMap<>(submitted);
    for (ReferralField field : ReferralField.values()) {
      List<String> keys = field.formKeys();
      if (keys.size() == 1 || keys.stream().noneMatch(composed::containsKey)) {
        continue;
      }
      List<Object> parts = keys.stream().map(composed::remove).toList();
      if (parts.stream().allMatch(DateParts::blank)) {
        continue;
      }
      try {
        composed.put(field.key(), iso(parts));
      } catch (DateTimeException | IllegalArgumentException notADate) {
        problems.add(new FieldProblem(field.key(), field.label() + " must be a real date"
            + (parts.size() == 4 ? " and a time like 14:30" : "") + ", for example 27 3 2011"));
      }
    }
    return composed;
  }

  private static String iso(List<Object> parts) {
    LocalDate date = LocalDate.of(number(parts.get(2)), number(parts.get(1)), number(parts.get(0)));
    if (number(parts.get(2)) < 1000) {
      throw new IllegalArgumentException("a year has four digits");
    }
    if (parts.size() == 3) {
      return date.toString();
    }
    Matcher clock = CLOCK.matcher(text(parts.get(3)));
    if (!clock.matches()) {
      throw new IllegalArgumentException("not a time");
    }
    return date.atTime(LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)))).toString();
  }

  private static int number(Object part) {
    Matcher digits = DIGITS.matcher(text(part));
    if (!digits.matches()) {
      throw new IllegalArgumentException("not a number");
    }
    return Integer.parseInt(digits.group(1));
  }

  private static String text(Object part) {
    if (part instanceof Number number) {
      return number.toString();
    }
    if (part instanceof String string) {
      return string;
    }
    throw new IllegalArgumentException("neither a number nor text");
  }

  private static boolean blank(Object part) {
    return part == null || (part instanceof String text && text.isBlank());
  }
}
