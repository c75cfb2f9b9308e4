package org.preventcase.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * form-js 1.8's own messages are fixed ("Field is required.", "Field must match pattern <regex>."):
 * every form names its messages in plain words in each field's custom properties
 * (`requiredMessage`, `invalidMessage`), which the Tasklist script shows instead (docs/tasklist.md), and
 * no form has a `pattern`, whose message would show a regular expression.
 */
class FormMessagesTest {

  @Test
  void everyRequiredFieldOfEveryFormSaysInWordsWhatToEnter() {
    List<String> missing = new ArrayList<>();
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      FormOptionsMatchEnumerationsTest.fields(ProjectFiles.form(form).path("components"))
          .filter(field -> field.path("validate").path("required").asBoolean(false))
          .filter(field -> !startsWithAVerb(field.path("properties").path("requiredMessage").asText("")))
          .forEach(field -> missing.add(form.getFileName() + " " + field.path("key").asText()));
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyFieldWithARangeOrFormatSaysInWordsWhatIsAllowed() {
    List<String> missing = new ArrayList<>();
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      FormOptionsMatchEnumerationsTest.fields(ProjectFiles.form(form).path("components"))
          .filter(FormMessagesTest::hasRangeOrFormat)
          .filter(field -> field.path("properties").path("invalidMessage").asText("").isBlank())
          .forEach(field -> missing.add(form.getFileName() + " " + field.path("key").asText()));
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void noFormHasAPatternWhoseMessageWouldShowARegularExpression() {
    List<String> patterned = new ArrayList<>();
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      FormOptionsMatchEnumerationsTest.fields(ProjectFiles.form(form).path("components"))
          .filter(field -> field.path("validate").has("pattern"))
          .forEach(field -> patterned.add(form.getFileName() + " " + field.path("key").asText()));
    }
    assertThat(patterned).isEmpty();
  }

  private static boolean hasRangeOrFormat(JsonNode field) {
    JsonNode validate = field.path("validate");
    return validate.has("min") || validate.has("max") || validate.has("minLength") || validate.has("validationType");
  }

  private static boolean startsWithAVerb(String message) {
    return message.matches("(Enter|Select|Describe|Confirm|Give|Tick|Choose) .+") && !message.endsWith(".");
  }
}
