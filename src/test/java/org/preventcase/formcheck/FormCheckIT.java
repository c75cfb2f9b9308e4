package org.preventcase.formcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.preventcase.app.ApplicationIT;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.models.ProjectFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every form in forms/ is checked on the server against its deployed schema (issue 8 item 5),
 * through the engine REST API and through the webapps' engine API that Tasklist calls: a missing
 * required field, an option the form does not offer and a date that does not exist are each refused
 * with 400 naming the field by its label, before the engine runs its command; a good submission passes.
 */
public class FormCheckIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String POLICE = "demo-police";
  static final String MANAGER = "demo-manager";
  static final String MAPPA = "demo-mappa";
  static final String RATIONALE = "Synthetic rationale for the form check.";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  /** Where each form is submitted, and a valid submission of it. */
  record Place(String path, String user, Map<String, Object> valid) {}

  Map<String, Supplier<Place>> places() {
    Map<String, Supplier<Place>> places = new LinkedHashMap<>();
    places.put("referral-intake-start", () -> new Place(
        "/engine-rest/process-definition/key/referral-intake/submit-form", "demo-referrer", referral()));
    places.put("referral-deconfliction", () -> new Place(taskForm(claimed(deconflictionTask())), POLICE,
        Map.of("deconfliction", "CLEAR")));
    places.put("referral-screening", () -> new Place(taskForm(claimed(screeningTask())), POLICE, screening("NFA_CLOSED")));
    places.put("preliminary-assessment", () -> new Place(taskForm(claimed(preliminaryAssessmentTask())), POLICE, Map.of("preliminaryDecision", "LIST_FOR_PANEL", "rationale", RATIONALE)));
    places.put("below-threshold-review", () -> new Place(taskForm(claimed(belowThresholdReviewTask())), POLICE,
        Map.of("localReviewDecision", "SCREEN_AGAIN", "rationale", RATIONALE)));
    places.put("assurance-review", () -> new Place(taskForm(claimed(assuranceReviewTask(), MANAGER)), MANAGER,
        Map.of("assuranceDecision", "AGREE_CLOSURE", "rationale", RATIONALE)));
    places.put("mappa-hand-off", () -> new Place(taskForm(claimed(screenedAs("MAPPA", "Task_HandOverToMappa"), MAPPA)),
        MAPPA, mappaHandOff()));
    places.put("mappa-liaison", () -> new Place(taskForm(claimed(mappaLiaisonTask(), MAPPA)), MAPPA,
        Map.of("mappaInvolvementEnded", true)));
    places.put("transfer-acceptance", () -> new Place(taskForm(claimed(transferAcceptanceTask())), POLICE,
        Map.of("transferAccepted", true)));
    places.put("transfer-pack", () -> new Place(taskForm(claimed(transferPackTask())), POLICE,
        Map.of("transferPackReceived", true)));
    places.put("referral-possible-match", () -> new Place(taskForm(claimed(possibleMatchTask())), POLICE,
        Map.of("matchDecision", "DIFFERENT_PERSON")));
    places.put("new-information-deconfliction", () -> new Place(taskForm(claimed(newInformationTask())), POLICE,
        Map.of("newInformationDeconflicted", true)));
    places.put("information-agencies", () -> new Place(taskForm(claimed(informationTask(null))), POLICE,
        Map.of("agenciesToAsk", List.of("EDUCATION"), "informationAsked", "Is the person known to you?")));
    places.put("information-request", () -> new Place(taskForm(claimed(informationTask(
        org.preventcase.vocabulary.PartnerAgency.EDUCATION), EDUCATION)), EDUCATION, Map.of("agencyHolds", "NOT_KNOWN")));
    places.put("information-overdue", () -> new Place(taskForm(claimed(overdueInformationTask())), POLICE,
        Map.of("overdueDecision", "PROCEED_WITHOUT")));
    // the Channel panel (docs/panel.md)
    places.put("panel-assessment", () -> new Place(taskForm(claimed(panelTask("Task_AssessCase"), COORDINATOR)),
        COORDINATOR, panelAssessment()));
    places.put("panel-decision", () -> new Place(taskForm(claimed(panelTask("Task_DecideCase"), CHAIR)), CHAIR,
        Map.of("panelDecision", "ADOPT", "decisionMethod", "UNANIMOUS", "decisionRationale", RATIONALE)));
    places.put("panel-review", () -> new Place(taskForm(claimed(panelTask("Task_ReviewAdoptedCase"), CHAIR)), CHAIR,
        Map.of("reviewDecision", "CONTINUE", "reviewRationale", RATIONALE)));
    places.put("panel-agenda", () -> new Place(taskForm(claimed(meetingTask("Task_PrepareAgenda"), COORDINATOR)),
        COORDINATOR, Map.of("invitedMembers", List.of(EDUCATION), "vettingConfirmed", true)));
    places.put("panel-attendance", () -> new Place(taskForm(claimed(meetingTask("Task_RecordAttendance"), COORDINATOR)),
        COORDINATOR, Map.of("attendedMembers", List.of(EDUCATION), "authoritiesRepresented", List.of("E06000031"),
            "policeForcesRepresented", List.of("E23000023"))));
    places.put("panel-minutes", () -> new Place(taskForm(claimed(meetingTask("Task_ConfirmMinutes"), CHAIR)), CHAIR,
        Map.of("minutesFinal", true)));
    places.put("support-plan", () -> new Place(taskForm(claimed(supportTask("Task_PrepareSupportPlan"), COORDINATOR)),
        COORDINATOR, supportPlan()));
    places.put("consent", () -> new Place(taskForm(claimed(supportTask("Task_RecordConsent"), COORDINATOR)),
        COORDINATOR, parentalConsent("GIVEN", "YES")));
    places.put("consent-consultation", () -> new Place(taskForm(claimed(supportTask("Task_ConsultOnConsent"),
        COORDINATOR)), COORDINATOR, Map.of("consultationAdvice", RATIONALE, "consultationOutcome", "NO_SUPPORT")));
    places.put("consent-reassessment", () -> new Place(taskForm(claimed(supportTask("Task_SetReassessment"), CHAIR)),
        CHAIR, reassessment(LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London"))).plusMonths(3))));
    places.put("intervention-contact", () -> new Place(taskForm(claimed(supportTask("Task_RecordContact"), PROVIDER)),
        PROVIDER, Map.of("contactOutcome", "CONTACT_MADE", "contactNote", RATIONALE)));
    places.put("post-exit-review", () -> new Place(taskForm(claimed(supportTask("Task_ReviewAfterExit"), COORDINATOR)),
        COORDINATOR, Map.of("postExitReviewOutcome", "NO_CONCERN", "postExitReviewRationale", RATIONALE)));
    places.put("panel-extraordinary-meeting", () -> new Place(
        "/engine-rest/process-definition/key/panel-meeting/submit-form", COORDINATOR, extraordinaryMeeting()));
    places.put("custody-hand-off", () -> new Place(taskForm(claimed(custodyTask(null))), POLICE, custodyHandOff("CLOSE")));
    places.put("custody-release", () -> new Place(taskForm(claimed(custodyTask(custodyHandOff("HOLD")))), POLICE,
        Map.of("releaseDecision", "SCREEN_AGAIN")));
    return places;
  }

  static Map<String, Object> custodyHandOff(String decision) {
    return Map.of("custodyBasis", "SENTENCED", "custodyEstablishment", "HMP Synthetic Vale", "probationInvolvement",
        "ALLOCATED", "desistanceAndDisengagement", "REFERRED", "custodyDecision", decision);
  }

  /** A case at its screening reported in custody: its hand-off, or, recorded with {@code handOff}, its hold's review. */
  String custodyTask(Map<String, Object> handOff) {
    String screening = screeningTask();
    String reference = tasks.createTaskQuery().taskId(screening).singleResult().getName().split(": ")[1];
    HttpResponse<String> reported = call("POST", "/api/cases/" + reference + "/custody", POLICE, null);
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
    String task = task(reference, "Task_RecordCustodyHandOff").getId();
    if (handOff == null) {
      return task;
    }
    worked(POLICE, task, handOff);
    return task(reference, "Task_AwaitRelease").getId();
  }

  @Autowired org.preventcase.panel.MeetingRecords meetingRecords;
  @Autowired org.preventcase.panel.PanelMeetings panelMeetings;
  @Autowired org.preventcase.security.Actors actors;
  @Autowired org.preventcase.casefile.CaseService caseService;
  static final String COORDINATOR = "demo-coordinator";
  static final String CHAIR = "demo-chair";

  static Map<String, Object> mappaHandOff() {
    return Map.of("mappaCategory", "4", "mappaLevel", "2", "mappaAgreesToChannel", "NO");
  }

  /** A MAPPA case whose category and level are recorded: Prevent's liaison with MAPPA. */
  String mappaLiaisonTask() {
    String handOff = screenedAs("MAPPA", "Task_HandOverToMappa");
    String reference = tasks.createTaskQuery().taskId(handOff).singleResult().getName().split(": ")[1];
    worked(MAPPA, handOff, mappaHandOff());
    return task(reference, "Task_LiaiseWithMappa").getId();
  }

  /**
   * A transfer's acceptance task, as a case the intake opened would have one (transfer-in started with its
   * variables, in this authority: the form check reads the task's form and variables, not how it came).
   */
  String transferAcceptanceTask() {
    String reference = referAndGetCase(referral());
    String transferIn = runtime.createProcessInstanceByKey("transfer-in").businessKey(reference)
        .setVariables(Map.of("caseRef", reference, "caseOwnerGroup", "prevent-police-officer", "taskPriority", 50,
            "sendingCaseRef", "E06000032-2026-00001", "sendingAuthorityCode", "E06000032", "sendingAuthorityName",
            "Luton Borough Council", "authorityCode", "E06000031"))
        .execute().getId();
    return tasks.createTaskQuery().processInstanceId(transferIn).singleResult().getId();
  }

  /** A case moving to an authority not served here (Thurrock): sending its transfer pack. */
  String transferPackTask() {
    String screening = screeningTask();
    String reference = tasks.createTaskQuery().taskId(screening).singleResult().getName().split(": ")[1];
    HttpResponse<String> requested = call("POST", "/api/cases/" + reference + "/transfer", POLICE,
        "{\"receivingAuthorityCode\": \"E06000034\", \"reason\": \"MOVED_HOME\"}");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    return task(reference, "Task_SendTransferPack").getId();
  }

  static Map<String, Object> panelAssessment() {
    return Map.of("assessmentFramework", "VAF", "engagementRating", "MEDIUM", "intentRating", "LOW",
        "capabilityRating", "NONE", "susceptibility", "SUSCEPTIBLE", "ctRiskOwner", "PREVENT_POLICING",
        "contributionEducation", "Synthetic contribution.", "assessmentSummary", RATIONALE);
  }

  /** A case referred to the panel (its preliminary assessment lists it): its reference. */
  String caseAtPanel() {
    String assessment = preliminaryAssessmentTask();
    String reference = tasks.createTaskQuery().taskId(assessment).singleResult().getName().split(": ")[1];
    worked(POLICE, assessment, Map.of("preliminaryDecision", "LIST_FOR_PANEL", "rationale", RATIONALE));
    return reference;
  }

  long meetingOf(String reference) {
    return ((Number) runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("panel-case").singleResult().getId(), "panelMeetingId")).longValue();
  }

  /** The panel's task of a case at a quorate meeting: the assessment, the decision, or an adopted case's review. */
  String panelTask(String activity) {
    String reference = caseAtPanel();
    long meeting = meetingOf(reference);
    runtime.createMessageCorrelation("PanelMeetingOpened").processInstanceBusinessKey(reference)
        .setVariable("panelMeetingId", meeting).setVariable("panelMeetingQuorate", true).correlateAll();
    executeDueJobs();
    if (activity.equals("Task_AssessCase")) {
      return task(reference, activity).getId();
    }
    worked(COORDINATOR, task(reference, "Task_AssessCase").getId(), panelAssessment());
    if (activity.equals("Task_DecideCase")) {
      return task(reference, activity).getId();
    }
    worked(CHAIR, task(reference, "Task_DecideCase").getId(), Map.of("panelDecision", "ADOPT", "decisionMethod",
        "UNANIMOUS", "decisionRationale", RATIONALE));
    reviewDue(reference, reviewMeeting(reference));
    return task(reference, activity).getId();
  }

  /** A meeting of its own for the case's review, already past, so that no other case is listed at it. */
  long reviewMeeting(String reference) {
    java.time.Instant held = clock.instant().minus(java.time.Duration.ofDays(1));
    long review = meetingRecords.insert("E06000031", List.of("E06000031"), org.preventcase.panel.Meeting.Kind.ROUTINE,
        held, held, 8, "form-check").id();
    caseService.listAtPanelMeeting(org.preventcase.security.Actor.system("E06000031"), reference, review,
        org.preventcase.casefile.ListingPurpose.REVIEW, new org.preventcase.audit.Purpose(
            org.preventcase.audit.Purpose.Code.PROCESS, "form check"));
    return review;
  }

  /** The adopted case's support stage told that a quorate meeting reviews it. */
  void reviewDue(String reference, long meeting) {
    runtime.createMessageCorrelation("PanelReviewDue").processInstanceBusinessKey(reference)
        .setVariableLocal("panelMeetingId", meeting).setVariableLocal("panelMeetingQuorate", true).correlateAll();
  }

  static final String PROVIDER = "demo-provider";

  static Map<String, Object> supportPlan() {
    return Map.of("consentApproach", RATIONALE, "supportNature", RATIONALE, "supportProviders", RATIONALE,
        "supportDelivery", RATIONALE, "interventionTypes", List.of("IDEOLOGICAL_MENTORING"), "interventionDetails",
        RATIONALE, "interventionProvider", PROVIDER);
  }

  /** The referral's person is 14 (ReferralExamples): a parent's or guardian's consent, beside the young person's agreement. */
  static Map<String, Object> parentalConsent(String outcome, String youngPersonAgrees) {
    Map<String, Object> consent = new HashMap<>(Map.of("consentRecord", RATIONALE, "consentOutcome", outcome,
        "youngPersonAgrees", youngPersonAgrees));
    if (outcome.equals("GIVEN")) {
      consent.put("consentGivenBy", "PARENT_OR_GUARDIAN");
    }
    return consent;
  }

  static Map<String, Object> reassessment(LocalDate on) {
    return Map.of("reassessmentDateDay", on.getDayOfMonth(), "reassessmentDateMonth", on.getMonthValue(),
        "reassessmentDateYear", on.getYear(), "otherRoutesConsidered", RATIONALE);
  }

  /**
   * A task of an adopted case's support stage or after-care: the plan, consent, the consultation (the
   * young person agrees, the parent refuses), the re-assessment (the parent refuses), a contact, or the
   * post-exit review (after an exit, six months on).
   */
  String supportTask(String activity) {
    String decide = panelTask("Task_DecideCase");
    String reference = tasks.createTaskQuery().taskId(decide).singleResult().getName().split(": ")[1];
    worked(CHAIR, decide, Map.of("panelDecision", "ADOPT", "decisionMethod", "UNANIMOUS", "decisionRationale", RATIONALE));
    if (!activity.equals("Task_PrepareSupportPlan")) {
      worked(COORDINATOR, task(reference, "Task_PrepareSupportPlan").getId(), supportPlan());
    }
    if (activity.equals("Task_PrepareSupportPlan") || activity.equals("Task_RecordConsent")) {
      return task(reference, activity).getId();
    }
    worked(COORDINATOR, task(reference, "Task_RecordConsent").getId(), switch (activity) {
      case "Task_ConsultOnConsent" -> parentalConsent("REFUSED", "YES");
      case "Task_SetReassessment" -> parentalConsent("REFUSED", "NO");
      default -> parentalConsent("GIVEN", "YES");
    });
    if (activity.equals("Task_ReviewAfterExit")) {
      reviewDue(reference, reviewMeeting(reference));
      worked(CHAIR, task(reference, "Task_ReviewAdoptedCase").getId(), Map.of("reviewDecision", "EXIT",
          "reviewRationale", RATIONALE));
      java.time.Instant now = clock.instant();
      try {
        clock.advance(java.time.Duration.ofDays(200));
        executeDueJobs();
      } finally {
        clock.set(now);
      }
    }
    return task(reference, activity).getId();
  }

  /** An extraordinary meeting of its own for the case (no other case shares it, as a routine one would): its reference. */
  String calledExtraordinaryMeeting(String reference) {
    return panelMeetings.callExtraordinary(actors.of(COORDINATOR), reference, aDayOfItsOwn(), RATIONALE,
        ListingPurpose.DECIDE).reference();
  }

  /** A task of a case's own meeting: the agenda, the attendance (agenda issued) or the minutes (held). */
  String meetingTask(String activity) {
    String meeting = calledExtraordinaryMeeting(caseAtPanel());
    String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(meeting).singleResult().getId();
    executeDueJobs(); // its agenda is due at once
    String prepare = tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
    if (activity.equals("Task_PrepareAgenda")) {
      return prepare;
    }
    worked(COORDINATOR, prepare, Map.of("invitedMembers", List.of(EDUCATION), "vettingConfirmed", true));
    management.createJobQuery().processInstanceId(process).timers().list().forEach(job -> management.executeJob(job.getId()));
    String attendance = tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
    if (activity.equals("Task_RecordAttendance")) {
      return attendance;
    }
    worked(COORDINATOR, attendance, Map.of("attendedMembers", List.of(EDUCATION)));
    return tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
  }

  /** An urgent case at the panel, its extraordinary meeting tomorrow. */
  Map<String, Object> extraordinaryMeeting() {
    java.time.LocalDate tomorrow = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")))
        .plusDays(1);
    return Map.of("urgentCaseRef", caseAtPanel(), "meetingDateDay", tomorrow.getDayOfMonth(), "meetingDateMonth",
        tomorrow.getMonthValue(), "meetingDateYear", tomorrow.getYear(), "urgencyReason", RATIONALE);
  }

  static final String EDUCATION = "demo-panel-education";
  @Autowired org.preventcase.app.TestClock clock;

  /**
   * A case's information gathering, started as the gateway calls it: the case owner's task, or (asked
   * of {@code agency}) that agency's request.
   */
  String informationTask(org.preventcase.vocabulary.PartnerAgency agency) {
    String reference = referAndGetCase(referral());
    String gathering = runtime.startProcessInstanceByKey(org.preventcase.information.InformationGathering.PROCESS_KEY,
        reference, Map.of(org.preventcase.information.InformationGathering.CASE_OWNER_GROUP, "prevent-police-officer"))
        .getId();
    String select = tasks.createTaskQuery().processInstanceId(gathering).singleResult().getId();
    if (agency == null) {
      return select;
    }
    HttpResponse<String> asked = call("POST", taskForm(claimed(select)), POLICE, body(Map.of("agenciesToAsk",
        List.of(agency.name()), "informationAsked", "Is the person known to you?")));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
    executeDueJobs();
    return tasks.createTaskQuery().processInstanceId(gathering).taskCandidateGroup(agency.groupId()).singleResult().getId();
  }

  /** The case owner's decision on a request the agency left unanswered past its due date. */
  String overdueInformationTask() {
    String request = informationTask(org.preventcase.vocabulary.PartnerAgency.HOUSING);
    String gathering = tasks.createTaskQuery().taskId(request).singleResult().getProcessInstanceId();
    java.time.Instant now = clock.instant();
    try {
      clock.advance(java.time.Duration.ofDays(16));
      executeDueJobs();
    } finally {
      clock.set(now);
    }
    return tasks.createTaskQuery().processInstanceId(gathering).taskDefinitionKey("Task_DecideOnOverdueRequest")
        .singleResult().getId();
  }

  String claimed(String taskId, String user) {
    HttpResponse<String> claim = call("POST", "/engine-rest/task/" + taskId + "/claim", user,
        "{\"userId\": \"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    return taskId;
  }

  @Test
  void everyFormInTheRepositoryHasAPlaceInThisTest() {
    assertThat(places().keySet()).containsExactlyInAnyOrderElementsOf(
        ProjectFiles.under(ProjectFiles.FORMS, ".form").stream().map(ProjectFiles::formId).toList());
  }

  @TestFactory
  List<DynamicTest> eachFormRefusesAMissingFieldAnOptionItDoesNotOfferAndAnImpossibleDate() {
    List<DynamicTest> checks = new ArrayList<>();
    places().forEach((formId, place) -> {
      FormSchema schema = FormSchemaTest.read(ProjectFiles.FORMS.resolve(formId + ".form"));
      visible(schema, field -> field.required()).ifPresent(field -> checks.add(DynamicTest.dynamicTest(
          formId + ": " + field.key() + " missing is refused, naming it", () -> {
            Place at = place.get();
            Map<String, Object> submitted = new HashMap<>(at.valid());
            submitted.remove(field.key());
            assertRefused(call("POST", at.path(), at.user(), body(submitted)), field);
          })));
      visible(schema, field -> !field.options().isEmpty()).ifPresent(field -> checks.add(DynamicTest.dynamicTest(
          formId + ": an option " + field.key() + " does not offer is refused, naming it", () -> {
            Place at = place.get();
            Map<String, Object> submitted = new HashMap<>(at.valid());
            submitted.put(field.key(), field.kind() == FormField.Kind.CHOICES ? List.of("NOT_AN_OPTION") : "NOT_AN_OPTION");
            assertRefused(call("POST", at.path(), at.user(), body(submitted)), field);
          })));
      visible(schema, field -> field.kind() == FormField.Kind.DATE_TIME).ifPresent(field -> checks.add(
          DynamicTest.dynamicTest(formId + ": an impossible date in " + field.key() + " is refused, naming it", () -> {
            Place at = place.get();
            Map<String, Object> submitted = new HashMap<>(at.valid());
            submitted.put(field.key(), "datetime".equals(field.subtype()) ? "2011-02-30T10:00Z" : "2011-02-30");
            assertRefused(call("POST", at.path(), at.user(), body(submitted)), field);
          })));
      checks.add(DynamicTest.dynamicTest(formId + ": a key the form does not have is refused", () -> {
        Place at = place.get();
        Map<String, Object> submitted = new HashMap<>(at.valid());
        submitted.put("notes", "Lives with an aunt");
        HttpResponse<String> refused = call("POST", at.path(), at.user(), body(submitted));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsEntry("notes", "'notes' is not a question on this form");
      }));
      checks.add(DynamicTest.dynamicTest(formId + ": a good submission passes", () -> {
        Place at = place.get();
        HttpResponse<String> accepted = call("POST", at.path(), at.user(), body(at.valid()));
        assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 204);
      }));
    });
    return checks;
  }

  /** A submission of each form that enters a date in day, month and year, giving 31 February (the date shown). */
  Map<String, java.util.function.Function<Map<String, Object>, Map<String, Object>>> thirtyFirstOfFebruary() {
    return Map.of(
        "referral-intake-start", valid -> with(valid, Map.of("personDateOfBirth", "2011-02-31")),
        "referral-screening", valid -> signposted("referral-screening", 31, 2, 2026),
        "preliminary-assessment", valid -> signposted("preliminary-assessment", 31, 2, 2026),
        "information-overdue", valid -> Map.of("overdueDecision", "WAIT_LONGER", "newDueDateDay", 31,
            "newDueDateMonth", 2, "newDueDateYear", 2027),
        "panel-extraordinary-meeting", valid -> with(valid, Map.of("meetingDateDay", 31, "meetingDateMonth", 2,
            "meetingDateYear", 2027)),
        "consent-reassessment", valid -> with(valid, Map.of("reassessmentDateDay", 31, "reassessmentDateMonth", 2,
            "reassessmentDateYear", 2030)));
  }

  static Map<String, Object> with(Map<String, Object> values, Map<String, Object> changed) {
    Map<String, Object> with = new HashMap<>(values);
    with.putAll(changed);
    return with;
  }

  @TestFactory
  List<DynamicTest> eachFormThatEntersADateInPartsRefusesOneThatDoesNotExistNamingItsDay() {
    List<DynamicTest> checks = new ArrayList<>();
    checks.add(DynamicTest.dynamicTest("every such form is here", () -> assertThat(thirtyFirstOfFebruary().keySet())
        .containsExactlyInAnyOrderElementsOf(ProjectFiles.under(ProjectFiles.FORMS, ".form").stream()
            .map(ProjectFiles::formId).filter(formId -> FormSchemaTest.read(ProjectFiles.FORMS.resolve(formId + ".form"))
                .fields().stream().anyMatch(field -> field.key().endsWith("Day"))).toList())));
    thirtyFirstOfFebruary().forEach((formId, impossible) -> checks.add(DynamicTest.dynamicTest(formId, () -> {
      Place at = places().get(formId).get();
      HttpResponse<String> refused = call("POST", at.path(), at.user(), body(impossible.apply(at.valid())));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      Map<String, String> errors = errors(refused);
      assertThat(errors).hasSize(1);
      assertThat(errors.keySet().iterator().next()).endsWith("Day");
      assertThat(errors.values().iterator().next()).contains("must be a real date");
    })));
    return checks;
  }

  @Test
  void tasklistsSubmissionThroughTheWebappsEngineApiIsRefusedTheSameWay() {
    String task = claimed(deconflictionTask());
    Browser police = signIn(POLICE);
    HttpResponse<String> refused = webappPost(police, "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        body(Map.of()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    // the form's own words for the field (its requiredMessage), as Tasklist shows them under it
    assertThat(errors(refused)).containsEntry("deconfliction",
        "Select whether the person is part of a live counter-terrorism investigation");
    assertThat(message(refused))
        .isEqualTo("There is a problem: Select whether the person is part of a live counter-terrorism investigation.");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
  }

  /** The decision forms that signpost a case, and a task of each, ready to be worked. */
  Map<String, Supplier<String>> signpostingForms() {
    return Map.of("referral-screening", this::screeningTask, "preliminary-assessment", this::preliminaryAssessmentTask);
  }

  static Map<String, Object> signposted(String formId, int day, int month, int year) {
    Map<String, Object> signposted = new HashMap<>(formId.equals("referral-screening")
        ? Map.of("gatewayOutcome", "SIGNPOSTED", "ideologyIdentified", "YES")
        : Map.of("preliminaryDecision", "SIGNPOST"));
    signposted.putAll(Map.of("signpostedTo", "EARLY_HELP", "rationale", RATIONALE, "onwardReferralDateDay", day,
        "onwardReferralDateMonth", month, "onwardReferralDateYear", year));
    return signposted;
  }

  @TestFactory
  List<DynamicTest> anImpossibleOrFutureOnwardReferralDateIsA400NamingItAndNothingIsHalfStored() {
    List<DynamicTest> checks = new ArrayList<>();
    signpostingForms().forEach((formId, task) -> checks.add(DynamicTest.dynamicTest(formId, () -> {
      String taskId = claimed(task.get());
      String caseReference = tasks.createTaskQuery().taskId(taskId).singleResult().getName().split(": ")[1];
      Long entries = caseEntries(caseReference);
      java.time.LocalDate tomorrow = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")))
          .plusDays(1);
      Map<Map<String, Object>, String> refusals = Map.of(
          signposted(formId, 31, 2, 2026), "The date of the onward referral must be a real date, for example 27 3 2026",
          signposted(formId, tomorrow.getDayOfMonth(), tomorrow.getMonthValue(), tomorrow.getYear()),
          "The date of the onward referral must be today or in the past");
      for (Map.Entry<Map<String, Object>, String> refusal : refusals.entrySet()) {
        for (String path : List.of(taskForm(taskId), "/engine-rest/task/" + taskId + "/complete")) {
          HttpResponse<String> refused = call("POST", path, POLICE, body(refusal.getKey()));
          assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
          assertThat(errors(refused)).containsOnly(Map.entry("onwardReferralDateDay", refusal.getValue()));
        }
      }
      Browser police = signIn(POLICE);
      HttpResponse<String> inTasklist = webappPost(police, "/camunda/api/engine/engine/default/task/" + taskId
          + "/submit-form", body(signposted(formId, 31, 2, 2026)));
      assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);
      assertThat(message(inTasklist)).isEqualTo(
          "There is a problem: The date of the onward referral must be a real date, for example 27 3 2026.");
      assertThat(caseEntries(caseReference)).as("no entry of the refused decision").isEqualTo(entries);
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
      assertThat(runtime.getVariables(tasks.createTaskQuery().taskId(taskId).singleResult().getExecutionId()))
          .as("no submitted value rests in the engine").doesNotContainKeys("rationale", "signpostedTo",
              "onwardReferralDateDay");

      HttpResponse<String> today = call("POST", taskForm(taskId), POLICE, body(signposted(formId,
          tomorrow.minusDays(1).getDayOfMonth(), tomorrow.minusDays(1).getMonthValue(), tomorrow.minusDays(1).getYear())));
      assertThat(today.statusCode()).as(today.body()).isEqualTo(204);
      assertThat(caseEntries(caseReference)).isEqualTo(entries + 1);
    })));
    return checks;
  }

  Long caseEntries(String caseReference) {
    return jdbc.queryForObject("""
        SELECT count(*) FROM case_entry e JOIN case_file c ON c.id = e.case_id WHERE c.reference = ?""", Long.class,
        caseReference);
  }

  @Test
  void theReferralFormNamesEachBadFieldInPlainWordsWithNoEngineIdRegexOrValue() {
    Map<String, Object> referral = referral();
    referral.remove("personGivenNames");
    referral.put("personGender", "SECRET_VALUE_X");
    HttpResponse<String> refused = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", body(referral));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errors(refused)).containsOnly(
        Map.entry("personGivenNames", "Enter the person's given names"),
        Map.entry("personGender", "Select gender from the list"));
    assertThat(refused.body()).doesNotContain("referral-intake:", "Exception", "ENGINE-", "SECRET_VALUE_X");
  }

  @Test
  void aStartCannotSkipItsListenersOrBeginElsewhere() {
    Long referralsBefore = jdbc.queryForObject("SELECT count(*) FROM referral", Long.class);
    String valid = body(referral());
    for (String option : List.of("\"skipCustomListeners\": true", "\"skipIoMappings\": true",
        "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_MatchKnownPerson\"}]")) {
      String started = "{" + option + ", " + valid.substring(1);
      HttpResponse<String> refused = call("POST", "/engine-rest/process-definition/key/referral-intake/start",
          "demo-referrer", started);
      assertThat(refused.statusCode()).as(option).isEqualTo(400);
      assertThat(message(refused)).contains("leave out startInstructions, skipCustomListeners and skipIoMappings");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM referral", Long.class)).isEqualTo(referralsBefore);
  }

  void assertRefused(HttpResponse<String> refused, FormField field) {
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    Map<String, String> errors = errors(refused);
    assertThat(errors).containsKey(field.key());
    String message = errors.get(field.key());
    assertThat(message).as("names the field: the form's own words for it, or its label")
        .satisfiesAnyOf(own -> assertThat(own).isIn(field.requiredMessage(), field.invalidMessage()),
            named -> assertThat(named.toLowerCase()).containsAnyOf(field.label().toLowerCase(),
                field.errorName().toLowerCase()));
    assertThat(message(refused)).contains(errors.get(field.key())).doesNotContain("Exception", "ENGINE-");
  }

  static Optional<FormField> visible(FormSchema schema, java.util.function.Predicate<FormField> which) {
    return schema.fields().stream().filter(field -> field.hide() == null && which.test(field)).findFirst();
  }

  public static Map<String, String> errors(HttpResponse<String> response) {
    Map<String, String> errors = new HashMap<>();
    read(response).path("errors").forEach(error -> errors.put(error.path("field").asText(), error.path("message").asText()));
    return errors;
  }

  static String message(HttpResponse<String> response) {
    return read(response).path("message").asText();
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  static String body(Map<String, Object> values) {
    return ReferralExamples.submitFormBody(values);
  }

  static Map<String, Object> referral() {
    return new HashMap<>(ReferralExamples.valid("Fc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)));
  }

  /** A Tasklist POST to the webapps' engine API, with the CSRF token the webapps hand out. */
  public static HttpResponse<String> webappPost(Browser browser, String path, String json) {
    browser.get("/camunda/app/tasklist/default/");
    String token = browser.cookies().getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
    return browser.post(path, "application/json", json, "X-XSRF-TOKEN", token);
  }

  String taskForm(String taskId) {
    return "/engine-rest/task/" + taskId + "/submit-form";
  }

  String claimed(String taskId) {
    return claimed(taskId, POLICE);
  }

  /** A new referral's first task in its case's gateway: the police deconfliction. */
  String deconflictionTask() {
    return task(referAndGetCase(referral()), "Task_DeconflictReferral").getId();
  }

  static Map<String, Object> screening(String outcome) {
    Map<String, Object> screening = new HashMap<>(Map.of("gatewayOutcome", outcome, "ideologyIdentified", "YES",
        "rationale", RATIONALE));
    if (outcome.equals("NFA_CLOSED")) {
      screening.put("nfaReason", "MISTAKEN");
    }
    return screening;
  }

  /** The task's form submitted as the user (claimed first), and what follows its asynchronous boundary run. */
  void worked(String user, String taskId, Map<String, Object> submitted) {
    HttpResponse<String> done = call("POST", taskForm(claimed(taskId, user)), user, body(submitted));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    executeDueJobs();
  }

  /** A new referral, deconflicted: its gateway screening task. */
  String screeningTask() {
    String deconfliction = deconflictionTask();
    String reference = tasks.createTaskQuery().taskId(deconfliction).singleResult().getName().split(": ")[1];
    worked(POLICE, deconfliction, Map.of("deconfliction", "CLEAR"));
    return task(reference, "Task_ScreenReferral").getId();
  }

  /** A new referral screened with this outcome: the task that follows. */
  String screenedAs(String outcome, String next) {
    return screenedWith(screening(outcome), next);
  }

  String screenedWith(Map<String, Object> screening, String next) {
    String task = screeningTask();
    String reference = tasks.createTaskQuery().taskId(task).singleResult().getName().split(": ")[1];
    worked(POLICE, task, screening);
    return task(reference, next).getId();
  }

  /** A case referred towards the panel whose information gathering is done (Education asked, and answered). */
  String preliminaryAssessmentTask() {
    String screen = screeningTask();
    String reference = tasks.createTaskQuery().taskId(screen).singleResult().getName().split(": ")[1];
    worked(POLICE, screen, screening("REFER_TO_PANEL"));
    worked(POLICE, task(reference, "Task_SelectPartnerAgencies").getId(), Map.of("agenciesToAsk", List.of("EDUCATION"), "informationAsked", "Is the person known to you?"));
    worked(EDUCATION, task(reference, "Task_AnswerInformationRequest").getId(), Map.of("agencyHolds", "NOT_KNOWN"));
    return task(reference, "Task_PreliminaryAssessment").getId();
  }

  /** A case kept under the local below-threshold arrangement whose review is due. */
  String belowThresholdReviewTask() {
    String task = screeningTask();
    String reference = tasks.createTaskQuery().taskId(task).singleResult().getName().split(": ")[1];
    worked(POLICE, task, screening("LOCAL_BELOW_THRESHOLD"));
    management.createJobQuery().processInstanceId(tasksProcess(reference)).timers().list()
        .forEach(review -> management.executeJob(review.getId()));
    return task(reference, "Task_ReviewBelowThreshold").getId();
  }

  /** A closure with no ideology identified: the Prevent manager's assurance review. */
  String assuranceReviewTask() {
    Map<String, Object> noIdeology = new HashMap<>(screening("NFA_CLOSED"));
    noIdeology.put("ideologyIdentified", "NO");
    return screenedWith(noIdeology, "Task_AssuranceReview");
  }

  /** The case's gateway instance. */
  String tasksProcess(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey("gateway")
        .singleResult().getId();
  }

  String possibleMatchTask() {
    Map<String, Object> first = referral();
    String reference = referAndGetCase(first);
    Map<String, Object> sibling = new HashMap<>(first);
    sibling.put("personGivenNames", "Another" + first.get("personGivenNames"));
    sibling.put("personDateOfBirth", "2014-09-02");
    submitStart(sibling);
    return tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmPossibleMatch")
        .processVariableValueEquals("matchedCaseRef", reference).singleResult().getId();
  }

  String newInformationTask() {
    Map<String, Object> first = referral();
    String reference = referAndGetCase(first);
    Map<String, Object> again = new HashMap<>(first);
    again.put("concernDescription", "A second, separate concern");
    submitStart(again);
    executeDueJobs(); // the new information reaches the case after an asynchronous boundary
    return task(reference, "Task_DeconflictNewInformation").getId();
  }

  String referAndGetCase(Map<String, Object> referral) {
    HttpResponse<String> started = submitStart(referral);
    return read(started).path("businessKey").asText();
  }

  HttpResponse<String> submitStart(Map<String, Object> referral) {
    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", body(referral));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return started;
  }

  Task task(String caseReference, String definitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(definitionKey)
        .singleResult();
  }

  // the panel's rules that the schemas cannot say (FormRules beans, docs/panel.md): refused before the
  // engine's command, naming the field, with nothing recorded

  long meetingOfTask(String taskId) {
    return ((Number) tasks.getVariable(taskId, "panelMeetingId")).longValue();
  }

  String caseOfTask(String taskId) {
    return runtime.createProcessInstanceQuery().processInstanceId(tasks.createTaskQuery().taskId(taskId).singleResult()
        .getProcessInstanceId()).singleResult().getBusinessKey();
  }

  HttpResponse<String> refusedNaming(String user, String taskId, Map<String, Object> submitted, String field) {
    HttpResponse<String> refused = call("POST", taskForm(taskId), user, body(submitted));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(errors(refused)).containsKey(field);
    assertThat(refused.body()).doesNotContain("Exception", "ENGINE-");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
    return refused;
  }

  /** The case's assessment entries (the preliminary one included) and the panel's assessment records. */
  long assessmentsOf(String reference) {
    return jdbc.queryForObject("""
        SELECT (SELECT count(*) FROM case_entry e WHERE e.case_id = c.id AND e.kind = 'ASSESSMENT')
          + (SELECT count(*) FROM panel_assessment a WHERE a.case_id = c.id) FROM case_file c WHERE c.reference = ?""",
        Long.class, reference);
  }

  @Test
  void theAttendanceOfAMemberTheAgendaDidNotInviteIsRefusedAndNothingIsRecorded() {
    String task = claimed(meetingTask("Task_RecordAttendance"), COORDINATOR);
    long meeting = meetingOfTask(task);

    refusedNaming(COORDINATOR, task, Map.of("attendedMembers", List.of(EDUCATION, "demo-panel-health")),
        "attendedMembers");

    assertThat(jdbc.queryForObject("""
        SELECT (SELECT count(*) FROM panel_attendee WHERE meeting_id = ? AND attended IS NOT NULL)
          + (SELECT count(*) FROM panel_representation WHERE meeting_id = ?)""", Long.class, meeting, meeting))
        .as("no attendance, no representation").isZero();
  }

  @Test
  void anAssessmentWithoutAnyAgencysContributionIsRefusedAndNothingIsRecorded() {
    String task = claimed(panelTask("Task_AssessCase"), COORDINATOR);
    Map<String, Object> alone = new HashMap<>(panelAssessment());
    alone.remove("contributionEducation");
    long before = assessmentsOf(caseOfTask(task));

    HttpResponse<String> refused = refusedNaming(COORDINATOR, task, alone, "contributionEducation");

    assertThat(errors(refused).get("contributionEducation")).contains("at least one agency's contribution");
    assertThat(assessmentsOf(caseOfTask(task))).isEqualTo(before);
  }

  @Test
  void aRatingOffThePanelsScaleIsRefusedAndNothingIsRecorded() {
    String task = claimed(panelTask("Task_AssessCase"), COORDINATOR);
    Map<String, Object> offTheScale = new HashMap<>(panelAssessment());
    offTheScale.put("engagementRating", "SEVERE");
    long before = assessmentsOf(caseOfTask(task));

    refusedNaming(COORDINATOR, task, offTheScale, "engagementRating");

    assertThat(assessmentsOf(caseOfTask(task))).isEqualTo(before);
  }

  @Test
  void anAgendaWithoutTheMembersVettingConfirmedIsRefusedAndNoOneIsInvited() {
    String task = claimed(meetingTask("Task_PrepareAgenda"), COORDINATOR);
    long meeting = meetingOfTask(task);

    HttpResponse<String> refused = refusedNaming(COORDINATOR, task, Map.of("invitedMembers", List.of(EDUCATION),
        "vettingConfirmed", false), "vettingConfirmed");

    assertThat(errors(refused).get("vettingConfirmed")).containsIgnoringCase("vetted");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM panel_attendee WHERE meeting_id = ?", Long.class, meeting))
        .isZero();
  }
}
