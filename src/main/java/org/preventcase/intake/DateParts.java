package org.preventcase.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.preventcase.formcheck.DateInParts;

/**
 * The referral's dates in both shapes they arrive in. The start form enters a date as day, month
 * and year (the GOV.UK date input, which no browser locale can swap: `personDateOfBirthDay`,
 * `personDateOfBirthMonth`, `personDateOfBirthYear`; a date-time adds its time of day,
 * `called999AtTime`); the partner API sends ISO text (`personDateOfBirth`: 2011-03-09,
 * `called999At`: 2026-11-23T09:15Z or London time). The API's are put into the form's parts to be
 * checked by the start form's schema and rules, and a checked date is read from either shape.
 */
final class DateParts {

  static final String DAY = "Day";
  static final String MONTH = "Month";
  static final String YEAR = "Year";
  static final String TIME = "Time";
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern CLOCK = Pattern.compile("\\s*(\\d{1,2})[:.](\\d{2})\\s*");

  private DateParts() {}

  /** The start form's day, month and year fields of a date field. */
  static DateInParts of(ReferralField field) {
    return new DateInParts(field.key());
  }

  /**
   * A partner's referral as the start form submits it: each date given as ISO text in the form's
   * parts (a date-time in London time). A date that is no date at all is a problem named by the API's
   * key; {@code apiKeys} gets, for each date the API gave or left out, its parts' keys and the API's key.
   */
  static Map<String, Object> toForm(Map<String, ?> submitted, List<FieldProblem> problems, Map<String, String> apiKeys) {
    Map<String, Object> form = new LinkedHashMap<>(submitted);
    for (ReferralField field : List.of(ReferralField.PERSON_DATE_OF_BIRTH, ReferralField.CALLED_999_AT)) {
      if (field.formKeys().stream().anyMatch(submitted::containsKey)) {
        continue; // entered in parts, as the start form does
      }
      field.formKeys().forEach(part -> apiKeys.put(part, field.key()));
      Object iso = form.remove(field.key());
      if (iso == null || (iso instanceof String text && text.isBlank())) {
        continue;
      }
      Optional<LocalDateTime> value = iso instanceof String text ? parse(field, text.strip()) : Optional.empty();
      if (value.isEmpty()) {
        problems.add(new FieldProblem(field.key(), ReferralMessages.subject(field) + " must be a real date"
            + (field.kind() == ReferralField.Kind.DATE_TIME ? " and time" : "")));
        continue;
      }
      List<String> parts = field.formKeys();
      form.put(parts.get(0), value.get().getDayOfMonth());
      form.put(parts.get(1), value.get().getMonthValue());
      form.put(parts.get(2), value.get().getYear());
      if (parts.size() == 4) {
        form.put(parts.get(3), value.get().toLocalTime().withSecond(0).withNano(0).toString());
      }
    }
    return form;
  }

  /** A date as ISO text; a date-time with an offset (form-js and partners write UTC) or in London time. */
  private static Optional<LocalDateTime> parse(ReferralField field, String text) {
    try {
      if (field.kind() == ReferralField.Kind.DATE) {
        return Optional.of(LocalDate.parse(text, ISO_DATE).atStartOfDay());
      }
      return Optional.of(moment(text).atZoneSameInstant(LONDON).toLocalDateTime());
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  private static OffsetDateTime moment(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeException noOffset) {
      return LocalDateTime.parse(text).atZone(LONDON).toOffsetDateTime();
    }
  }

  /** A time of day on the 24-hour clock (14:30, 9.05), or empty. */
  static Optional<LocalTime> time(Object part) {
    Matcher clock = CLOCK.matcher(part instanceof String text ? text : "");
    if (!clock.matches() || Integer.parseInt(clock.group(1)) > 23 || Integer.parseInt(clock.group(2)) > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2))));
  }

  /** The moment a date's parts and its time of day make, in London; empty if they make none. */
  static Optional<OffsetDateTime> moment(DateInParts.Reading date, Object time) {
    Optional<LocalTime> at = time(time);
    if (!(date instanceof DateInParts.Reading.Date day) || at.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ZonedDateTime.of(day.date(), at.get(), LONDON).toOffsetDateTime());
  }

  /** A checked date of birth, from the API's text or the form's parts; null if none was given. */
  static LocalDate date(ReferralField field, Map<String, ?> submitted) {
    if (submitted.get(field.key()) instanceof String text && !text.isBlank()) {
      return LocalDate.parse(text.strip(), ISO_DATE);
    }
    return of(field).read(submitted) instanceof DateInParts.Reading.Date day ? day.date() : null;
  }

  /** A checked date and time, from the API's text (as given) or the form's parts (London); null if none. */
  static OffsetDateTime dateTime(ReferralField field, Map<String, ?> submitted) {
    if (submitted.get(field.key()) instanceof String text && !text.isBlank()) {
      return moment(text.strip());
    }
    return moment(of(field).read(submitted), submitted.get(field.key() + TIME)).orElse(null);
  }
}
