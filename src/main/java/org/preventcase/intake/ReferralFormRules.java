package org.preventcase.intake;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.preventcase.formcheck.DateInParts;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.springframework.stereotype.Component;

/**
 * What the referral start form's schema cannot say, checked after it by the same check on every way a
 * referral arrives (Tasklist, the engine REST API, the partner API, the intake's start listener):
 * a date of birth or an approximate age; a date of birth whose parts make a real date, in the past
 * and not more than {@value #OLDEST_AGE} years ago; when 999 was called, a real date and time of day, not in the future; names without control, invisible or
 * invalid characters; an NHS number's modulus-11 check digit; a UK postcode; a phone number. The
 * messages are the start form's own words for the field where it has them ({@link ReferralMessages}).
 * Fields the schema already refused are not checked again.
 */
@Component
public class ReferralFormRules implements FormRules {

  public static final String FORM_ID = "referral-intake-start";
  static final int OLDEST_AGE = 110;
  /** Names of people: refused with invisible or control characters, kept in Unicode NFC. */
  static final Set<ReferralField> NAMES = EnumSet.of(ReferralField.PERSON_GIVEN_NAMES, ReferralField.PERSON_FAMILY_NAME,
      ReferralField.PERSON_ALIASES, ReferralField.REFERRER_NAME);
  private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final int CLOCK_SKEW_SECONDS = 300;
  private final Clock clock;

