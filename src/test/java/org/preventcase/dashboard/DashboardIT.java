package org.preventcase.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.caseprocess.OpenCaseConsistency;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard (issue 15, docs/dashboard.md) on PostgreSQL: a referral through the partner API
 * waits for the police's deconfliction ten days on, past its due date and its stage's target; every figure
 * equals what the database says, counted here independently (SQL, the engine's task query), each list
 * behind a figure shows the case, each look is audited, and a manager of another authority, or another
 * role, sees none of it.
 */
class DashboardIT extends ApplicationIT {

  static final String AUTHORITY = "E06000031";
  static final String OTHER_AUTHORITY = "E06000032";
  static final String OTHER_MANAGER = "board-test-luton-manager";

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired TestClock clock;
  @Autowired IdentityService identity;
  @Autowired OpenCaseConsistency consistency;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void theClockGoesBack() {
    clock.set(Instant.now());
  }

  /** Luton's Prevent manager, made once for the shared context. */
  static void anotherAuthorityHasAManager(IdentityService identity) {
    if (identity.createTenantQuery().tenantId(OTHER_AUTHORITY).count() == 0) {
      Tenant tenant = identity.newTenant(OTHER_AUTHORITY);
      tenant.setName("Luton Borough Council");
      identity.saveTenant(tenant);
    }
    if (identity.createUserQuery().userId(OTHER_MANAGER).count() == 0) {
      User user = identity.newUser(OTHER_MANAGER);
      user.setFirstName("Ilse");
      user.setLastName("Marbeck");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(OTHER_MANAGER, Role.PREVENT_MANAGER.groupId());
      identity.createTenantUserMembership(OTHER_AUTHORITY, OTHER_MANAGER);
    }
  }

  JsonNode figures(String user, String authority) {
    HttpResponse<String> answer = call("GET", "/api/dashboard?authority=" + authority, user, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    try {
      return json.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void everyFigureIsTheDatabasesAndEachListShowsTheCasesBehindIt() {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "dashboard-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Db" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = ReferralApiIT.caseOf(jdbc, created);
    clock.advance(Duration.ofDays(10));
    Date now = Date.from(clock.instant());

    JsonNode shown = figures("demo-manager", AUTHORITY);
    for (JsonNode stage : shown.path("openCasesByStage")) {
      assertThat(stage.path("count").asLong()).as(stage.path("code").asText()).isEqualTo(count(
          "SELECT count(*) FROM case_file WHERE authority_code = ? AND status = 'OPEN' AND stage = ?", AUTHORITY,
          stage.path("code").asText()));
    }
    assertThat(shown.path("tasksByGroup")).isNotEmpty();
    for (JsonNode group : shown.path("tasksByGroup")) {
      String id = group.path("group").asText();
      if (id.equals("assigned") || id.equals("none")) {
        continue;
      }
      assertThat(group.path("overdue").asLong()).as(id).isEqualTo(tasks.createTaskQuery().tenantIdIn(AUTHORITY)
          .taskCandidateGroup(id).includeAssignedTasks().dueBefore(now).count());
    }
    String police = Role.POLICE_PREVENT_OFFICER.groupId();
    assertThat(shown.findValues("group").stream().map(JsonNode::asText)).as("the deconfliction is overdue").contains(police);
    assertThat(shown.path("stuckNotifications").asLong()).isEqualTo(count(
        "SELECT count(*) FROM notification_outbox WHERE authority_code = ? AND status = 'PENDING' AND alerted_at IS NOT NULL",
        AUTHORITY));
    assertThat(shown.path("openCasesWithoutProcess").asLong()).isEqualTo(consistency.check().withoutProcess().stream()
        .filter(open -> open.startsWith(AUTHORITY + "-")).count());
    for (JsonNode meeting : shown.path("nextMeetings")) {
      assertThat(meeting.path("listed").asLong()).isEqualTo(count("SELECT count(*) FROM panel_listing WHERE meeting_id = ?",
          meeting.path("id").asLong()));
    }

    Browser manager = signIn("demo-manager");
    HttpResponse<String> page = manager.get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Open cases by stage").contains("<svg").contains("Past their target this quarter");
    HttpResponse<String> overdue = manager.get("/dashboard/lists/tasks?group=" + police + "&overdue=true");
    assertThat(overdue.statusCode()).isEqualTo(200);
    assertThat(overdue.body()).as("the overdue deconfliction's case").contains(reference);
    HttpResponse<String> breaches = manager.get("/dashboard/lists/sla-breaches?stage=SCREENING");
    assertThat(breaches.body()).as("screening past its seven days").contains(reference);
    long screeningBreaches = 0;
    for (JsonNode breach : shown.path("slaBreachesByStage")) {
      if (breach.path("code").asText().equals("SCREENING")) {
        screeningBreaches = breach.path("count").asLong();
      }
    }
    assertThat(screeningBreaches).as("the figure counts the list's cases")
        .isEqualTo(breaches.body().split("/cases/" + AUTHORITY + "-", -1).length - 1);
    assertThat(jdbc.queryForList("""
        SELECT purpose_detail FROM audit_event WHERE user_id = 'demo-manager' AND purpose_code = 'REPORT'
          AND outcome = 'GRANTED' AND authority_code = ? ORDER BY id DESC LIMIT 3""", String.class, AUTHORITY))
        .containsExactly("dashboard list sla-breaches", "dashboard list tasks", "dashboard");
  }

  @Test
  void aManagerOfAnotherAuthorityAndEveryOtherRoleSeeNoneOfIt() {
    anotherAuthorityHasAManager(identity);
    Browser otherManager = signIn(OTHER_MANAGER);
    Browser coordinator = signIn("demo-coordinator");
    for (String path : List.of("/dashboard?authority=" + AUTHORITY, "/dashboard/lists/without-process?authority=" + AUTHORITY,
        "/reports/board?authority=" + AUTHORITY, "/reports/board.csv?authority=" + AUTHORITY)) {
      assertThat(otherManager.get(path).statusCode()).as(path).isEqualTo(404);
      assertThat(coordinator.get(path).statusCode()).as("coordinator " + path).isEqualTo(404);
    }
    assertThat(call("GET", "/api/dashboard?authority=" + AUTHORITY, OTHER_MANAGER, null).statusCode()).isEqualTo(404);
    assertThat(figures(OTHER_MANAGER, OTHER_AUTHORITY).path("authorityCode").asText()).isEqualTo(OTHER_AUTHORITY);
    assertThat(jdbc.queryForList("""
        SELECT outcome FROM audit_event WHERE user_id = ? AND purpose_code = 'REPORT' ORDER BY id""", String.class,
        OTHER_MANAGER)).startsWith("REFUSED_AUTHORITY").contains("GRANTED");
    assertThat(jdbc.queryForMap("""
        SELECT authority_code, outcome FROM audit_event WHERE user_id = 'demo-coordinator' AND purpose_code = 'REPORT'
        ORDER BY id DESC LIMIT 1""")).isEqualTo(Map.of("authority_code", AUTHORITY, "outcome", "REFUSED_ROLE"));
  }
}
