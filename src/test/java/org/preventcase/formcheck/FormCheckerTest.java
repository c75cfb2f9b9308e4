package org.preventcase.formcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's check of a submission, rule by rule, with the GOV.UK-style message naming the field. */
class FormCheckerTest {

  static final FormSchema FORM = FormSchemaTest.form("""
      {"id": "example", "components": [
        {"type": "text", "text": "## Heading"},
        {"type": "group", "label": "About", "components": [
          {"type": "textfield", "key": "name", "label": "Full name", "validate": {"required": true, "maxLength": 10, "minLength": 2}},
          {"type": "datetime", "key": "born", "subtype": "date", "dateLabel": "Date of birth",
           "properties": {"errorName": "the person's date of birth"}, "validate": {"required": true}}
        ]},
        {"type": "radio", "key": "urgency", "label": "Urgency", "validate": {"required": true},
         "values": [{"label": "Routine", "value": "ROUTINE"}, {"label": "Urgent", "value": "URGENT"}]},
        {"type": "datetime", "key": "calledAt", "subtype": "datetime", "dateLabel": "When 999 was called",
         "validate": {"required": true}, "conditional": {"hide": "=urgency != \\"URGENT\\""}},
        {"type": "checklist", "key": "agencies", "label": "Agencies", "valuesKey": "agencyOptions"},
        {"type": "textfield", "key": "email", "label": "Your e-mail", "validate": {"validationType": "email"}},
        {"type": "textfield", "key": "code", "label": "Postcode", "description": "Like PE1 1AB",
         "validate": {"pattern": "^[A-Z]{2}[0-9] [0-9][A-Z]{2}$"}},
        {"type": "number", "key": "people", "label": "Number of people", "decimalDigits": 0, "validate": {"min": 1, "max": 20}},
        {"type": "number", "key": "hours", "label": "Hours", "decimalDigits": 1},
        {"type": "checkbox", "key": "checked", "label": "Checked against live investigations", "validate": {"required": true}},
        {"type": "radio", "key": "aware", "label": "Is the person aware of this referral?", "validate": {"required": true},
         "values": [{"label": "Yes", "value": "YES"}]}
      ]}""".replace("\\\\\"", "\\\""));

