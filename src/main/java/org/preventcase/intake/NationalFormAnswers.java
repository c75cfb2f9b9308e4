package org.preventcase.intake;

import static org.preventcase.intake.ReferralField.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.preventcase.casefile.CaseView;
import org.preventcase.casefile.ReferralAnswers;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * A stored referral as the national form asks it ({@link ReferralField} order): the referral's own
 * columns and its details together, the person's fields left to the person's section of the page.
 * Answers stored under a key the form no longer has follow at the end, their key in words.
 */
@Component
class NationalFormAnswers implements ReferralAnswers {

  /** Shown in the person's section of the case page, from the person's record. */
  private static final Set<ReferralField> PERSON = EnumSet.of(PERSON_GIVEN_NAMES, PERSON_FAMILY_NAME, PERSON_ALIASES,
      PERSON_DATE_OF_BIRTH, PERSON_GENDER, PERSON_ADDRESS, PERSON_POSTCODE, PERSON_NHS_NUMBER);

  private final UkTime time;

  NationalFormAnswers(UkTime time) {
    this.time = time;
  }

  @Override
  public List<Answer> of(CaseView.Referral referral) {
    Map<String, Object> stored = new LinkedHashMap<>(referral.details());
    stored.put(REFERRER_SECTOR.key(), referral.referrerSector());
    stored.put(CONCERN_TYPE.key(), referral.concernType());
    stored.put(URGENCY.key(), referral.urgency());
    stored.put(CONCERN_DESCRIPTION.key(), referral.concern());
    stored.put(REFERRER_EMAIL.key(), referral.referrerEmail());
    stored.put(CALLED_999_AT.key(), referral.called999At());
    List<Answer> answers = new ArrayList<>();
    for (ReferralField field : ReferralField.values()) {
      Object value = stored.remove(field.key());
      if (!PERSON.contains(field) && value != null && !String.valueOf(value).isBlank()) {
        answers.add(new Answer(field.label(), answer(field, value), field.kind() == Kind.TEXT));
      }
    }
    stored.forEach((key, value) -> {
      if (value != null) {
        answers.add(new Answer(question(key), String.valueOf(value), true));
      }
    });
    return answers;
  }

  private String answer(ReferralField field, Object value) {
    return switch (field.kind()) {
      case CHOICE -> label(field, value);
      case CHOICES -> value instanceof List<?> many
          ? many.stream().map(one -> label(field, one)).collect(Collectors.joining(", ")) : label(field, value);
      case DATE -> value instanceof LocalDate date ? time.date(date) : time.date(LocalDate.parse(value.toString()));
      case DATE_TIME -> value instanceof String text ? time.dateTime(java.time.OffsetDateTime.parse(text))
          : time.dateTime(value);
      default -> String.valueOf(value);
    };
  }

  private static String label(ReferralField field, Object code) {
    return field.options().stream().filter(option -> option.name().equals(String.valueOf(code)))
        .map(FormOption::label).findFirst().orElse(String.valueOf(code));
  }

  /** A form field key as a question: personSchoolOrWorkplace reads "Person school or workplace". */
  static String question(String key) {
    String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
