package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A referral through the Tasklist start form (the engine REST API's submit-form, as Tasklist calls
 * it), on PostgreSQL with history level activity: stored in the case record, the case process
 * waiting for screening, and no submitted personal value in any ACT_* table; a bad submission is
 * refused with a message naming the fields, and nothing is stored.
 */
public class ReferralIntakeIT extends ApplicationIT {

  static final String SUBMIT = "/engine-rest/process-definition/key/referral-intake/submit-form";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  static String marker() {
    return "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  long rows(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  @Test
  void aReferralThroughTheStartFormOpensACaseAndLeavesNoPersonalValueInTheEngine() {
    String marker = marker();
    HttpResponse<String> started = call("POST", SUBMIT, "demo-referrer",
        ReferralExamples.submitFormBody(ReferralExamples.valid(marker)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String reference = started.body().replaceFirst(".*\"businessKey\":\"([^\"]+)\".*", "$1");

    Map<String, Object> stored = jdbc.queryForMap("""
        SELECT p.given_names, p.family_name, p.date_of_birth::text AS dob, p.nhs_number, r.concern, r.referred_by,
          r.referrer_email, r.submitted_through, r.details ->> 'personSchoolOrWorkplace' AS school,
          r.details -> 'agenciesInvolved' ->> 1 AS second_agency, c.stage, c.status
        FROM case_file c JOIN person p ON p.id = c.person_id JOIN case_referral l ON l.case_id = c.id
        JOIN referral r ON r.id = l.referral_id WHERE c.reference = ?""", reference);
    Map<String, Object> submitted = ReferralExamples.valid(marker);
    assertThat(stored).containsEntry("given_names", submitted.get("personGivenNames"))
        .containsEntry("concern", submitted.get("concernDescription")).containsEntry("dob", submitted.get("personDateOfBirth"))
        .containsEntry("referred_by", "demo-referrer")
        .containsEntry("referrer_email", submitted.get("referrerEmail")).containsEntry("submitted_through", "FORM")
        .containsEntry("school", submitted.get("personSchoolOrWorkplace")).containsEntry("second_agency", "EDUCATION")
        .containsEntry("stage", "SCREENING").containsEntry("status", "OPEN");
    assertThat(jdbc.queryForList("SELECT alias FROM person_alias a JOIN case_file c ON c.person_id = a.person_id "
        + "WHERE c.reference = ? ORDER BY a.id", String.class, reference))
        .containsExactly("Ozzy" + marker, "O. T. Marsh" + marker);

    Task screening = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(screening.getTaskDefinitionKey()).isEqualTo("Task_DeconflictReferral");
    assertThat(screening.getTenantId()).isEqualTo("E06000031");
    assertThat(runtime.getVariables(screening.getExecutionId()))
        .containsOnlyKeys("caseRef", "concernType", "urgency", "referrerSector", "ageBand", "taskPriority",
            "concernTypeLabel", "urgencyLabel", "referrerSectorLabel", "ageBandLabel", "previousCaseRef",
            "otherAuthority", "caseOwnerGroup", "onLicenceOrUnderMappa", "onLicenceOrUnderMappaLabel", "screeningDueAt",
            "screeningReminderAt");
    assertThat(screening.getName()).isEqualTo("Deconflict the referral: " + reference);

    assertThat(engineTablesHolding(jdbc, ReferralExamples.personalValues(marker))).isEmpty();
  }

  @Test
  void aReferralOnlyTheIntakesOwnRulesRefuseIsAnsweredWithEachFieldAndStartsNothing() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid(marker()));
    referral.put("personDateOfBirth", "2099-01-01"); // a real date the form's schema accepts
    long instances = runtime.createProcessInstanceQuery().count();

    HttpResponse<String> refused = call("POST", SUBMIT, "demo-referrer", ReferralExamples.submitFormBody(referral));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    com.fasterxml.jackson.databind.JsonNode problem = ReferralApiIT.json(refused);
    assertThat(problem.path("type").asText()).isEqualTo("urn:preventcase:problem:invalid-form");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("errors").get(0).toString())
        .isEqualTo("{\"field\":\"personDateOfBirthDay\",\"label\":\"Date of birth\",\"message\":\"Date of birth must be in the past\"}");
    assertThat(refused.body()).doesNotContain("2099", "Exception", "referral-intake:");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aSubmissionMissingARequiredFieldIsRefusedWithAMessageNamingItAndNothingIsStored() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid(marker()));
    referral.remove("personFamilyName");
    referral.put("personDateOfBirth", "2099-01-01");
    long referrals = rows("referral");
    long persons = rows("person");
    long cases = rows("case_file");
    long instances = runtime.createProcessInstanceQuery().count();

    HttpResponse<String> refused = call("POST", SUBMIT, "demo-referrer", ReferralExamples.submitFormBody(referral));

    // checked against the start form before the engine starts anything: 400, the field named in the form's
    // own words and by its key (docs/forms.md)
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("There is a problem: ").contains("Enter the person's family name")
        .contains("\"field\":\"personFamilyName\"").doesNotContain("2099");
    assertThat(List.of(rows("referral"), rows("person"), rows("case_file"))).containsExactly(referrals, persons, cases);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /**
   * Every text column of every ACT_* table, and every byte-array column read as bytes, searched for
   * each value: "table.column contains value" for each hit.
   */
  public static List<String> engineTablesHolding(JdbcTemplate jdbc, List<String> values) {
    List<String> hits = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.queryForList("""
        SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name LIKE 'act\\_%'
          AND data_type IN ('character varying', 'text', 'character', 'bytea')""");
    assertThat(columns).hasSizeGreaterThan(50);
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      boolean bytes = "bytea".equals(column.get("data_type"));
      for (String value : values) {
        String sql = bytes
            ? "SELECT count(*) FROM " + table + " WHERE position(convert_to(?, 'UTF8') in " + name + ") > 0"
            : "SELECT count(*) FROM " + table + " WHERE strpos(" + name + ", ?) > 0";
        if (jdbc.queryForObject(sql, Long.class, value) > 0) {
          hits.add(table + "." + name + " contains " + value);
        }
      }
    }
    return hits;
  }
}
