package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Referral input that was stored and should not be (issue 16 item 8), by the partner API and by the
 * start form through the engine's submit-form: duplicate JSON keys, ages over 110, names holding
 * control, bidirectional, zero-width or invalid characters; names kept in NFC, free text as written;
 * each rule the start form's schema cannot say refused by both, in the same words.
 */
class ReferralInputIT extends ApplicationIT {

  static final String SUBMIT_FORM = "/engine-rest/process-definition/key/referral-intake/submit-form";

  @Autowired JdbcTemplate jdbc;

  Map<String, Object> valid() {
    return new LinkedHashMap<>(ReferralExamples.valid(ReferralApiIT.marker()));
  }

  long referrals() {
    return jdbc.queryForObject("SELECT count(*) FROM referral", Long.class);
  }

  HttpResponse<String> postBytes(byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/referrals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", ReferralApiIT.key())
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("demo-referrer:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The JSON of {@code referral} with {@code key} given a second time, as its last property. */
  static String withDuplicate(Map<String, Object> referral, String key, Object second) {
    String json = ReferralExamples.json(referral);
    return json.substring(0, json.length() - 1) + "," + ReferralExamples.json(key) + ":"
        + ReferralExamples.json(second) + "}";
  }

  /** The engine's answer to a start form the validator refuses (Tasklist shows its message). */
  static void assertRefusedForm(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isIn(400, 500);
    // refused by the form check (a key twice in a Json value) or by the intake's own rules (docs/forms.md)
    assertThat(response.body()).contains("There is a problem: ").contains(message);
  }

  @Test
  void aPartnerBodyGivingAKeyTwiceIsRefusedNamingTheKey() {
    long before = referrals();
    String body = withDuplicate(valid(), "personFamilyName", "Someone-Else");
    HttpResponse<String> response = ReferralApiIT.post(baseUrl(), "demo-referrer", ReferralApiIT.key(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(ReferralApiIT.json(response).path("errors").get(0).path("field").asText()).isEqualTo("personFamilyName");
    assertThat(ReferralApiIT.json(response).path("errors").get(0).path("message").asText())
        .isEqualTo("'personFamilyName' is given more than once: send each field once");
    assertThat(response.body()).doesNotContain("Someone-Else");
    assertThat(referrals()).isEqualTo(before);
  }

  @Test
  void aSubmittedFormGivingAVariableTwiceOrAJsonValueWithAKeyTwiceIsRefused() {
    long before = referrals();
    String body = ReferralExamples.submitFormBody(valid());
    String twice = body.substring(0, body.length() - 2) + ",\"urgency\":{\"value\":\"IMMEDIATE_RISK\"}}}";
    HttpResponse<String> duplicateVariable = call("POST", SUBMIT_FORM, "demo-referrer", twice);
    assertThat(duplicateVariable.statusCode()).as(duplicateVariable.body()).isEqualTo(400);
    assertThat(duplicateVariable.body()).contains("The key 'urgency' is given more than once");

    Map<String, Object> referral = valid();
    referral.put("agenciesInvolved", List.of("EDUCATION"));
    String json = ReferralExamples.submitFormBody(referral)
        .replace(ReferralExamples.json(ReferralExamples.json(List.of("EDUCATION"))),
            ReferralExamples.json("[{\"code\":\"EDUCATION\",\"code\":\"POLICE\"}]"));
    assertRefusedForm(call("POST", SUBMIT_FORM, "demo-referrer", json),
        "Other agencies involved gives the key 'code' more than once");
    assertThat(referrals()).isEqualTo(before);
  }

  /** A rule of the start form beyond its schema: how a referral breaks it, and the one field each way names. */
  record Broken(String rule, java.util.function.Consumer<Map<String, Object>> change, String apiField, String formField) {}

  static List<Broken> rulesBeyondTheSchema() {
    return List.of(
        new Broken("an NHS number whose check digit is wrong", r -> r.put("personNhsNumber", "943 476 5918"),
            "personNhsNumber", "personNhsNumber"),
        new Broken("a postcode that is no UK postcode", r -> r.put("personPostcode", "PE1 ZZ9"), "personPostcode",
            "personPostcode"),
        new Broken("a phone number that is none", r -> r.put("referrerPhone", "call me"), "referrerPhone", "referrerPhone"),
        new Broken("a name with a control character", r -> r.put("personGivenNames", "Ann\u0007e"), "personGivenNames",
            "personGivenNames"),
        new Broken("a date of birth that does not exist", r -> r.put("personDateOfBirth", "2011-02-30"),
            "personDateOfBirth", "personDateOfBirthDay"),
        new Broken("a date of birth in the future", r -> r.put("personDateOfBirth", "2099-01-01"), "personDateOfBirth",
            "personDateOfBirthDay"),
        new Broken("a date of birth over 110 years ago", r -> r.put("personDateOfBirth", "1901-05-01"),
            "personDateOfBirth", "personDateOfBirthDay"),
        new Broken("neither a date of birth nor an approximate age", r -> r.remove("personDateOfBirth"),
            "personDateOfBirth", "personDateOfBirthDay"),
        new Broken("a 999 call in the future", r -> {
          r.put("urgency", "IMMEDIATE_RISK");
          r.put("called999At", "2099-01-01T10:00Z");
        }, "called999At", "called999AtDay"));
  }

  @org.junit.jupiter.api.TestFactory
  List<org.junit.jupiter.api.DynamicTest> aRuleTheStartFormsSchemaCannotSayIsRefusedByTheApiAndTheFormInTheSameWords() {
    return rulesBeyondTheSchema().stream().map(broken -> org.junit.jupiter.api.DynamicTest.dynamicTest(broken.rule(),
        () -> {
          long before = referrals();
          Map<String, Object> referral = valid();
          broken.change().accept(referral);
          HttpResponse<String> api = ReferralApiIT.post(baseUrl(), "demo-referrer", ReferralApiIT.key(),
              ReferralExamples.json(referral));
          HttpResponse<String> form = call("POST", SUBMIT_FORM, "demo-referrer", ReferralExamples.submitFormBody(referral));
          assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
          assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
          Map<String, String> byApi = errors(api);
          Map<String, String> byForm = errors(form);
          assertThat(byApi).as("named by the API's own key").containsOnlyKeys(broken.apiField());
          assertThat(byForm).as("named by the form's field").containsOnlyKeys(broken.formField());
          assertThat(byApi.get(broken.apiField())).isEqualTo(byForm.get(broken.formField()));
          assertThat(referrals()).isEqualTo(before);
        })).toList();
  }

  static Map<String, String> errors(HttpResponse<String> response) {
    Map<String, String> errors = new LinkedHashMap<>();
    ReferralApiIT.json(response).path("errors").forEach(error ->
        errors.put(error.path("field").asText(), error.path("message").asText()));
    return errors;
  }

  @Test
  void anAgeOver110IsRefusedByTheApiAndTheForm() {
    Map<String, Object> referral = valid();
    referral.put("personDateOfBirth", "1901-05-01");
    HttpResponse<String> api = ReferralApiIT.post(baseUrl(), "demo-referrer", ReferralApiIT.key(),
        ReferralExamples.json(referral));
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("Date of birth must be after");
    assertRefusedForm(call("POST", SUBMIT_FORM, "demo-referrer", ReferralExamples.submitFormBody(referral)),
        "Date of birth must be after");
  }

  @Test
  void namesWithBidirectionalOverridesOrInvalidUtf8AreRefusedWithAFieldError() {
    long before = referrals();
    Map<String, Object> referral = valid();
    referral.put("personFamilyName", "Marsh\u202Eevil");
    assertRefusedForm(call("POST", SUBMIT_FORM, "demo-referrer", ReferralExamples.submitFormBody(referral)),
        "Family name must not contain invisible characters");

    referral = valid();
    referral.put("personGivenNames", "Ren@@");
    byte[] body = ReferralExamples.json(referral).getBytes(StandardCharsets.UTF_8);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("Ren@@");
    body[at + 3] = (byte) 0xC3; // a lead byte followed by one that cannot continue it: not UTF-8
    body[at + 4] = (byte) 0x28;
    HttpResponse<String> api = postBytes(body);
    assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
    assertThat(ReferralApiIT.json(api).path("errors").get(0).path("field").asText()).isEqualTo("personGivenNames");
    assertThat(api.body()).contains("Given names must be typed again: part of it is not text");
    assertThat(referrals()).isEqualTo(before);
  }

  @Test
  void namesAreStoredInNfcAndFreeTextAsWritten() {
    Map<String, Object> referral = valid();
    String family = "Bro\u0308nte" + ReferralApiIT.marker();
    referral.put("personFamilyName", family);
    String description = "Quoted: \u202Ereversed\u202C and\u200Bjoined <b>as written</b>";
    referral.put("concernDescription", description);
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", ReferralApiIT.key(),
        ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long referralId = ReferralApiIT.json(created).path("referralId").asLong();
    assertThat(jdbc.queryForObject("SELECT p.family_name FROM person p JOIN referral r ON r.person_id = p.id WHERE r.id = ?",
        String.class, referralId)).isEqualTo(java.text.Normalizer.normalize(family, java.text.Normalizer.Form.NFC))
        .startsWith("Br\u00F6nte");
    assertThat(jdbc.queryForObject("SELECT concern FROM referral WHERE id = ?", String.class,
        referralId)).isEqualTo(description);
  }
}
