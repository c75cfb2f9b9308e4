package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.NewCase;
import org.preventcase.casefile.CaseFixtures;
import org.preventcase.caseprocess.UnreceivedMessage;
import org.preventcase.casefile.CaseStatus;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Known persons on PostgreSQL (process.md §2.8), through the partner API: an exact match joins the
 * open case (no second case) and gives the police a deconfliction task in its process; a weaker match
 * waits for the screener; a closed case gives a repeat case carrying the history; a case in its
 * post-exit review window receives the referral; another authority's case is named, nothing more.
 */
class KnownPersonsIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired CaseService cases;
  @Autowired Actors actors;

  Map<String, Object> person() {
    return new HashMap<>(ReferralExamples.valid("Kp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)));
  }

  String refer(Map<String, Object> referral) {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    answers.add(ReferralApiIT.json(created));
    return ReferralApiIT.caseOf(jdbc, created);
  }

  /** The API's answers to {@link #refer}, in order. */
  final List<JsonNode> answers = new ArrayList<>();

  /** What a referrer is told: the same fields and status whatever the match, never a case reference. */
  void theReferrerWasToldOnlyTheReferralsReference() {
    for (JsonNode answer : answers) {
      List<String> fields = new ArrayList<>();
      answer.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("referralId", "referralReference", "status");
      assertThat(answer.path("status").asText()).isEqualTo("received");
      assertThat(answer.toString()).doesNotContain("E06000031-");
    }
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void theSamePersonWrittenDifferentlyJoinsTheirOpenCaseAndThePoliceDeconflictTheNewInformation() {
    Map<String, Object> first = person();
    String reference = refer(first);
    long casesBefore = count("SELECT count(*) FROM case_file");

    Map<String, Object> again = new HashMap<>(first);
    again.put("personGivenNames", "  " + ((String) first.get("personGivenNames")).toUpperCase() + " ");
    again.put("personFamilyName", ((String) first.get("personFamilyName")).replace("Thackeray", "Thackéray,"));
    again.put("concernDescription", "A second, separate concern");
    String linked = refer(again);

    assertThat(linked).isEqualTo(reference);
    assertThat(count("SELECT count(*) FROM case_file")).as("no second case").isEqualTo(casesBefore);
    assertThat(count("""
        SELECT count(*) FROM case_referral l JOIN case_file c ON c.id = l.case_id WHERE c.reference = ?""", reference))
        .isEqualTo(2);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DeconflictNewInformation").count())
        .as("the message is sent after an asynchronous boundary, not in the referrer's transaction").isZero();

    executeDueJobs();

    Task deconflict = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DeconflictNewInformation").singleResult();
    assertThat(deconflict).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(deconflict.getId())).extracting(link -> link.getGroupId())
        .contains("prevent-police-officer");
    assertThat(deconflict.getName()).as("the screener sees the link").isEqualTo("Deconflict new information: " + reference);

    // the referrer of the second referral learns nothing of the open case: the same answer as for a new person
    theReferrerWasToldOnlyTheReferralsReference();
    long second = answers.get(1).path("referralId").asLong();
    HttpResponse<String> mine = call("GET", "/api/referrals/" + second, "demo-referrer", null);
    assertThat(mine.body()).contains("\"status\":\"received\"").contains("R-" + second).doesNotContain(reference);
    assertThat(signIn("demo-referrer").get("/referrals/mine").body()).doesNotContain(reference);
    assertThat(jdbc.queryForList("""
        SELECT case_reference FROM notification_outbox WHERE message_type = 'REFERRAL_ACKNOWLEDGEMENT'
        AND case_reference IN (?, ?)""", String.class, "R-" + second, reference)).containsExactly("R-" + second);
  }

  @Test
  void aWeakerMatchWaitsForTheScreenerAndIsNeverMergedAutomatically() {
    Map<String, Object> first = person();
    String reference = refer(first);
    Map<String, Object> sibling = new HashMap<>(first);
    sibling.put("personGivenNames", "Another" + first.get("personGivenNames"));
    sibling.put("personDateOfBirth", "2014-09-02");
    long links = count("SELECT count(*) FROM case_referral");

    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(sibling));

    assertThat(created.statusCode()).isEqualTo(201);
    answers.add(ReferralApiIT.json(created));
    theReferrerWasToldOnlyTheReferralsReference();
    assertThat(count("SELECT count(*) FROM notification_outbox WHERE message_type = 'REFERRAL_ACKNOWLEDGEMENT' "
        + "AND case_reference = ?", answers.get(1).path("referralReference").asText()))
        .as("acknowledged at once, before the screener decides").isEqualTo(1);
    Task confirm = tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmPossibleMatch")
        .processVariableValueEquals("matchedCaseRef", reference).singleResult();
    assertThat(confirm).isNotNull();
    assertThat(count("SELECT count(*) FROM case_referral")).as("not linked until the screener confirms").isEqualTo(links);
    Object referralId = runtime.getVariable(confirm.getExecutionId(), "referralId");
    HttpResponse<String> page = signIn("demo-police").get("/referrals/" + referralId + "?purpose=TASK");
    assertThat(page.statusCode()).as("the screener compares the new referral").isEqualTo(200);
    assertThat(page.body()).contains((String) sibling.get("personGivenNames")).contains("2 September 2014")
        .contains("&lt;script&gt;");
    assertThat(signIn("demo-referrer").get("/referrals/" + referralId).statusCode()).isEqualTo(404);

    identity.setAuthentication("demo-police", List.of("prevent-police-officer"), List.of("E06000031"));
    try {
      tasks.complete(confirm.getId(), Map.of("matchDecision", "DIFFERENT_PERSON"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(count("SELECT count(*) FROM case_referral")).isEqualTo(links + 1);
    assertThat(signIn("demo-police").get("/referrals/" + referralId).statusCode())
        .as("once attached, the referral is read on its case page").isEqualTo(404);
  }

  @Test
  void aPersonWhoseCaseClosedGetsARepeatCaseCarryingTheHistory() {
    Map<String, Object> first = person();
    String earlier = refer(first);
    Actor coordinator = actors.of("demo-coordinator");
    cases.close(coordinator, earlier, ClosureReason.NFA_CLOSED, Purpose.of(Purpose.Code.CASE_API));

    String repeat = refer(first);

    assertThat(repeat).isNotEqualTo(earlier);
    assertThat(jdbc.queryForObject("SELECT previous_case_reference FROM case_file WHERE reference = ?", String.class,
        repeat)).isEqualTo(earlier);
    assertThat(runtime.getVariables(tasks.createTaskQuery().processInstanceBusinessKey(repeat)
        .taskDefinitionKey("Task_DeconflictReferral").singleResult().getExecutionId()))
        .containsEntry("previousCaseRef", earlier);
    assertThat(signIn("demo-police").get("/cases/" + repeat).body()).contains("Earlier cases of this person")
        .contains("href=\"/cases/" + earlier + "\"");
    theReferrerWasToldOnlyTheReferralsReference();
  }

  @Test
  void aPersonInThePostExitReviewWindowHasTheReferralSentToThatCase() {
    Map<String, Object> first = person();
    String reviewed = refer(first);
    cases.close(actors.of("demo-coordinator"), reviewed, ClosureReason.NFA_CLOSED, Purpose.of(Purpose.Code.CASE_API));
    cases.changeStage(actors.of("demo-coordinator"), reviewed, Stage.POST_EXIT_REVIEW, CaseStatus.CLOSED,
        Purpose.of(Purpose.Code.CASE_API));
    long casesBefore = count("SELECT count(*) FROM case_file");

    assertThat(refer(first)).isEqualTo(reviewed);
    assertThat(count("SELECT count(*) FROM case_file")).isEqualTo(casesBefore);
    theReferrerWasToldOnlyTheReferralsReference();

    executeDueJobs();
    Task unreceived = tasks.createTaskQuery().taskName(UnreceivedMessage.TASK_NAME)
        .taskVariableValueEquals("caseRef", reviewed).singleResult();
    assertThat(unreceived).as("no after-care stage waits for the message yet: a person is told").isNotNull();
    assertThat(unreceived.getTenantId()).isEqualTo("E06000031");
    assertThat(unreceived.getDescription()).contains("ReferralDuringPostExitReview").contains(reviewed);
    assertThat(tasks.getIdentityLinksForTask(unreceived.getId())).extracting(link -> link.getGroupId())
        .contains("prevent-police-officer");
  }

  @Test
  void aCaseInAnotherAuthorityIsNamedToTheScreenerAndNothingMore() {
    Map<String, Object> first = person();
    Actor luton = new Actor("test-luton-intake", Set.of("prevent-channel-coordinator"), Set.of("E06000032"));
    NewCase.Person person = new NewCase.Person((String) first.get("personGivenNames"),
        (String) first.get("personFamilyName"), LocalDate.parse((String) first.get("personDateOfBirth")), "MALE",
        List.of(), "Somewhere in Luton", "LU1 1ZZ");
    String lutonCase = CaseFixtures.open(cases, luton, new NewCase("E06000032", person, new NewCase.Referral(OffsetDateTime.now(),
        "HEALTH", "ISLAMIST", "ROUTINE", "Luton's own account")));

    String reference = refer(first);

    assertThat(reference).isNotEqualTo(lutonCase).startsWith("E06000031-");
    Map<String, Object> facts = runtime.getVariables(tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DeconflictReferral").singleResult().getExecutionId());
    assertThat(facts).containsEntry("otherAuthority", "Luton").doesNotContainValue(lutonCase);
    assertThat(signIn("demo-police").get("/cases/" + reference).body()).doesNotContain("Luton's own account")
        .doesNotContain(lutonCase);
  }
}
