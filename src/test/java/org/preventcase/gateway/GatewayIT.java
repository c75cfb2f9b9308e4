package org.preventcase.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.preventcase.app.ApplicationIT;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.formcheck.FormCheckIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gateway on PostgreSQL, driven as practitioners drive it: a referral through the partner API,
 * then every task through the engine REST API (claim, submit-form) as the user whose task it is,
 * the job executor's work run between steps; the case record, the referrer's neutral status and
 * the engine asserted at each step (issue 9).
 */
class GatewayIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String POLICE = "demo-police";
  static final String RATIONALE = "Synthetic rationale: the screener weighed the referral.";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  record Referral(long id, String caseReference) {}

  Referral refer() {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "gateway-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Gw" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new Referral(ReferralApiIT.json(created).path("referralId").asLong(), ReferralApiIT.caseOf(jdbc, created));
  }

  /** The open task of the case at this activity. */
  Task task(String reference, String activity) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activity).active()
        .singleResult();
    assertThat(task).as("open task " + activity).isNotNull();
    return task;
  }

  /** Claims and submits the task's form through the REST API as the user; then the due jobs run. */
  void work(String reference, String activity, String user, Map<String, Object> form) {
    submit(reference, activity, user, submitForm(form));
  }

  /** A submit-form body of these form values. */
  static String submitForm(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return ReferralExamples.json(Map.of("variables", variables));
  }

  /** Claims the case's open task at {@code activity} as {@code user} and submits its form (a submit-form body). */
  void submit(String reference, String activity, String user, String body) {
    submitOnly(reference, activity, user, body);
    executeDueJobs();
  }

  /** As {@link #submit}, leaving what follows the task's asynchronous boundary to the job executor. */
  void submitOnly(String reference, String activity, String user, String body) {
    String id = task(reference, activity).getId();
    HttpResponse<String> claim = call("POST", "/engine-rest/task/" + id + "/claim", user,
        "{\"userId\": \"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> submitted = call("POST", "/engine-rest/task/" + id + "/submit-form", user, body);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  /** The information gathering: the case owner asks Education, which answers that it does not know the person. */
  void gatherInformationFromEducation(String reference) {
    submit(reference, "Task_SelectPartnerAgencies", POLICE, """
        {"variables": {"agenciesToAsk": {"type": "Json", "value": "[\\"EDUCATION\\"]"},
         "informationAsked": {"type": "String", "value": "Is the person known to you?"}}}""");
    submit(reference, "Task_AnswerInformationRequest", "demo-panel-education", """
        {"variables": {"agencyHolds": {"type": "String", "value": "NOT_KNOWN"}}}""");
  }

  Map<String, Object> record(String reference) {
    return jdbc.queryForMap("SELECT stage, status, closed_at, closure_reason FROM case_file WHERE reference = ?",
        reference);
  }

  List<Map<String, Object>> entries(String reference) {
    return jdbc.queryForList("""
        SELECT e.kind, e.summary, e.body, e.recorded_by FROM case_entry e JOIN case_file c ON c.id = e.case_id
        WHERE c.reference = ? ORDER BY e.id""", reference);
  }

  String status(long referralId) throws Exception {
    HttpResponse<String> mine = call("GET", "/api/referrals/mine", "demo-referrer", null);
    for (JsonNode referral : JSON.readTree(mine.body())) {
      if (referral.path("referralId").asLong() == referralId) {
        return referral.path("status").asText();
      }
    }
    return null;
  }

  long processes(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count();
  }

  static Map<String, Object> screening(String outcome, Object... more) {
    Map<String, Object> form = new HashMap<>(Map.of("gatewayOutcome", outcome, "ideologyIdentified", "YES",
        "rationale", RATIONALE));
    for (int i = 0; i < more.length; i += 2) {
      form.put((String) more[i], more[i + 1]);
    }
    return form;
  }

  @Test
  void aReferralGoesThroughDeconflictionScreeningAndThePreliminaryAssessmentToThePanelHandOff() throws Exception {
    Referral referral = refer();
    String reference = referral.caseReference();
    assertThat(record(reference)).containsEntry("stage", "SCREENING").containsEntry("status", "OPEN")
        .containsEntry("closure_reason", null);
    assertThat(status(referral.id())).isEqualTo("received");
    assertThat(task(reference, "Task_DeconflictReferral").getDueDate()).as("due in 5 working days").isNotNull();

    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    assertThat(record(reference)).containsEntry("stage", "GATEWAY").containsEntry("status", "OPEN");
    assertThat(status(referral.id())).as("screening started").isEqualTo("being considered");
    assertThat(entries(reference)).extracting(entry -> entry.get("summary"))
        .containsExactly(RecordDeconfliction.CLEAR_SUMMARY);

    work(reference, "Task_ScreenReferral", POLICE, screening("REFER_TO_PANEL"));
    assertThat(record(reference)).containsEntry("stage", "INFORMATION_GATHERING");
    Map<String, Object> screened = entries(reference).get(1);
    assertThat(screened).containsEntry("kind", "DECISION").containsEntry("recorded_by", POLICE)
        .containsEntry("summary", "Screening outcome: Refer towards the Channel panel (information gathering and "
            + "preliminary assessment)");
    assertThat((String) screened.get("body")).contains("Ideology identified: Yes", RATIONALE);
    String gateway = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(Gateway.PROCESS_KEY).singleResult().getId();
    assertThat(runtime.getVariables(gateway)).as("the rationale is in the record, not the engine")
        .doesNotContainKey("rationale");

    gatherInformationFromEducation(reference);
    assertThat(entries(reference)).extracting(entry -> entry.get("kind")).contains("INFORMATION_SHARED");
    work(reference, "Task_PreliminaryAssessment", POLICE, Map.of("preliminaryDecision", "LIST_FOR_PANEL",
        "rationale", "Synthetic: shared concern, vulnerability and risk."));
    assertThat(record(reference)).containsEntry("stage", "PANEL").containsEntry("status", "OPEN");
    assertThat(runtime.getActiveActivityIds(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("prevent-case").singleResult().getId())).as("the case process, in its panel stage")
        .containsExactly("CallActivity_Panel");
    assertThat(status(referral.id())).isEqualTo("being considered");
  }

  @ParameterizedTest
  @CsvSource({"NFA_CLOSED, NFA_CLOSED", "SIGNPOSTED, SIGNPOSTED", "POLICE_MANAGED, POLICE_MANAGED"})
  void aScreeningOutcomeThatClosesTheCaseLeavesItClosedWithItsReasonAndNoProcess(String outcome, String reason)
      throws Exception {
    Referral referral = refer();
    String reference = referral.caseReference();
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));

    work(reference, "Task_ScreenReferral", POLICE, screening(outcome, "nfaReason", "MISGUIDED",
        "signpostedTo", "EARLY_HELP", "onwardReferralDateDay", 1, "onwardReferralDateMonth", 12,
        "onwardReferralDateYear", 2026).entrySet().stream()
        .filter(field -> outcome.equals("NFA_CLOSED") || !field.getKey().equals("nfaReason"))
        .filter(field -> outcome.equals("SIGNPOSTED") || !field.getKey().startsWith("onward") && !field.getKey()
            .equals("signpostedTo"))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

    assertThat(record(reference)).containsEntry("stage", "CLOSED").containsEntry("status", "CLOSED")
        .containsEntry("closure_reason", reason);
    assertThat(record(reference).get("closed_at")).isNotNull();
    assertThat(processes(reference)).as("no process remains").isZero();
    assertThat(status(referral.id())).isEqualTo("closed");
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM notification_outbox WHERE case_reference = ? AND message_type = 'REFERRAL_HANDLED'""",
        Integer.class, "R-" + referral.id())).as("the referrer is told, neutrally").isOne();
  }

  @Test
  void aClosingDecisionConfirmedToTheScreenerIsCarriedOutAfterItsAsynchronousBoundaryAsTheSystemActor() {
    Referral referral = refer();
    String reference = referral.caseReference();
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    List<Map<String, Object>> before = systemActorAudit(reference);

    submitOnly(reference, "Task_ScreenReferral", POLICE, submitForm(screening("POLICE_MANAGED")));
    assertThat(record(reference)).as("the screener's decision is confirmed; what follows waits for the job executor")
        .containsEntry("status", "OPEN");
    assertThat(systemActorAudit(reference)).isEqualTo(before);

    assertThat(executeDueJobs()).isPositive();
    assertThat(record(reference)).containsEntry("status", "CLOSED").containsEntry("closure_reason", "POLICE_MANAGED");
    List<Map<String, Object>> after = systemActorAudit(reference);
    assertThat(after.subList(before.size(), after.size()))
        .as("the continuation read and wrote the case as the system actor of its authority")
        .contains(Map.of("action", "UPDATE", "outcome", "GRANTED", "authority_code", "E06000031",
            "purpose_code", "PROCESS"));
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM case_stage_change s JOIN case_file c ON c.id = s.case_id
        WHERE c.reference = ? AND s.changed_by = 'system:engine' AND s.status = 'CLOSED'""", Integer.class, reference))
        .isOne();
  }

  List<Map<String, Object>> systemActorAudit(String reference) {
    return jdbc.queryForList("""
        SELECT action, outcome, authority_code, purpose_code FROM audit_event
        WHERE case_reference = ? AND user_id = 'system:engine' ORDER BY id""", reference);
  }

  @Test
  void aMappaCaseIsLedByMappaWithPreventLiaisingAndClosesAsMappaWhenMappaClosesItsInvolvement() {
    Referral referral = refer();
    String reference = referral.caseReference();
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    work(reference, "Task_ScreenReferral", POLICE, screening("MAPPA"));
    assertThat(record(reference)).containsEntry("stage", "MAPPA").containsEntry("status", "OPEN");

    work(reference, "Task_HandOverToMappa", "demo-mappa", Map.of("mappaCategory", "4", "mappaLevel", "3",
        "mappaAgreesToChannel", "NO", "mappaHandOffNote", "Synthetic: MAPPA level 3 meeting held."));
    assertThat(record(reference)).containsEntry("stage", "MAPPA").containsEntry("status", "OPEN");
    assertThat(entries(reference)).anySatisfy(entry -> assertThat(entry).containsEntry("summary",
        "Handed to MAPPA, which leads: Category 4: terrorist and terrorist-risk offenders, "
            + "Level 3: active multi-agency management with senior staff").containsEntry("recorded_by", "demo-mappa"));
    String liaison = task(reference, "Task_LiaiseWithMappa").getProcessInstanceId();
    assertThat(runtime.getVariables(liaison)).doesNotContainKeys("mappaCategory", "mappaLevel", "mappaHandOffNote");

    work(reference, "Task_LiaiseWithMappa", "demo-mappa", Map.of("mappaInvolvementEnded", true));
    assertThat(record(reference)).containsEntry("status", "CLOSED").containsEntry("closure_reason", "MAPPA");
    assertThat(processes(reference)).isZero();
  }

  @Test
  void aReferralSayingThePersonIsUnderMappaHasTheScreenerRecordWhetherTheCaseGoesToMappa() {
    Map<String, Object> underMappa = new HashMap<>(ReferralExamples.valid("Gw" + UUID.randomUUID().toString()
        .substring(0, 8)));
    underMappa.put("onLicenceOrUnderMappa", "MAYBE");
    HttpResponse<String> refused = ReferralApiIT.post(baseUrl(), "demo-referrer", "gateway-" + UUID.randomUUID(),
        ReferralExamples.json(underMappa));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("onLicenceOrUnderMappa");
    underMappa.put("onLicenceOrUnderMappa", "YES");
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "gateway-" + UUID.randomUUID(),
        ReferralExamples.json(underMappa));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = ReferralApiIT.caseOf(jdbc, created);
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    Task screening = task(reference, "Task_ScreenReferral");
    assertThat(runtime.getVariables(screening.getExecutionId())).as("what the screening form shows")
        .containsEntry("onLicenceOrUnderMappa", "YES").containsEntry("onLicenceOrUnderMappaLabel", "Yes");
    call("POST", "/engine-rest/task/" + screening.getId() + "/claim", POLICE, "{\"userId\": \"" + POLICE + "\"}");
    long entriesBefore = entries(reference).size();

    Map<Map<String, Object>, String> refusals = Map.of(
        screening("REFER_TO_PANEL"), "Select whether the case goes to MAPPA",
        screening("REFER_TO_PANEL", "goesToMappa", "YES"),
        "The case goes to MAPPA: choose the outcome 'Hand the case to MAPPA', or answer no",
        screening("MAPPA", "goesToMappa", "NO"), "The outcome hands the case to MAPPA: answer yes, or choose another outcome");
    refusals.forEach((form, message) -> {
      HttpResponse<String> answer = call("POST", "/engine-rest/task/" + screening.getId() + "/submit-form", POLICE,
          submitForm(form));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(FormCheckIT.errors(answer)).containsOnly(Map.entry("goesToMappa", message));
    });
    assertThat(entries(reference)).as("nothing half-stored").hasSize((int) entriesBefore);

    submit(reference, "Task_ScreenReferral", POLICE, submitForm(screening("MAPPA", "goesToMappa", "YES")));
    assertThat(entries(reference)).anySatisfy(entry -> assertThat((String) entry.get("body"))
        .contains("On licence or under MAPPA: goes to MAPPA: Yes: MAPPA leads (outcome: hand the case to MAPPA)"));
    assertThat(task(reference, "Task_HandOverToMappa")).isNotNull();
    assertThat(runtime.getVariables(task(reference, "Task_HandOverToMappa").getProcessInstanceId()))
        .doesNotContainKey("goesToMappa");
  }

  @Test
  void aPursueCasesRecordHoldsNoIntelligenceDetailOnlyThatItLeftWhenAndByWhom() throws Exception {
    Referral referral = refer();
    String reference = referral.caseReference();

    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "PURSUE"));

    assertThat(record(reference)).containsEntry("status", "CLOSED").containsEntry("closure_reason", "PURSUE");
    assertThat(record(reference).get("closed_at")).as("when").isNotNull();
    List<Map<String, Object>> entries = entries(reference);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)).containsEntry("kind", "DECISION").containsEntry("recorded_by", POLICE)
        .containsEntry("summary", RecordDeconfliction.PURSUE_SUMMARY).containsEntry("body", null);
    assertThat(processes(reference)).isZero();
    assertThat(status(referral.id())).as("the referrer hears the same as any other").isEqualTo("closed");

    HttpResponse<String> withRationale = call("POST", "/engine-rest/task/" + claimedScreening(refer()) + "/submit-form",
        POLICE, ReferralExamples.json(Map.of("variables", Map.of("gatewayOutcome", Map.of("value", "PURSUE"),
            "rationale", Map.of("value", "Operation name and intelligence source")))));
    assertThat(withRationale.statusCode()).as("no free text is taken for Pursue").isEqualTo(400);
  }

  /** A new referral deconflicted clear, its screening claimed by the police: the task id. */
  String claimedScreening(Referral referral) {
    work(referral.caseReference(), "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    String id = task(referral.caseReference(), "Task_ScreenReferral").getId();
    assertThat(call("POST", "/engine-rest/task/" + id + "/claim", POLICE, "{\"userId\": \"" + POLICE + "\"}")
        .statusCode()).isEqualTo(204);
    return id;
  }

  @Test
  void aNoIdeologyClosureWaitsForAPreventManagersAssuranceReviewWhoMayCloseIt() {
    Referral referral = refer();
    String reference = referral.caseReference();
    work(reference, "Task_DeconflictReferral", POLICE, Map.of("deconfliction", "CLEAR"));
    work(reference, "Task_ScreenReferral", POLICE, screening("NFA_CLOSED", "nfaReason", "NO_CONCERN",
        "ideologyIdentified", "NO"));
    assertThat(record(reference)).containsEntry("status", "OPEN");

    assertThat(call("POST", "/engine-rest/task/" + task(reference, "Task_AssuranceReview").getId() + "/claim", POLICE,
        "{\"userId\": \"" + POLICE + "\"}").statusCode()).as("only a Prevent manager").isNotEqualTo(204);
    work(reference, "Task_AssuranceReview", "demo-manager", Map.of("assuranceDecision", "AGREE_CLOSURE",
        "rationale", "Synthetic: the history and the screening support closing."));

    assertThat(record(reference)).containsEntry("status", "CLOSED").containsEntry("closure_reason", "NFA_CLOSED");
    assertThat(entries(reference)).extracting(entry -> entry.get("recorded_by")).contains("demo-manager");
    assertThat(processes(reference)).isZero();
  }
}
