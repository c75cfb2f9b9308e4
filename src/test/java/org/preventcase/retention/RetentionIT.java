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
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.AuditSeal;
import org.preventcase.audit.AuditVerification;
import org.preventcase.audit.ChainHead;
import org.preventcase.app.TestClock;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.ConsentOutcome;
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
  @Autowired RepositoryService repository;
  @Autowired TestClock clock;
  @Autowired CaseDeletion deletion;
  @Autowired AuditExpiry auditMonths;
  @Autowired ReferralStatistics statistics;
  @Autowired AuditSeal seal;
  @Autowired AuditVerification verification;
  @Autowired Flyway flyway;
  Instant movedFrom = null;

  @AfterEach
  void theClockGoesBack() {
    if (movedFrom != null) {
      clock.set(movedFrom);
    }
  }

  record Referral(long id, String reference) {}

  /** A referral through the partner API: its case opens and waits for the police's deconfliction. */
  Referral openCase() {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "retention-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Rt" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    executeDueJobs();
    return new Referral(ReferralApiIT.json(created).path("referralId").asLong(), ReferralApiIT.caseOf(jdbc, created));
  }

  /** A referral through the partner API, deconflicted and screened out (no further action): its case closes. */
  Referral closedCase() {
    Referral referral = openCase();
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

  UUID statisticsRow(Referral referral) {
    return jdbc.queryForObject("SELECT statistics_id FROM referral WHERE id = ?", UUID.class, referral.id());
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

    UUID expiringRow = statisticsRow(expiring);
    UUID heldRow = statisticsRow(held);

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

    String month = closedAt.atZone(ZoneId.of("Europe/London")).toLocalDate().withDayOfMonth(1).toString();
    for (UUID row : List.of(expiringRow, heldRow)) {
      assertThat(jdbc.queryForMap("""
          SELECT referrer_sector, concern_type, age_band, earlier_age_band, gender, gateway_outcome, closure_reason,
            discussed_at_panel, to_char(referred_month, 'YYYY-MM-DD') referred, to_char(closed_month, 'YYYY-MM-DD') closed
          FROM referral_statistics WHERE id = ?""", row))
          .as("the statistics still count both").containsEntry("referrer_sector", "EDUCATION")
          .containsEntry("concern_type", "EXTREME_RIGHT_WING").containsEntry("gender", "MALE")
          .containsEntry("age_band", "AGED_11_TO_15").containsEntry("earlier_age_band", "UNDER_15")
          .containsEntry("gateway_outcome", "NFA_CLOSED").containsEntry("closure_reason", "NFA_CLOSED")
          .containsEntry("discussed_at_panel", false).containsEntry("referred", month).containsEntry("closed", month);
      assertThat(jdbc.queryForList("SELECT stage FROM referral_statistics_stage WHERE statistics_id = ? ORDER BY id",
          String.class, row)).as("each stage the case went through").startsWith("SCREENING");
      assertThat(jdbc.queryForList("SELECT days_taken FROM referral_statistics_stage WHERE statistics_id = ?",
          Integer.class, row)).as("and the days it took").allSatisfy(days -> assertThat(days).isNotNull().isNotNegative());
    }

    HttpResponse<String> lifted = hold(held.reference(), "/lift", MANAGER, "Synthetic: the claim was settled.");
    assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
    executeDueJobs();
    assertThat(topLevelInstances(held.reference())).allSatisfy(instance -> assertThat(instance.getRemovalTime())
        .as("the period counts again from the closure").isNotNull());
    deletion.deleteExpired();
    assertThat(rows("case_file", "reference", held.reference())).as("lifted, and past its period").isZero();
  }

  void runTheHistoryCleanup() {
    for (int run = 0; run < 5; run++) {
      management.executeJob(history.cleanUpHistoryAsync(true).getId());
    }
  }

  long activitiesOf(String reference) {
    return jdbc.queryForObject("""
        SELECT count(*) FROM act_hi_actinst WHERE root_proc_inst_id_ IN
          (SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?)""", Long.class, reference);
  }

  @Test
  void anOpenCaseKeepsItsIntakesEngineHistoryPastTheDefaultTimeToLiveAndForYears() {
    Referral open = openCase();
    List<HistoricProcessInstance> instances = topLevelInstances(open.reference());
    assertThat(instances).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .containsExactlyInAnyOrder("referral-intake", "prevent-case");
    assertThat(instances).filteredOn(instance -> instance.getProcessDefinitionKey().equals("referral-intake"))
        .singleElement().satisfies(intake -> assertThat(intake.getEndTime()).as("the intake has ended").isNotNull());
    assertThat(instances).allSatisfy(instance -> assertThat(instance.getRemovalTime())
        .as("no removal time while the case is open").isNull());
    long kept = historyOf(open.reference());
    long keptActivities = activitiesOf(open.reference());

    HttpResponse<String> placed = hold(open.reference(), "", MANAGER, "Synthetic: a complaint is being looked at.");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    HttpResponse<String> lifted = hold(open.reference(), "/lift", MANAGER, "Synthetic: the complaint was answered.");
    assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
    executeDueJobs();
    assertThat(topLevelInstances(open.reference())).as("a hold lifted from an open case sets no removal time")
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isNull());

    movedFrom = clock.instant();
    for (Duration on : List.of(Duration.ofDays(401), Duration.ofDays(3 * 365 + 1))) {
      clock.set(movedFrom.plus(on));
      runTheHistoryCleanup();
      assertThat(historyOf(open.reference())).as(on.toDays() + " days on: the intake and the case process")
          .isEqualTo(kept);
      assertThat(activitiesOf(open.reference())).as("and what their activities did").isEqualTo(keptActivities);
    }
    assertThat(rows("case_file", "reference", open.reference())).isOne();
  }

  @Test
  void theCasePageShowsTheHoldInForceWithWhoPlacedItAndWhyAndTheChronologyItsPlacingAndLifting() {
    Referral closed = closedCase();
    String page = "/cases/" + closed.reference();
    Instant closedAt = jdbc.queryForObject("SELECT closed_at FROM case_file WHERE reference = ?", java.sql.Timestamp.class,
        closed.reference()).toInstant();
    String keptUntil = closedAt.atZone(ZoneId.of("Europe/London")).plus(Period.ofYears(6)).toLocalDate()
        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));

    assertThat(signIn(POLICE).get(page).body()).as("no hold: when the record goes")
        .contains("Record kept until", keptUntil + ", the authority", "retention period after the closure")
        .doesNotContain("legal-hold-title");

    String why = "Synthetic: a subject access request is being answered.";
    assertThat(hold(closed.reference(), "", MANAGER, why).statusCode()).isEqualTo(200);
    String held = signIn(POLICE).get(page).body();
    assertThat(held).as("the banner: since when, by whom, why").contains("legal-hold-title", "Held since",
        "demo-manager (Prevent manager)", why, "Legal hold placed").doesNotContain("Record kept until");

    String answered = "Synthetic: the request was answered.";
    assertThat(hold(closed.reference(), "/lift", MANAGER, answered).statusCode()).isEqualTo(200);
    String lifted = signIn(POLICE).get(page).body();
    assertThat(lifted).doesNotContain("legal-hold-title").contains("Record kept until", keptUntil)
        .contains("Legal hold placed", why, "Legal hold lifted", answered);
    assertThat(lifted.indexOf("Legal hold placed")).as("in the chronology, in time order")
        .isLessThan(lifted.indexOf("Legal hold lifted"));
    assertThat(jdbc.queryForList("""
        SELECT outcome FROM audit_event WHERE case_reference = ? AND user_id = ? AND action = 'VIEW'
          AND purpose_code = 'CASE_PAGE'""", String.class, closed.reference(), POLICE))
        .as("each reading of the page is audited").containsExactly("GRANTED", "GRANTED", "GRANTED");
  }

  @Test
  void onlyTheCaseProcessesGoWithoutAHistoryTimeToLive() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("referral-intake", "prevent-case")
        .list()).as("every version of the intake and the case process").isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNull());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("panel-meeting").list())
        .as("a meeting holds no case: the configured default").isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(400));
  }

  @Test
  void aStatisticsRowHoldsCodesMonthsAndAKeyedHashButNoPersonAndNoReference() {
    Referral closed = closedCase();
    UUID row = statisticsRow(closed);
    assertThat(jdbc.queryForList("""
        SELECT column_name FROM information_schema.columns WHERE table_name = 'referral_statistics'
        ORDER BY ordinal_position""", String.class)).as("a new column is a decision: docs/retention.md")
        .containsExactly("id", "authority_code", "person_key", "referred_month", "referrer_sector", "concern_type",
            "age_band", "earlier_age_band", "gender", "gateway_outcome", "discussed_at_panel", "adopted",
            "consent_outcome", "closure_reason", "closed_month");
    Map<String, Object> values = jdbc.queryForMap("SELECT * FROM referral_statistics WHERE id = ?", row);
    String person = jdbc.queryForObject("""
        SELECT p.given_names || ' ' || p.family_name FROM referral r JOIN person p ON p.id = r.person_id
        WHERE r.id = ?""", String.class, closed.id());
    assertThat(values.values()).allSatisfy(value -> assertThat(String.valueOf(value))
        .doesNotContain(closed.reference()).doesNotContain("R-" + closed.id())
        .doesNotContain(person.split(" ")[0]).doesNotContain(ReferralExamples.DATE_OF_BIRTH));
    assertThat((String) values.get("person_key")).matches("[0-9a-f]{64}");
  }

  @Test
  void anAuditMonthPastItsPeriodGoesWithItsChainButAMonthAboutAHeldCaseIsKeptWhole() {
    Referral held = closedCase();
    assertThat(hold(held.reference(), "", MANAGER, "Synthetic reason.").statusCode()).isEqualTo(200);
    long heldCase = jdbc.queryForObject("SELECT id FROM case_file WHERE reference = ?", Long.class, held.reference());
    String authority = jdbc.queryForObject("SELECT authority_code FROM case_file WHERE id = ?", String.class, heldCase);
    JdbcTemplate owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
    try {
      // two months of long ago, as the audit trail would hold them: one only about other things, one about the held case
      for (String month : List.of("2018-01", "2018-02")) {
        owner.execute("CREATE TABLE audit_event_" + month.replace('-', '_') + " PARTITION OF audit_event FOR VALUES FROM ('"
            + month + "-01 00:00+00') TO ('" + YearMonth.parse(month).plusMonths(1) + "-01 00:00+00')");
      }
      for (int i = 0; i < 3; i++) {
        owner.update("""
            INSERT INTO audit_event (at, user_id, authority_code, action, outcome, purpose_code)
            VALUES ('2018-01-15 10:00+00', 'demo-police', ?, 'VIEW', 'GRANTED', 'CASE_LIST')""", authority);
      }
      owner.update("""
          INSERT INTO audit_event (at, user_id, authority_code, case_id, action, outcome, purpose_code)
          VALUES ('2018-02-10 10:00+00', 'demo-police', ?, ?, 'VIEW', 'GRANTED', 'CASE_PAGE')""", authority, heldCase);
      seal.seal();
      ChainHead fromAnOldDigest = verification.heads(authority).stream()
          .filter(head -> head.month().equals(YearMonth.of(2018, 1))).findFirst().orElseThrow();

      List<AuditExpiry.Month> months = auditMonths.dropExpired();

      assertThat(months).contains(new AuditExpiry.Month(LocalDate.of(2018, 1, 1), authority, 3, true),
          new AuditExpiry.Month(LocalDate.of(2018, 2, 1), authority, 1, false));
      assertThat(jdbc.queryForObject("SELECT to_regclass('audit_event_2018_01') IS NULL", Boolean.class)).isTrue();
      assertThat(rows("audit_event", "case_id", heldCase)).as("the held case's rows, its month kept whole")
          .isPositive();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_seal WHERE chain_month = '2018-01-01'", Long.class))
          .as("the month's chain went with it").isZero();
      assertThat(verification.verify(authority, "retention-test", List.of(fromAnOldDigest)).findings())
          .as("an expired month is not a removed one, even against an older digest")
          .noneMatch(finding -> finding.month().equals(YearMonth.of(2018, 1)));
      assertThat(jdbc.queryForList("SELECT purpose_detail FROM audit_event WHERE action = 'DELETE' AND authority_code = ?",
          String.class, authority)).contains("expired audit months: months=1 rows=3; kept for a legal hold: months=1 rows=1");
    } finally {
      owner.update("DELETE FROM audit_seal WHERE chain_month IN ('2018-01-01', '2018-02-01')");
      owner.execute("DROP TABLE IF EXISTS audit_event_2018_01, audit_event_2018_02");
      owner.update("DELETE FROM audit_expired_month WHERE chain_month < '2019-01-01'");
    }
  }

  @Test
  void thePanelAndConsentStagesCompleteTheStatisticsOfEveryReferralOfTheCase() {
    Referral closed = closedCase();
    statistics.discussedAtPanel(closed.reference(), true);
    statistics.consentOutcome(closed.reference(), ConsentOutcome.REFUSED);
    assertThat(jdbc.queryForMap("SELECT discussed_at_panel, adopted, consent_outcome FROM referral_statistics WHERE id = ?",
        statisticsRow(closed))).containsEntry("discussed_at_panel", true).containsEntry("adopted", true)
        .containsEntry("consent_outcome", "REFUSED");
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
    // or its rows go with the case's by a foreign key ON DELETE CASCADE
    List<String> cascading = jdbc.queryForList("""
        SELECT DISTINCT c.relname FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid
        WHERE f.contype = 'f' AND f.confdeltype = 'c' AND f.confrelid IN ('case_file'::regclass,
          'case_entry'::regclass, 'referral'::regclass)""", String.class);
    assertThat(tables).contains("case_entry", "notification_outbox", "information_request", "task_assignment");
    assertThat(tables).filteredOn(table -> !NOT_DELETED_WITH_THE_CASE.contains(table) && !cascading.contains(table))
        .as("every table holding case data must be deleted by retention_delete_expired, or reference the case "
            + "record ON DELETE CASCADE (docs/retention.md)")
        .allSatisfy(table -> assertThat(function).contains("DELETE FROM " + table + " "));
  }
}