  static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("name", "Ada Pell");
    values.put("born", "2011-03-09");
    values.put("urgency", "ROUTINE");
    values.put("checked", true);
    values.put("aware", "YES");
    return values;
  }

  static Map<String, String> messages(Map<String, Object> submitted, Map<String, Object> known) {
    Map<String, String> messages = new HashMap<>();
    FormChecker.check(FORM, submitted, known).forEach(error -> messages.put(error.field(), error.message()));
    return messages;
  }

  @Test
  void aCompleteSubmissionPasses() {
    assertThat(messages(valid(), Map.of())).isEmpty();
  }

  @Test
  void everyMissingRequiredFieldIsNamedInPlainWords() {
    assertThat(messages(Map.of("checked", false), Map.of())).containsOnly(
        Map.entry("name", "Enter full name"),
        Map.entry("born", "Enter the person's date of birth"),
        Map.entry("urgency", "Select urgency"),
        Map.entry("checked", "Tick 'Checked against live investigations' to confirm it"),
        Map.entry("aware", "Answer the question 'Is the person aware of this referral?'"));
  }

  @Test
  void aHiddenFieldIsNotRequiredAndMayNotBeSent() {
    Map<String, Object> urgent = valid();
    urgent.put("urgency", "URGENT");
    assertThat(messages(urgent, Map.of())).containsOnly(Map.entry("calledAt", "Enter when 999 was called"));
    urgent.put("calledAt", "2026-11-23T09:15Z");
    assertThat(messages(urgent, Map.of())).isEmpty();
    Map<String, Object> routine = valid();
    routine.put("calledAt", "2026-11-23T09:15Z");
    assertThat(messages(routine, Map.of())).containsOnly(
        Map.entry("calledAt", "When 999 was called does not apply here: leave it empty"));
  }

  @Test
  void choicesAreLimitedToTheFormsOptionsOrThoseOfItsValuesKeyVariable() {
    Map<String, Object> submitted = valid();
    submitted.put("urgency", "WHENEVER");
    submitted.put("agencies", List.of("POLICE", "MI5"));
    Map<String, Object> known = Map.of("agencyOptions", List.of(Map.of("label", "Police", "value", "POLICE")));
    assertThat(messages(submitted, known)).containsOnly(Map.entry("urgency", "Select urgency from the list"),
        Map.entry("agencies", "Select agencies only from the options given"));
    submitted.put("urgency", "ROUTINE");
    submitted.put("agencies", List.of("POLICE"));
    assertThat(messages(submitted, known)).isEmpty();
  }

  @Test
  void datesMustExistAndTextKeepsToItsLengthsAndFormats() {
    Map<String, Object> submitted = valid();
    submitted.put("born", "2011-02-30");
    submitted.put("name", "A name far too long");
    submitted.put("email", "not an address");
    submitted.put("code", "12345");
    submitted.put("people", 21);
    assertThat(messages(submitted, Map.of())).containsOnly(
        Map.entry("born", "Date of birth must be a real date"),
        Map.entry("name", "Full name must be 10 characters or fewer"),
        Map.entry("email", "Enter your e-mail in the correct format, like name@example.org"),
        Map.entry("code", "Enter postcode in the correct format (like PE1 1AB)"),
        Map.entry("people", "Number of people must be between 1 and 20"));
    submitted.put("name", "A");
    submitted.put("born", "9/3/2011");
    submitted.put("people", "three");
    assertThat(messages(submitted, Map.of())).containsEntry("name", "Full name must be 2 characters or more")
        .containsEntry("born", "Date of birth must be a real date").containsEntry("people", "Number of people must be a number");
  }

  @Test
  void aNumberHasNoMoreDecimalPlacesThanTheFormAllowsAsFormJsSays() {
    Map<String, Object> submitted = valid();
    submitted.put("people", 2.5);
    submitted.put("hours", 1.25);
    assertThat(messages(submitted, Map.of())).containsOnly(Map.entry("people", "Number of people must be a whole number"),
        Map.entry("hours", "Hours must have 1 decimal place or fewer"));
    submitted.put("people", 3.0);
    submitted.put("hours", "1.5");
    assertThat(messages(submitted, Map.of())).isEmpty();
  }

  @Test
  void keysTheFormDoesNotHaveAreRefusedWithoutEchoingAnythingUnsafe() {
    Map<String, Object> submitted = valid();
    submitted.put("notes", "Secret");
    submitted.put("<script>", "x");
    assertThat(messages(submitted, Map.of())).containsOnly(
        Map.entry("notes", "'notes' is not a question on this form"),
        Map.entry("?script?", "'?script?' is not a question on this form"));
  }

  @Test
  void aValueOfTheWrongKindIsRefused() {
    Map<String, Object> submitted = valid();
    submitted.put("name", 42);
    submitted.put("checked", "yes");
    assertThat(messages(submitted, Map.of())).containsOnly(Map.entry("name", "Full name must be text"),
        Map.entry("checked", "Tick 'Checked against live investigations' to confirm it"));
  }

  @Test
  void aFieldThatNamesItsOwnMessagesIsRefusedInThoseWordsAsTasklistShowsThem() {
    FormSchema form = FormSchemaTest.form("""
        {"id": "own-words", "components": [
          {"type": "textfield", "key": "givenNames", "label": "Given names", "validate": {"required": true},
           "properties": {"requiredMessage": "Enter the person's given names"}},
          {"type": "textfield", "key": "email", "label": "E-mail", "validate": {"validationType": "email", "maxLength": 40},
           "properties": {"invalidMessage": "Enter an email address in the correct format, like name@example.com"}}
        ]}""");
    assertThat(FormChecker.check(form, Map.of("email", "no address"), Map.of()))
        .extracting(FieldError::field, FieldError::message).containsExactly(
            org.assertj.core.groups.Tuple.tuple("givenNames", "Enter the person's given names"),
            org.assertj.core.groups.Tuple.tuple("email", "Enter an email address in the correct format, like name@example.com"));
    assertThat(FormChecker.check(form, Map.of("givenNames", "Ada", "email", "a".repeat(41) + "@example.com"), Map.of()))
        .extracting(FieldError::message).containsExactly("Enter an email address in the correct format, like name@example.com");
  }
}
