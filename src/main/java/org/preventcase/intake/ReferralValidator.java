package org.preventcase.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormField;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.formcheck.FormSubmissions;
import org.springframework.stereotype.Component;

/**
 * The one validation of a referral, whichever way it arrives (the Tasklist start form, the engine
 * REST API, the partner API): the start form's own deployed schema and its {@link ReferralFormRules},
 * by the one form check ({@link FormSubmissions}), as the form check in front of the engine APIs runs
 * them. A partner's JSON is first put into the start form's fields (its dates in day, month and year,
 * {@link DateParts}) and its refusals are named by the API's own keys (`personDateOfBirth`, not
 * `personDateOfBirthDay`). Every bad field is reported, never with its value. A valid referral's
 * values are then typed: text exactly as written (names in Unicode NFC), dates, codes.
 */
@Component
public class ReferralValidator {

  private final FormSubmissions submissions;

  public ReferralValidator(FormSubmissions submissions) {
    this.submissions = submissions;
  }

  /** The valid referral, or a {@link ReferralRefusedException} naming every bad field. */
  public ValidReferral validate(FormSchema startForm, Map<String, ?> submission) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, String> apiKeys = new HashMap<>();
    Map<String, Object> form = DateParts.toForm(submission, problems, apiKeys);
    Set<String> named = new HashSet<>(problems.stream().map(FieldProblem::field).toList());
    for (FieldError error : submissions.check(startForm, form, Map.of())) {
      String key = apiKeys.getOrDefault(error.field(), error.field());
      if (named.add(key)) {
        problems.add(new FieldProblem(key, key.equals(error.field()) ? error.message()
            : apiMessage(startForm, error, key, submission.get(key))));
      }
    }
    if (!problems.isEmpty()) {
      throw new ReferralRefusedException(problems);
    }
    Map<ReferralField, Object> values = new EnumMap<>(ReferralField.class);
    for (ReferralField field : ReferralField.values()) {
      Object value = switch (field.kind()) {
        case DATE -> DateParts.date(field, submission);
        case DATE_TIME -> DateParts.dateTime(field, submission);
        default -> typed(field, submission.get(field.key()));
      };
      if (value != null) {
        values.put(field, value);
      }
    }
    return new ValidReferral(values);
  }

  /**
   * A refusal of a date's part, said of the date the API sent whole: a part left empty is the date
   * left out ("Enter the date and time 999 was called"), a part named by its label is the date
   * ("When 999 was called does not apply here: leave it empty"); any other is the form's own message.
   */
  private static String apiMessage(FormSchema startForm, FieldError error, String key, Object sentWhole) {
    ReferralField date = ReferralField.byKey(key).orElseThrow();
    boolean leftOut = sentWhole == null || (sentWhole instanceof String text && text.isBlank());
    boolean partLeftEmpty = startForm.field(error.field()).map(FormField::requiredMessage)
        .filter(error.message()::equals).isPresent();
    if (leftOut && partLeftEmpty) {
      return "Enter " + ReferralMessages.name(ReferralMessages.subject(date));
    }
    return error.label() != null && error.message().startsWith(error.label() + " ")
        ? date.label() + error.message().substring(error.label().length()) : error.message();
  }

  /** A checked value as the case record keeps it; null if not given. */
  private static Object typed(ReferralField field, Object raw) {
    if (raw == null || (raw instanceof String text && text.isBlank()) || (raw instanceof List<?> list && list.isEmpty())) {
      return null;
    }
    return switch (field.kind()) {
      case CHOICES -> ((List<?>) raw).stream().map(String::valueOf).distinct().toList();
      case AGE -> org.preventcase.formcheck.DateInParts.number(raw);
      case NHS_NUMBER -> ((String) raw).replace(" ", "");
      case EMAIL, PHONE, POSTCODE -> ((String) raw).strip();
      default -> ReferralFormRules.NAMES.contains(field) ? Normalizer.normalize((String) raw, Normalizer.Form.NFC) : raw;
    };
  }
}
