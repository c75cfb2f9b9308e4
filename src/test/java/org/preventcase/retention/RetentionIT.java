package org.preventcase.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention on PostgreSQL (issue 13, docs/retention.md): cases closed through the real process, one of
 * them under a legal hold; the clock moved past the period; the nightly deletion and the engine's history
 * cleanup run as they would at night. The application role's own connection cannot delete.
 */
class RetentionIT extends ApplicationIT {

  static final String POLICE = "demo-police";
  static final String MANAGER = "demo-manager";

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired TestClock clock;
  @Autowired CaseDeletion deletion;
  @Autowired RetentionProperties retention;
  Instant movedFrom = null;

  @AfterEach
  void theClockGoesBack() {
    if (movedFrom != null) {
      clock.set(movedFrom);
    }
  }

  record Referral(long id, String reference) {}

  /** A referral through the partner API, deconflicted and screened out (no further action): its case closes. */
  Referral closedCase() {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "retention-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Rt" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Referral referral = new Referral(ReferralApiIT.json(created).path("referralId").asLong(),
        ReferralApiIT.caseOf(jdbc, created));
    complete(referral.reference(), "Task_DeconflictReferral", """
        {"deconfliction": {"value": "CLEAR"}}""");
    complete(referral.reference(), "Task_ScreenReferral", """
        {"gatewayOutcome": {"value": "NFA_CLOSED"}, "nfaReason": {"value": "MISGUIDED"},
         "ideologyIdentified": {"value": "YES"}, "rationale": {"value": "Synthetic: nothing to act on."}}""");
    assertThat(jdbc.queryForObject("SELECT status FROM case_file WHERE reference = ?", String.class,
        referral.reference())).isEqualTo("CLOSED");
    return referral;
  }

  void complete(String reference, String activity, String variables) {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activity)
        .singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/claim", POLICE, "{\"userId\": \"" + POLICE + "\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> done = call("POST", "/engine-rest/task/" + task + "/submit-form", POLICE,
        "{\"variables\": " + variables + "}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    executeDueJobs();
  }

  HttpResponse<String> hold(String reference, String change, String user, String reason) {
    return call("POST", "/api/cases/" + reference + "/legal-hold" + change, user,
        reason == null ? "{}" : ReferralExamples.json(Map.of("reason", reason)));
  }

