package org.preventcase.intake;

import org.preventcase.vocabulary.RelationshipToPerson;
import org.preventcase.vocabulary.Urgency;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one validation of a referral, whichever way it arrives (the Tasklist start form, whose checks
 * run only in the browser, or the partner API): required fields, types, formats, lengths, choices
 * from the enumerations, dates that exist and are not in the future. Every bad field is reported,
 * by key and label, never with its value. Text is kept exactly as written.
 */
@Component
public class ReferralValidator {

  static final int OLDEST_AGE = 110;
  /** Names of people: refused with invisible or control characters, kept in Unicode NFC. */
  static final Set<ReferralField> NAMES = EnumSet.of(ReferralField.PERSON_GIVEN_NAMES, ReferralField.PERSON_FAMILY_NAME,
      ReferralField.PERSON_ALIASES, ReferralField.REFERRER_NAME);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
  private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
  private static final int MAX_KEY_SHOWN = 60;
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private final Clock clock;

  public ReferralValidator(Clock clock) {
    this.clock = clock;
  }

  /** The valid referral, or a {@link ReferralRefusedException} naming every bad field. */
  public ValidReferral validate(Map<String, ?> submission) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> submitted = DateParts.compose(submission, problems);
    submitted.keySet().stream().filter(key -> ReferralField.byKey(key).isEmpty()).sorted().forEach(key ->
        problems.add(new FieldProblem(shown(key), "'" + shown(key) + "' is not a question on the referral form")));
    Map<ReferralField, Object> values = new EnumMap<>(ReferralField.class);
    for (ReferralField field : ReferralField.values()) {
      Object raw = submitted.get(field.key());
      if (isAbsent(raw)) {
        if (field.required() && problems.stream().noneMatch(problem -> about(problem, field))) {
          problems.add(new FieldProblem(field.key(), ReferralMessages.required(field)));
        }
        continue;
      }
      try {
        values.put(field, parse(field, raw));
      } catch (BadValue bad) {
        problems.add(new FieldProblem(field.key(), bad.getMessage()));
      }
    }
    if (Urgency.IMMEDIATE_RISK.name().equals(values.get(ReferralField.URGENCY))
        && !values.containsKey(ReferralField.CALLED_999_AT)
        && problems.stream().noneMatch(problem -> about(problem, ReferralField.CALLED_999_AT))) {
      problems.add(new FieldProblem(ReferralField.CALLED_999_AT.key(),
          "Enter " + ReferralMessages.name(ReferralMessages.subject(ReferralField.CALLED_999_AT))
              + ": it is needed for an immediate risk"));
    }
    requireWhatOnlySomeReferralsNeed(values, problems);
    if (!problems.isEmpty()) {
      throw new ReferralRefusedException(problems);
    }
    return new ValidReferral(values);
  }

  /** A date of birth or an approximate age; a professional's role, organisation and e-mail. */
  private static void requireWhatOnlySomeReferralsNeed(Map<ReferralField, Object> values, List<FieldProblem> problems) {
    java.util.function.Predicate<ReferralField> reported = field -> problems.stream()
        .anyMatch(problem -> about(problem, field));
    if (!values.containsKey(ReferralField.PERSON_DATE_OF_BIRTH) && !values.containsKey(ReferralField.PERSON_APPROXIMATE_AGE)
        && !reported.test(ReferralField.PERSON_DATE_OF_BIRTH) && !reported.test(ReferralField.PERSON_APPROXIMATE_AGE)) {
      problems.add(new FieldProblem(ReferralField.PERSON_DATE_OF_BIRTH.key(),
          "Enter the person's date of birth, or their approximate age if it is not known"));
    }
    if (RelationshipToPerson.PROFESSIONAL.name().equals(values.get(ReferralField.REFERRER_RELATIONSHIP))) {
      ReferralField.PROFESSIONAL_ONLY.stream().filter(field -> !values.containsKey(field) && !reported.test(field))
          .forEach(field -> problems.add(new FieldProblem(field.key(), ReferralMessages.required(field))));
    }
  }

  /** A problem of this field, or of one of the parts a date is entered in. */
  private static boolean about(FieldProblem problem, ReferralField field) {
    return problem.field().equals(field.key()) || field.formKeys().contains(problem.field());
  }

  private static boolean isAbsent(Object raw) {
    return raw == null || (raw instanceof String text && text.isBlank()) || (raw instanceof List<?> list && list.isEmpty());
  }

  private Object parse(ReferralField field, Object raw) {
    if (field.kind() == ReferralField.Kind.CHOICES) {
      if (!(raw instanceof List<?> list)) {
        throw new BadValue(field.label() + " must be a list of choices");
      }
      List<String> codes = new ArrayList<>();
      for (Object item : list) {
        codes.add(choice(field, item));
      }
      return codes.stream().distinct().toList();
    }
    if (field.kind() == ReferralField.Kind.AGE) {
      return age(field, raw);
    }
    if (!(raw instanceof String text)) {
      throw new BadValue(field.label() + " must be text");
    }
    if (text.length() > field.maxLength()) {
      throw new BadValue(field.label() + " must be " + field.maxLength() + " characters or fewer");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new BadValue(field.label() + " must not contain a character that cannot be stored");
    }
    if (NAMES.contains(field)) {
      return name(field, text);
    }
    return switch (field.kind()) {
      case TEXT -> text;
      case CHOICE -> choice(field, text);
      case DATE -> dateOfBirth(field, text.strip());
      case DATE_TIME -> pastMoment(field, text.strip());
      case EMAIL -> matching(field, text.strip(), EMAIL, "Enter " + ReferralMessages.name(field.label())
          + " in the correct format, like name@example.com");
      case PHONE -> matching(field, text.strip(), PHONE, "Enter " + ReferralMessages.name(field.label())
          + " in the correct format, like 01632 960 001 or 07700 900 982");
      case POSTCODE -> matching(field, text.strip(), POSTCODE, "Enter a postcode, like PE1 1AB");
      case NHS_NUMBER -> nhsNumber(field, text);
      case CHOICES, AGE -> throw new IllegalStateException("handled above");
    };
  }

  private static String choice(ReferralField field, Object raw) {
    if (raw instanceof String code && field.options().stream().anyMatch(option -> option.name().equals(code))) {
      return code;
    }
    throw new BadValue(field.label() + " must be one of the options on the form");
  }

  /** An approximate age in whole years, 0 to the oldest age a date of birth may give, as a number or digits. */
  private static int age(ReferralField field, Object raw) {
    String text = raw instanceof Number number ? number.toString() : raw instanceof String string ? string.strip() : "";
    if (!text.matches("\\d{1,3}(\\.0+)?") || Double.parseDouble(text) > OLDEST_AGE) {
      throw new BadValue(ReferralMessages.invalid(field.key())
          .orElse(field.label() + " must be a whole number of years from 0 to " + OLDEST_AGE));
    }
    return (int) Double.parseDouble(text);
  }

  private LocalDate dateOfBirth(ReferralField field, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text, STRICT_DATE);
    } catch (DateTimeException notADate) {
      throw new BadValue(ReferralMessages.subject(field) + " must be a real date");
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (date.isAfter(today)) {
      throw new BadValue(ReferralMessages.subject(field) + " must be in the past");
    }
    LocalDate earliest = today.minusYears(OLDEST_AGE + 1);
    if (!date.isAfter(earliest)) {
      throw new BadValue(ReferralMessages.subject(field) + " must be after " + UK_DATE.format(earliest));
    }
    return date;
  }

  /**
   * A name as written, in Unicode NFC (so the same name typed on two keyboards matches), refused if
   * it holds what no name holds: control characters, bidirectional overrides and other invisible
   * formatting (zero-width) characters, or text that was not valid UTF-8. Aliases are one per line.
   */
  private static String name(ReferralField field, String text) {
    String name = Normalizer.normalize(text, Normalizer.Form.NFC);
    boolean perLine = field == ReferralField.PERSON_ALIASES;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (perLine && (c == '\n' || c == '\r')) {
        continue;
      }
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
            throw new BadValue(field.label() + (perLine
                ? " must have one name on each line, with no tabs or other control characters"
                : " must be on one line, with no tabs or other control characters"));
        case Character.FORMAT -> throw new BadValue(field.label()
            + " must not contain invisible characters, such as a zero-width space or a text-direction mark: "
            + "type the name again");
        case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> throw new BadValue(notText(field));
        default -> {
          if (c == '\uFFFD') { // what a decoder puts for bytes that are not UTF-8
            throw new BadValue(notText(field));
          }
        }
      }
    }
    return name;
  }

  private static String notText(ReferralField field) {
    return field.label() + " must be typed again: part of it is not text (not UTF-8)";
  }

  /** ISO-8601 with an offset (form-js writes UTC, e.g. 2026-11-23T09:15Z) or local London time. */
  private OffsetDateTime pastMoment(ReferralField field, String text) {
    OffsetDateTime moment;
    try {
      moment = OffsetDateTime.parse(text);
    } catch (DateTimeException noOffset) {
      try {
        moment = LocalDateTime.parse(text).atZone(LONDON).toOffsetDateTime();
      } catch (DateTimeException notADateTime) {
        throw new BadValue(ReferralMessages.subject(field) + " must be a real date and time");
      }
    }
    if (moment.toInstant().isAfter(clock.instant().plusSeconds(300))) {
      throw new BadValue(ReferralMessages.subject(field) + " must be in the past");
    }
    return moment;
  }

  /** The text if it matches; else the form's message for the field, or this one. */
  private static String matching(ReferralField field, String text, Pattern pattern, String message) {
    if (!pattern.matcher(text).matches()) {
      throw new BadValue(ReferralMessages.invalid(field.key()).orElse(message));
    }
    return text;
  }

  /** Ten digits (spaces allowed) whose last is the modulus-11 check digit of the first nine. */
  static String nhsNumber(ReferralField field, String text) {
    String invalid = ReferralMessages.invalid(field.key()).orElse("Enter a valid NHS number, like 485 777 3456");
    String digits = text.replace(" ", "");
    if (!digits.matches("\\d{10}")) {
      throw new BadValue(invalid);
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    if (check == 10 || check != digits.charAt(9) - '0') {
      throw new BadValue(invalid);
    }
    return digits;
  }

  static String shown(String key) {
    String printable = key.replaceAll("[^A-Za-z0-9_.-]", "?");
    return printable.length() > MAX_KEY_SHOWN ? printable.substring(0, MAX_KEY_SHOWN) + "..." : printable;
  }

  /** A field's value breaks its rule: the message says what to do, naming the field. */
  private static final class BadValue extends RuntimeException {
    BadValue(String rule) {
      super(rule, null, false, false);
    }
  }
}
