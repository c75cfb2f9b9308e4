package org.preventcase.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preventcase.intake.ReferralField;

/**
 * The referral start form carries exactly the fields the server validates and stores
 * (ReferralField), with the same required flags and length limits, so the browser's checks and the
 * server's agree.
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
    assertThat(keyedFields().keySet()).containsExactlyInAnyOrderElementsOf(ReferralField.keys());
  }

  @Test
  void requiredFlagsAndLengthLimitsMatchTheServersValidation() {
    Map<String, JsonNode> fields = keyedFields();
    for (ReferralField field : ReferralField.values()) {
      JsonNode validate = fields.get(field.key()).path("validate");
      boolean conditional = fields.get(field.key()).has("conditional");
      assertThat(validate.path("required").asBoolean(false)).as(field.key() + " required")
          .isEqualTo(field.required() || conditional);
      if (List.of("textfield", "textarea").contains(fields.get(field.key()).path("type").asText())) {
        assertThat(validate.path("maxLength").asInt()).as(field.key() + " maxLength").isEqualTo(field.maxLength());
      }
    }
  }
}