  List<HistoricProcessInstance> topLevelInstances(String reference) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).rootProcessInstances()
        .list();
  }

  long historyOf(String reference) {
    return jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ?", Long.class, reference);
  }

  long rows(String table, String column, Object value) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Long.class, value);
  }

  @Test
  void pastItsPeriodAClosedCaseGoesWithItsNotificationsAndEngineHistoryWhileAHeldCaseStaysWhole() {
    Referral expiring = closedCase();
    Referral held = closedCase();
    Instant closedAt = jdbc.queryForObject("SELECT closed_at FROM case_file WHERE reference = ?", java.sql.Timestamp.class,
        expiring.reference()).toInstant();
    Instant expiry = closedAt.atZone(ZoneId.of("Europe/London")).plus(Period.ofYears(6)).toInstant();
    assertThat(topLevelInstances(expiring.reference())).as("the intake and the case process").hasSize(2)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime().toInstant()).isEqualTo(expiry));

    HttpResponse<String> placed = hold(held.reference(), "", MANAGER, "Synthetic: a claim is expected.");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    executeDueJobs();
    assertThat(topLevelInstances(held.reference())).hasSize(2)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).as("held: no removal time").isNull());
    long heldHistory = historyOf(held.reference());
    long heldNotifications = rows("notification_outbox", "case_reference", "R-" + held.id());
    assertThat(heldNotifications).as("acknowledged and told it was handled").isPositive();

    movedFrom = clock.instant();
    clock.set(expiry.plus(Duration.ofDays(1)));
    List<CaseDeletion.Deleted> deleted = deletion.deleteExpired();
    for (int run = 0; run < 50 && historyOf(expiring.reference()) > 0; run++) {
      Job cleanup = history.cleanUpHistoryAsync(true);
      management.executeJob(cleanup.getId());
    }

    assertThat(deleted).anySatisfy(authority -> assertThat(authority.cases()).isPositive());
    assertThat(rows("case_file", "reference", expiring.reference())).as("the record").isZero();
    assertThat(rows("referral", "id", expiring.id())).as("its referral").isZero();
    assertThat(rows("notification_outbox", "case_reference", "R-" + expiring.id())).as("its notifications").isZero();
    assertThat(rows("notification_outbox", "case_reference", expiring.reference())).isZero();
    assertThat(historyOf(expiring.reference())).as("its engine history").isZero();

    assertThat(rows("case_file", "reference", held.reference())).as("the held record").isOne();
    assertThat(rows("referral", "id", held.id())).isOne();
    assertThat(rows("notification_outbox", "case_reference", "R-" + held.id())).isEqualTo(heldNotifications);
    assertThat(historyOf(held.reference())).as("the held case's engine history").isEqualTo(heldHistory);
    assertThat(jdbc.queryForList("""
        SELECT purpose_detail FROM audit_event WHERE action = 'DELETE' AND purpose_code = 'RETENTION'
        AND user_id = 'system:engine'""", String.class))
        .as("counts, never content").anySatisfy(detail -> assertThat(detail).matches(
            "expired cases deleted: cases=[0-9]+( [a-z_]+=[0-9]+)+").doesNotContain(expiring.reference()));

    HttpResponse<String> lifted = hold(held.reference(), "/lift", MANAGER, "Synthetic: the claim was settled.");
    assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
    executeDueJobs();
    assertThat(topLevelInstances(held.reference())).allSatisfy(instance -> assertThat(instance.getRemovalTime())
        .as("the period counts again from the closure").isNotNull());
    deletion.deleteExpired();
    assertThat(rows("case_file", "reference", held.reference())).as("lifted, and past its period").isZero();
  }

  @Test
  void aLegalHoldNeedsAReasonAndAPreventManagerOfTheCasesAuthority() {
    Referral closed = closedCase();
    HttpResponse<String> noReason = hold(closed.reference(), "", MANAGER, null);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    assertThat(hold(closed.reference(), "", "demo-coordinator", "Synthetic reason.").statusCode())
        .as("a coordinator may not").isEqualTo(404);
    assertThat(hold(closed.reference(), "/lift", MANAGER, "Synthetic reason.").statusCode())
        .as("no hold to lift").isEqualTo(409);
    assertThat(hold(closed.reference(), "", MANAGER, "Synthetic reason.").statusCode()).isEqualTo(200);
    assertThat(hold(closed.reference(), "", MANAGER, "Synthetic reason.").statusCode()).as("already held")
        .isEqualTo(409);
    assertThat(jdbc.queryForList("""
        SELECT a.outcome FROM audit_event a JOIN case_file c ON c.id = a.case_id
        WHERE c.reference = ? AND a.purpose_code = 'LEGAL_HOLD' ORDER BY a.id""", String.class, closed.reference()))
        .containsExactly("REFUSED_ROLE", "GRANTED");
  }

  @Test
  void theDeletionItselfSparesOpenAndHeldCasesWhateverTheApplicationAsks() {
    Referral held = closedCase();
    assertThat(hold(held.reference(), "", MANAGER, "Synthetic reason.").statusCode()).isEqualTo(200);
    String open = ReferralApiIT.caseOf(jdbc, ReferralApiIT.post(baseUrl(), "demo-referrer", "retention-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Ro" + UUID.randomUUID().toString().substring(0, 8)))));
    String authority = jdbc.queryForObject("SELECT authority_code FROM case_file WHERE reference = ?", String.class,
        open);

    jdbc.queryForList("SELECT * FROM retention_delete_expired(?, now() + interval '100 years', 1000)", authority);

    assertThat(rows("case_file", "reference", held.reference())).isOne();
    assertThat(rows("case_file", "reference", open)).isOne();
  }

  @Test
  void withTheLockTakenByAnotherNodeThisNodeDeletesNothing() throws Exception {
    try (Connection otherNode = dataSource.getConnection(); Statement lock = otherNode.createStatement()) {
      lock.execute("SELECT pg_advisory_lock(" + CaseDeletion.DELETING + ")");
      try {
        assertThat(deletion.deleteExpired()).isEmpty();
      } finally {
        lock.execute("SELECT pg_advisory_unlock(" + CaseDeletion.DELETING + ")");
      }
    }
  }

  @Test
  void theApplicationRoleCannotDeleteACaseEntryNorAnAuditRow() {
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("prevent_app");
    for (String statement : List.of("DELETE FROM case_entry", "DELETE FROM case_file", "DELETE FROM referral",
        "DELETE FROM person", "DELETE FROM notification_outbox", "DELETE FROM case_legal_hold",
        "UPDATE case_entry SET body = NULL", "DELETE FROM audit_event", "UPDATE audit_event SET purpose_detail = NULL",
        "TRUNCATE audit_event", "DELETE FROM audit_seal")) {
      assertThatThrownBy(() -> jdbc.execute(statement)).as(statement).rootCause()
          .hasMessageContaining("permission denied");
    }
  }

  /** Tables kept by design: the audit trail expires by month (its partitions), and holds no content. */
  static final List<String> NOT_DELETED_WITH_THE_CASE = List.of("audit_event");

  @Test
  void everyTableHoldingCaseDataIsHandledByTheDeletion() {
    String function = jdbc.queryForObject(
        "SELECT pg_get_functiondef('retention_delete_expired(varchar, timestamptz, integer)'::regprocedure)",
        String.class);
    // a column naming a case, or a foreign key to the case record's tables
    List<String> tables = jdbc.queryForList("""
        SELECT DISTINCT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT LIKE 'act\\_%'
          AND (EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public'
                 AND k.table_name = c.relname AND (k.column_name IN ('case_id', 'case_reference', 'referral_id',
                   'person_id') OR k.column_name LIKE '%case\\_ref%'))
            OR EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f'
                 AND f.confrelid IN ('case_file'::regclass, 'case_entry'::regclass, 'referral'::regclass,
                   'person'::regclass)))""", String.class);
    assertThat(tables).contains("case_entry", "notification_outbox", "information_request", "task_assignment");
    assertThat(tables).filteredOn(table -> !NOT_DELETED_WITH_THE_CASE.contains(table))
        .as("every table holding case data must be deleted by retention_delete_expired (docs/retention.md): "
            + "replace the function in a new migration")
        .allSatisfy(table -> assertThat(function).contains("DELETE FROM " + table + " "));
  }
}
