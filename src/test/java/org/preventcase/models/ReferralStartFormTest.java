package org.preventcase.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.preventcase.intake.ReferralField;

/**
 * The referral start form carries exactly the fields the server validates and stores
 * (ReferralField; a date as its day, month and year), with the same required flags and length
 * limits, so the browser's checks and the server's agree; no date is entered through form-js's
 * date picker, whose day/month order follows the browser's locale.
 */
class ReferralStartFormTest {

  static final Path FORM = ProjectFiles.FORMS.resolve("referral-intake-start.form");

  static Map<String, JsonNode> keyedFields() {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    FormOptionsMatchEnumerationsTest.fields(ProjectFiles.form(FORM).path("components"))
        .filter(field -> field.has("key")).forEach(field -> fields.put(field.path("key").asText(), field));
    return fields;
  }

  @Test
  void theFormOffersEveryFieldOfTheNationalReferralFormAndNoOther() {
    assertThat(keyedFields().keySet()).containsExactlyInAnyOrderElementsOf(
        Stream.of(ReferralField.values()).flatMap(field -> field.formKeys().stream()).toList());
  }

  @Test
  void datesAreEnteredAsDayMonthAndYearNeverThroughTheLocaleDependentPicker() {
    assertThat(keyedFields().values()).extracting(field -> field.path("type").asText()).doesNotContain("datetime");
    assertThat(ReferralField.PERSON_DATE_OF_BIRTH.formKeys())
        .containsExactly("personDateOfBirthDay", "personDateOfBirthMonth", "personDateOfBirthYear");
    assertThat(keyedFields().get("personDateOfBirthMonth").path("validate").path("max").asInt()).isEqualTo(12);
  }

  @Test
  void requiredFlagsAndLengthLimitsMatchTheServersValidation() {
    Map<String, JsonNode> fields = keyedFields();
    for (ReferralField field : ReferralField.values()) {
      for (String key : field.formKeys()) {
        JsonNode validate = fields.get(key).path("validate");
        boolean conditional = fields.get(key).has("conditional");
        boolean requiredWhenShown = field.required() || ReferralField.PROFESSIONAL_ONLY.contains(field)
            || field == ReferralField.CALLED_999_AT;
        assertThat(validate.path("required").asBoolean(false)).as(key + " required").isEqualTo(requiredWhenShown);
        assertThat(conditional).as(key + " shown only when it applies").isEqualTo(requiredWhenShown && !field.required());
        if (key.equals(field.key()) && List.of("textfield", "textarea").contains(fields.get(key).path("type").asText())) {
          assertThat(validate.path("maxLength").asInt()).as(key + " maxLength").isEqualTo(field.maxLength());
        }
      }
    }
  }
}