  public ReferralFormRules(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String formId() {
    return FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    List<FieldError> errors = new ArrayList<>();
    dateOfBirthOrAge(submitted, refused, errors);
    called999At(submitted, refused, errors);
    for (ReferralField name : NAMES) {
      text(submitted, refused, name).flatMap(text -> nameProblem(name, text)).ifPresent(problem -> errors.add(
          error(name.key(), name, problem)));
    }
    text(submitted, refused, ReferralField.PERSON_NHS_NUMBER).filter(text -> nhsNumber(text).isEmpty())
        .ifPresent(text -> errors.add(invalid(ReferralField.PERSON_NHS_NUMBER, "Enter a valid NHS number, like 485 777 3456")));
    text(submitted, refused, ReferralField.PERSON_POSTCODE).filter(text -> !POSTCODE.matcher(text.strip()).matches())
        .ifPresent(text -> errors.add(invalid(ReferralField.PERSON_POSTCODE, "Enter a postcode, like PE1 1AB")));
    text(submitted, refused, ReferralField.REFERRER_PHONE).filter(text -> !PHONE.matcher(text.strip()).matches())
        .ifPresent(text -> errors.add(invalid(ReferralField.REFERRER_PHONE,
            "Enter a phone number, like 01632 960 001 or 07700 900 982")));
    return errors;
  }

  private void dateOfBirthOrAge(Map<String, ?> submitted, Set<String> refused, List<FieldError> errors) {
    ReferralField born = ReferralField.PERSON_DATE_OF_BIRTH;
    DateInParts parts = DateParts.of(born);
    String age = ReferralField.PERSON_APPROXIMATE_AGE.key();
    Object approximateAge = submitted.get(age);
    if (parts.refusedIn(refused)) {
      return;
    }
    DateInParts.Reading reading = parts.read(submitted);
    String subject = ReferralMessages.subject(born);
    if (reading instanceof DateInParts.Reading.Empty && !given(approximateAge) && !refused.contains(age)) {
      errors.add(error(parts.day(), born, "Enter the person's date of birth, or their approximate age if it is not known"));
    } else if (reading instanceof DateInParts.Reading.Incomplete incomplete) {
      errors.add(error(incomplete.missing().get(0), born, subject + " must include a " + String.join(" and ",
          incomplete.missing().stream().map(key -> key.substring(born.key().length()).toLowerCase(Locale.UK)).toList())));
    } else if (reading instanceof DateInParts.Reading.NotADate) {
      errors.add(error(parts.day(), born, subject + " must be a real date"));
    } else if (reading instanceof DateInParts.Reading.Date day) {
      LocalDate today = LocalDate.now(clock.withZone(DateParts.LONDON));
      LocalDate earliest = today.minusYears(OLDEST_AGE + 1);
      if (day.date().isAfter(today)) {
        errors.add(error(parts.day(), born, subject + " must be in the past"));
      } else if (!day.date().isAfter(earliest)) {
        errors.add(error(parts.day(), born, subject + " must be after " + UK_DATE.format(earliest)));
      }
    }
  }

  /** The schema asks for every part when there is an immediate risk (and hides them otherwise). */
  private void called999At(Map<String, ?> submitted, Set<String> refused, List<FieldError> errors) {
    ReferralField called = ReferralField.CALLED_999_AT;
    DateInParts parts = DateParts.of(called);
    String time = called.key() + DateParts.TIME;
    if (parts.refusedIn(refused) || refused.contains(time) || !given(submitted.get(time))) {
      return;
    }
    DateInParts.Reading reading = parts.read(submitted);
    String subject = ReferralMessages.subject(called);
    if (reading instanceof DateInParts.Reading.NotADate) {
      errors.add(error(parts.day(), called, subject + " must be a real date"));
    } else if (DateParts.time(submitted.get(time)).isEmpty()) {
      errors.add(error(time, called, ReferralMessages.invalid(time)
          .orElse("Enter the time 999 was called on the 24-hour clock, like 14:30")));
    } else {
      DateParts.moment(reading, submitted.get(time))
          .filter(moment -> moment.toInstant().isAfter(clock.instant().plusSeconds(CLOCK_SKEW_SECONDS)))
          .ifPresent(future -> errors.add(error(parts.day(), called, subject + " must be in the past")));
    }
  }

  private static boolean given(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }

  /** A text field the schema passed, if it was given. */
  private static Optional<String> text(Map<String, ?> submitted, Set<String> refused, ReferralField field) {
    return !refused.contains(field.key()) && submitted.get(field.key()) instanceof String text && !text.isBlank()
        ? Optional.of(text) : Optional.empty();
  }

  private static FieldError error(String key, ReferralField field, String message) {
    return new FieldError(key, field.label(), message);
  }

  /** The form's own message for a value that breaks the field's rule, or this one. */
  private static FieldError invalid(ReferralField field, String otherwise) {
    return error(field.key(), field, ReferralMessages.invalid(field.key()).orElse(otherwise));
  }

  /**
   * What no name holds: control characters, bidirectional overrides and other invisible formatting
   * (zero-width) characters, or text that was not valid UTF-8. Aliases are one per line.
   */
  static Optional<String> nameProblem(ReferralField field, String text) {
    String name = Normalizer.normalize(text, Normalizer.Form.NFC);
    boolean perLine = field == ReferralField.PERSON_ALIASES;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (perLine && (c == '\n' || c == '\r')) {
        continue;
      }
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
          return Optional.of(field.label() + (perLine
              ? " must have one name on each line, with no tabs or other control characters"
              : " must be on one line, with no tabs or other control characters"));
        }
        case Character.FORMAT -> {
          return Optional.of(field.label() + " must not contain invisible characters, such as a zero-width space or a "
              + "text-direction mark: type the name again");
        }
        case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> {
          return Optional.of(notText(field));
        }
        default -> {
          if (c == '\uFFFD') { // what a decoder puts for bytes that are not UTF-8
            return Optional.of(notText(field));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String notText(ReferralField field) {
    return field.label() + " must be typed again: part of it is not text (not UTF-8)";
  }

  /** Ten digits (spaces allowed) whose last is the modulus-11 check digit of the first nine; the digits, or empty. */
  static Optional<String> nhsNumber(String text) {
    String digits = text.replace(" ", "");
    if (!digits.matches("\\d{10}")) {
      return Optional.empty();
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0' ? Optional.of(digits) : Optional.empty();
  }
}
