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
   * not make a real date are reported (its parts are removed either way) as the GOV.UK date input
   * says it: a missing part by that part ("Date of birth must include a month"), a part out of its
   * range by the form's message for it, and a date that does not exist by the date.
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
      String subject = ReferralMessages.subject(field);
      List<String> missing = new java.util.ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        if (blank(parts.get(i))) {
          missing.add(keys.get(i));
        }
      }
      if (!missing.isEmpty()) {
        problems.add(new FieldProblem(missing.get(0), subject + " must include a " + String.join(" and ", missing.stream()
            .map(key -> key.substring(field.key().length()).toLowerCase(java.util.Locale.UK)).toList())));
        continue;
      }
      String badPart = badPart(keys, parts);
      if (badPart != null) {
        problems.add(new FieldProblem(badPart, ReferralMessages.invalid(badPart)
            .orElse(subject + " must be a real date" + (parts.size() == 4 ? " and time" : ""))));
        continue;
      }
      try {
        composed.put(field.key(), iso(parts));
      } catch (DateTimeException notADate) {
        problems.add(new FieldProblem(field.key(), subject + " must be a real date"));
      }
    }
    return composed;
  }

  /** The first part that is no day (1-31), month (1-12), four-digit year or time of day (14:30). */
  private static String badPart(List<String> keys, List<Object> parts) {
    int[] highest = {31, 12, 9999};
    for (int i = 0; i < 3; i++) {
      Integer value = numberOrNull(parts.get(i));
      if (value == null || value < (i == 2 ? 1000 : 1) || value > highest[i]) {
        return keys.get(i);
      }
    }
    if (parts.size() == 4) {
      Matcher clock = CLOCK.matcher(text(parts.get(3)));
      if (!clock.matches() || Integer.parseInt(clock.group(1)) > 23 || Integer.parseInt(clock.group(2)) > 59) {
        return keys.get(3);
      }
    }
    return null;
  }

  private static String iso(List<Object> parts) {
    LocalDate date = LocalDate.of(number(parts.get(2)), number(parts.get(1)), number(parts.get(0)));
    if (parts.size() == 3) {
      return date.toString();
    }
    Matcher clock = CLOCK.matcher(text(parts.get(3)));
    clock.matches();
    return date.atTime(LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)))).toString();
  }

  private static Integer numberOrNull(Object part) {
    try {
      return number(part);
    } catch (IllegalArgumentException notANumber) {
      return null;
    }
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
    return ""; // neither a number nor text: no part of a date
  }

  private static boolean blank(Object part) {
    return part == null || (part instanceof String text && text.isBlank());
  }
}
