package org.preventcase.formcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.preventcase.models.ProjectFiles;

/** Every form in forms/ can be checked on the server; a form that could not be is refused. */
public class FormSchemaTest {

  public static FormSchema read(Path file) {
    try {
      return FormSchema.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormSchema form(String json) {
    return FormSchema.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyFormInTheRepositoryIsCheckableAndNamedAfterItsFile() {
    for (Path file : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      FormSchema schema = read(file);
      assertThat(schema.id()).isEqualTo(ProjectFiles.formId(file));
      assertThat(schema.fields()).as(file.toString()).isNotEmpty();
      schema.fields().forEach(field -> assertThat(field.label()).as(field.key()).isNotBlank());
    }
  }

  @Test
  void theReferralFormReadsItsFieldsInOrderWithTheirRules() {
    FormSchema referral = read(ProjectFiles.FORMS.resolve("referral-intake-start.form"));
    assertThat(referral.fields()).extracting(FormField::key).startsWith("authorityCode", "personGivenNames");
    assertThat(referral.fields()).as("the 999 call is asked only when there is an immediate risk")
        .anySatisfy(field -> assertThat(field.hide()).isNotNull());
    assertThat(referral.field("personGivenNames").orElseThrow().required()).isTrue();
    assertThat(referral.field("personGender").orElseThrow().options()).extracting(FormField.Option::value)
        .contains("MALE", "NOT_KNOWN");
  }

  @Test
  void aFormTheServerCouldNotCheckAsFormJsDoesIsRefused() {
    String[] uncheckable = {
        "{\"id\": \"f\", \"components\": [{\"type\": \"filepicker\", \"key\": \"upload\", \"label\": \"File\"}]}",
        "{\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"label\": \"A\","
            + " \"conditional\": {\"hide\": \"=matches(b, \\\"x\\\")\"}}]}",
        "{\"id\": \"f\", \"components\": [{\"type\": \"select\", \"key\": \"a\", \"label\": \"A\","
            + " \"valuesExpression\": \"=options\"}]}",
        "{\"id\": \"f\", \"components\": [{\"type\": \"group\", \"path\": \"nested\", \"components\": []}]}",
        "{\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"label\": \"A\"},"
            + " {\"type\": \"textarea\", \"key\": \"a\", \"label\": \"A again\"}]}",
        "{\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"pattern\": \"(\"}}]}"};
    for (String json : uncheckable) {
      assertThatThrownBy(() -> form(json)).as(json).isInstanceOf(UncheckableFormException.class);
    }
  }
}
