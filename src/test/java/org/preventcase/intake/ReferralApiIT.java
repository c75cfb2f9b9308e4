package org.preventcase.intake;

import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.Urgency;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.casefile.CaseReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * POST /api/referrals on PostgreSQL: 201 with the referral's reference only (the same answer whatever
 * the person match: KnownPersonsIT); an approximate age for an unknown date of birth; a member of
 * the public as referrer without role or organisation; every bad input refused with the
 * right status and problem+json naming the fields, and a row count proving nothing was stored;
 * idempotent retries; text stored as written and escaped on the case page and in the case API; no
 * submitted personal value in the engine's tables; the OpenAPI document matches the form's fields.
 */
public class ReferralApiIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  static final String TWO_AUTHORITIES = "test-two-authorities-referrer";

  void aReferrerWorksForTwoAuthorities() {
    if (identity.createTenantQuery().tenantId("E06000032").count() == 0) {
      identity.saveTenant(identity.newTenant("E06000032"));
    }
    if (identity.createUserQuery().userId(TWO_AUTHORITIES).count() == 0) {
      var user = identity.newUser(TWO_AUTHORITIES);
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(TWO_AUTHORITIES, "prevent-referrer");
      identity.createTenantUserMembership("E06000031", TWO_AUTHORITIES);
      identity.createTenantUserMembership("E06000032", TWO_AUTHORITIES);
    }
  }

  @Test
  void aUserOfTwoAuthoritiesRefersIntoTheSecondByNamingIt() {
    aReferrerWorksForTwoAuthorities();
    Map<String, Object> referral = valid();
    referral.put("authorityCode", "E06000032");
    HttpResponse<String> created = post(TWO_AUTHORITIES, key(), ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = caseOf(jdbc, created);
    assertThat(reference).startsWith("E06000032-");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list())
        .as("the case process and its gateway").hasSize(2)
        .allSatisfy(instance -> assertThat(instance.getTenantId()).isEqualTo("E06000032"));
  }

  @Test
  void aUserOfTwoAuthoritiesMustNameOneOfThem() {
    aReferrerWorksForTwoAuthorities();
    HttpResponse<String> unnamed = post(TWO_AUTHORITIES, key(), ReferralExamples.json(valid()));
    assertThat(unnamed.statusCode()).isEqualTo(400);
    assertThat(unnamed.body()).contains("\"field\":\"authorityCode\"").contains("Enter the code of the local authority this is for: you work for more than one");
    Map<String, Object> foreign = valid();
    foreign.put("authorityCode", "E06000099");
    HttpResponse<String> notTheirs = post(TWO_AUTHORITIES, key(), ReferralExamples.json(foreign));
    assertThat(notTheirs.statusCode()).isEqualTo(400);
    assertThat(notTheirs.body()).contains("\"field\":\"authorityCode\"").contains("Enter the code of a local authority you work for")
        .doesNotContain("E06000099");
  }

  HttpResponse<String> post(String user, String key, String body) {
    return post(baseUrl(), user, key, body);
  }

  /** POST /api/referrals with HTTP Basic as {@code user} and an Idempotency-Key unless null. */
  public static HttpResponse<String> post(String baseUrl, String user, String key, String body) {
    return post(HttpClient.newHttpClient(), baseUrl, user, key, body);
  }

  /** The same through a client of the caller's (a benchmark's, kept open across its referrals). */
  public static HttpResponse<String> post(HttpClient client, String baseUrl, String user, String key, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/referrals"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public static String key() {
    return "test-" + UUID.randomUUID();
  }

  static String marker() {
    return "Api" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  List<Long> storedRows() {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("person", "person_alias", "person_address", "referral", "case_file", "case_referral",
        "referral_submission")) {
      counts.add(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
    }
    counts.add(jdbc.queryForObject("SELECT count(*) FROM act_ru_execution", Long.class));
    return counts;
  }

  /** The case a referral joined (none while a possible match waits): what the referrer is never told. */
  public static String caseOf(JdbcTemplate jdbc, HttpResponse<String> created) {
    return jdbc.queryForList("""
        SELECT c.reference FROM case_referral l JOIN case_file c ON c.id = l.case_id WHERE l.referral_id = ?""",
        String.class, json(created).path("referralId").asLong()).stream().findFirst().orElse(null);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  /** Posts a bad referral; asserts 400 problem+json naming exactly these fields, and that nothing was stored. */
  JsonNode refused(Map<String, Object> referral, String... fields) {
    List<Long> before = storedRows();
    HttpResponse<String> response = post("demo-referrer", key(), ReferralExamples.json(referral));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    List<String> named = new ArrayList<>();
    problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
    assertThat(named).containsExactlyInAnyOrder(fields);
    assertThat(storedRows()).isEqualTo(before);
    return problem;
  }

  Map<String, Object> valid() {
    return new LinkedHashMap<>(ReferralExamples.valid(marker()));
  }

  @Test
  void aValidReferralIsCreatedWithItsReferralReferenceOnlyAndItsScreeningTaskAndNoPersonalValueInTheEngine() {
    String marker = marker();
    HttpResponse<String> created = post("demo-referrer", key(), ReferralExamples.json(ReferralExamples.valid(marker)));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long referralId = json(created).path("referralId").asLong();
    List<String> answered = new ArrayList<>();
    json(created).fieldNames().forEachRemaining(answered::add);
    assertThat(answered).containsExactly("referralId", "referralReference", "status");
    assertThat(json(created).path("referralReference").asText()).isEqualTo("R-" + referralId);
    assertThat(json(created).path("status").asText()).isEqualTo("received");
    String reference = caseOf(jdbc, created);
    assertThat(reference).matches(CaseReference.PATTERN);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/referrals/" + referralId);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_DeconflictReferral")
        .count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("""
        SELECT r.submitted_through FROM referral r JOIN case_referral l ON l.referral_id = r.id
        JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?""", String.class, reference)).isEqualTo("API");
    assertThat(ReferralIntakeIT.engineTablesHolding(jdbc, ReferralExamples.personalValues(marker))).isEmpty();
  }

  @Test
  void aRetryWithTheSameKeyMakesNoSecondReferralAndTheSameKeyWithAnotherBodyIsRefused() throws Exception {
    String key = key();
    Map<String, Object> referral = valid();
    HttpResponse<String> first = post("demo-referrer", key, ReferralExamples.json(referral));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    List<Long> after = storedRows();

    // the same referral, its properties in another order and spacing
    Map<String, Object> reordered = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(referral.keySet());
    java.util.Collections.reverse(names);
    names.forEach(name -> reordered.put(name, referral.get(name)));
    HttpResponse<String> retry = post("demo-referrer", key, JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(reordered));
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json(retry).path("referralReference").asText()).isEqualTo(json(first).path("referralReference").asText());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(storedRows()).isEqualTo(after);

    referral.put("concernDescription", "A different account of the concern");
    HttpResponse<String> reused = post("demo-referrer", key, ReferralExamples.json(referral));
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(reused.body()).contains("Idempotency-Key").doesNotContain("different account");
    assertThat(storedRows()).isEqualTo(after);
  }

  @Test
  void missingFieldsAreEachNamed() {
    Map<String, Object> referral = valid();
    referral.remove("personGivenNames");
    referral.remove("personDateOfBirth");
    referral.remove("referrerEmail");
    referral.remove("urgency");
    JsonNode problem = refused(referral, "personGivenNames", "personDateOfBirth", "referrerEmail", "urgency");
    assertThat(problem.path("title").asText()).isEqualTo("Invalid referral");
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("errors")).extracting(error -> error.path("field").asText() + ": " + error.path("message").asText())
        .contains("personGivenNames: Enter the person's given names", "urgency: Select the urgency",
            "personDateOfBirth: Enter the person's date of birth, or their approximate age if it is not known",
            "referrerEmail: Enter the referrer's email address");
  }

  @Test
  void anApproximateAgeStandsInForAnUnknownDateOfBirth() {
    Map<String, Object> referral = valid();
    referral.remove("personDateOfBirth");
    referral.put("personApproximateAge", 15);
    HttpResponse<String> created = post("demo-referrer", key(), ReferralExamples.json(referral));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = caseOf(jdbc, created);
    assertThat(jdbc.queryForMap("""
        SELECT p.date_of_birth, r.details ->> 'personApproximateAge' AS age FROM case_file c
        JOIN person p ON p.id = c.person_id JOIN case_referral l ON l.case_id = c.id JOIN referral r ON r.id = l.referral_id
        WHERE c.reference = ?""", reference)).containsEntry("date_of_birth", null).containsEntry("age", "15");
    org.camunda.bpm.engine.task.Task screening = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .singleResult();
    assertThat(runtimeVariables(screening)).containsEntry("ageBand", "AGED_11_TO_15")
        .containsEntry("ageBandLabel", "11 to 15");

    referral.remove("personApproximateAge");
    assertThat(refused(referral, "personDateOfBirth").toString())
        .contains("Enter the person's date of birth, or their approximate age if it is not known");
    referral.put("personApproximateAge", 130);
    refused(referral, "personApproximateAge");
  }

  @Test
  void aMemberOfThePublicIsAReferrerWithoutRoleOrganisationOrEmailAndTheOfficerWhoTookTheCallIsRecorded() {
    Map<String, Object> referral = valid();
    referral.remove("referrerRole");
    referral.remove("referrerOrganisation");
    referral.remove("referrerEmail");
    referral.put("referrerRelationship", "MEMBER_OF_PUBLIC");
    referral.put("referrerSector", "COMMUNITY");
    referral.put("referrerPhone", "01632 960 001");
    HttpResponse<String> created = post("demo-police", key(), ReferralExamples.json(referral));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, Object> stored = jdbc.queryForMap("""
        SELECT referred_by, referrer_email, referrer_sector, details ->> 'referrerName' AS name,
          details ->> 'referrerRelationship' AS relationship FROM referral WHERE id = ?""",
        json(created).path("referralId").asLong());
    assertThat(stored).containsEntry("referred_by", "demo-police").containsEntry("referrer_email", null)
        .containsEntry("referrer_sector", "COMMUNITY").containsEntry("name", referral.get("referrerName"))
        .containsEntry("relationship", "MEMBER_OF_PUBLIC");

    referral.put("referrerRelationship", "PROFESSIONAL");
    assertThat(refused(referral, "referrerRole", "referrerOrganisation", "referrerEmail").toString())
        .contains("Enter the referrer's role");
  }

  @Test
  void everyReferrerSectorOfTheStatisticsAndTheScheduleSevenPartnersCanBeStoredAndNoOther() {
    List<String> allowed = jdbc.queryForList("""
        SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'referral_referrer_sector_known'""",
        String.class);
    assertThat(allowed).hasSize(1);
    for (org.preventcase.vocabulary.ReferrerSector sector : org.preventcase.vocabulary.ReferrerSector.values()) {
      assertThat(allowed.get(0)).contains("'" + sector.name() + "'");
    }
    assertThat(allowed.get(0).split("'").length / 2).as("codes in the constraint")
        .isEqualTo(org.preventcase.vocabulary.ReferrerSector.values().length);
    Map<String, Object> referral = valid();
    referral.put("referrerSector", "DWP_JOBCENTRE_PLUS");
    assertThat(post("demo-referrer", key(), ReferralExamples.json(referral)).statusCode()).isEqualTo(201);
  }

  Map<String, Object> runtimeVariables(org.camunda.bpm.engine.task.Task task) {
    return runtime.getVariables(task.getExecutionId());
  }

  @Test
  void wrongTypesAreRefused() {
    Map<String, Object> referral = valid();
    referral.put("personGivenNames", 42);
    referral.put("agenciesInvolved", "EDUCATION");
    referral.put("personFamilyName", Map.of("nested", "object"));
    refused(referral, "personGivenNames", "agenciesInvolved", "personFamilyName");
  }

  @Test
  void anImpossibleOrFutureDateOfBirthIsRefused() {
    Map<String, Object> referral = valid();
    referral.put("personDateOfBirth", "2011-02-30");
    assertThat(refused(referral, "personDateOfBirth").toString()).contains("Date of birth must be a real date");
    referral.put("personDateOfBirth", "2099-06-01");
    assertThat(refused(referral, "personDateOfBirth").toString()).contains("Date of birth must be in the past")
        .doesNotContain("2099");
  }

  @Test
  void anUnknownEnumerationValueIsRefusedWithoutEchoingIt() {
    Map<String, Object> referral = valid();
    referral.put("concernType", "PIRATE_CODE_7");
    referral.put("agenciesInvolved", List.of("EDUCATION", "SPACE_AGENCY_9"));
    assertThat(refused(referral, "concernType", "agenciesInvolved").toString())
        .doesNotContain("PIRATE_CODE_7").doesNotContain("SPACE_AGENCY_9");
  }

  @Test
  void oversizedTextAndUnknownFieldsAreRefused() {
    Map<String, Object> referral = valid();
    referral.put("concernDescription", "x".repeat(10_001));
    referral.put("personFamilyName", "y".repeat(201));
    referral.put("shoeSize", "9");
    assertThat(refused(referral, "concernDescription", "personFamilyName", "shoeSize").toString())
        .contains("Describe your concerns must be 10000 characters or fewer")
        .contains("Family name must be 200 characters or fewer").contains("'shoeSize' is not a question on this form");
  }

  @Test
  void aMissingIdempotencyKeyOrABodyThatIsNotAnObjectIsRefused() {
    List<Long> before = storedRows();
    HttpResponse<String> noKey = post("demo-referrer", null, ReferralExamples.json(valid()));
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(json(noKey).path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(post("demo-referrer", key(), "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(post("demo-referrer", key(), "{not json").statusCode()).isEqualTo(400);
    assertThat(storedRows()).isEqualTo(before);
  }

  @Test
  void aRoleThatMayNotReferIsRefused() {
    List<Long> before = storedRows();
    assertThat(post("demo-manager", key(), ReferralExamples.json(valid())).statusCode()).isEqualTo(403);
    assertThat(post("demo-admin", key(), ReferralExamples.json(valid())).statusCode()).isEqualTo(403);
    assertThat(storedRows()).isEqualTo(before);
  }

  @Test
  void markupInATextFieldIsStoredAsWrittenAndComesBackEscaped() throws Exception {
    Map<String, Object> referral = valid();
    String quoted = "He posted: <script>alert('x')</script> <b>join us</b> & \"rise\"";
    referral.put("concernDescription", quoted);
    referral.put("concernOnlineActivity", "Posted <img src=x onerror=alert(1)> on a forum");
    HttpResponse<String> created = post("demo-referrer", key(), ReferralExamples.json(referral));
    String reference = caseOf(jdbc, created);

    assertThat(jdbc.queryForObject("""
        SELECT r.concern FROM referral r JOIN case_referral l ON l.referral_id = r.id
        JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?""", String.class, reference)).isEqualTo(quoted);

    HttpResponse<String> page = signIn("demo-police").get("/cases/" + reference);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<b>join us</b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;join us&lt;/b&gt; &amp; &quot;rise&quot;")
        .contains("Worrying phone, internet or social-media use").contains("Posted &lt;img src=x onerror=alert(1)&gt; on a forum")
        .doesNotContain("<img src=x").contains("School, college or workplace");

    HttpResponse<String> api = call("GET", "/api/cases/" + reference, "demo-police", null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).doesNotContain("<script>").doesNotContain("<b>").contains("\\u003Cscript\\u003E");
    assertThat(JSON.readTree(api.body()).path("referrals").get(0).path("concern").asText()).isEqualTo(quoted);
    assertThat(JSON.readTree(api.body()).path("referrals").get(0).path("details").path("concernOnlineActivity")
        .asText()).isEqualTo("Posted <img src=x onerror=alert(1)> on a forum");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOpenApiDocumentParsesAndDescribesExactlyTheFormsFields() {
    HttpResponse<String> spec = call("GET", "/api/openapi.yaml", "demo-referrer", null);
    assertThat(spec.statusCode()).isEqualTo(200);
    Map<String, Object> document = new Yaml().load(spec.body());
    assertThat(document.get("openapi")).isEqualTo("3.0.3");
    Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
        .get("paths")).get("/api/referrals")).get("post");
    assertThat((Map<String, Object>) post.get("responses")).containsKeys("201", "400", "403", "422");
    Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
        .get("components")).get("schemas")).get("Referral");
    assertThat(((Map<String, Object>) schema.get("properties")).keySet())
        .containsExactlyInAnyOrderElementsOf(ReferralField.keys());
    assertThat((List<String>) schema.get("required")).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(ReferralField.values()).filter(ReferralField::required).map(ReferralField::key).toList());
    Map<String, Object> concernType = (Map<String, Object>) ((Map<String, Object>) schema.get("properties"))
        .get("concernType");
    assertThat((List<String>) concernType.get("enum")).containsExactlyElementsOf(
        java.util.Arrays.stream(ConcernType.values()).map(Enum::name).toList());
  }

  @Test
  void anImmediateRiskIsTopPriorityAtOnceTellsThePoliceAndTheReferrerIsAcknowledgedWithoutPersonalData() {
    String marker = marker();
    Map<String, Object> referral = new LinkedHashMap<>(ReferralExamples.valid(marker));
    referral.put("urgency", "IMMEDIATE_RISK");
    referral.put("called999At", java.time.OffsetDateTime.now().minusMinutes(20).withNano(0).toString());

    HttpResponse<String> created = post("demo-referrer", key(), ReferralExamples.json(referral));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = caseOf(jdbc, created);
    org.camunda.bpm.engine.task.Task screening = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DeconflictReferral").singleResult();
    assertThat(screening.getPriority()).isEqualTo(100);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("prevent-police-officer").orderByTaskPriority().desc()
        .listPage(0, 1).get(0).getPriority()).as("no police task is ahead of it").isEqualTo(100);

    List<Map<String, Object>> queued = jdbc.queryForList("""
        SELECT message_type, recipient_kind, recipient_group, recipient, facts::text AS facts FROM notification_outbox
        WHERE case_reference IN (?, ?) ORDER BY id""", reference, json(created).path("referralReference").asText());
    assertThat(queued).anySatisfy(row -> assertThat(row).containsEntry("message_type", "URGENT_REFERRAL")
        .containsEntry("recipient_group", "prevent-police-officer").containsEntry("recipient", "demo-police@example.invalid"));
    assertThat(queued).anySatisfy(row -> assertThat(row).containsEntry("message_type", "REFERRAL_ACKNOWLEDGEMENT")
        .containsEntry("recipient_kind", "REFERRER").containsEntry("recipient", referral.get("referrerEmail")));
    for (String personal : ReferralExamples.personalValues(marker)) {
      if (!personal.startsWith("dsl")) {
        assertThat(queued.toString()).doesNotContain(personal);
      }
    }
  }
}
