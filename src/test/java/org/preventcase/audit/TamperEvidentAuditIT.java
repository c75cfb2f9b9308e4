package org.preventcase.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.AuditVerification.Finding;
import org.preventcase.audit.AuditVerification.Kind;
import org.preventcase.auditdigest.AuditDigest;
import org.preventcase.notify.NotificationDispatcher;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail is tamper-evident on PostgreSQL: the application role writes rows only through the
 * database's function, and whatever the schema owner changes, removes, inserts or cuts short in a
 * sealed chain, the verification finds. Each forgery is undone at the end of its test, and the
 * verification finds the chain intact again (no false alarm).
 */
class TamperEvidentAuditIT extends ApplicationIT {

  static final AtomicInteger AUTHORITIES = new AtomicInteger();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      ServerSetupTest.SMTP.port(Integer.getInteger("greenmail.smtp.port", 3025))).withPerMethodLifecycle(true);

  @Autowired AuditTrail trail;
  @Autowired AuditSeal seal;
  @Autowired AuditVerification verification;
  @Autowired AuditDigest digest;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;

  JdbcTemplate owner;
  /** A synthetic authority of this test alone, so its chains hold only the rows it writes. */
  String authority;
  List<Long> ids;

  @BeforeEach
  void fiveRowsAreWrittenAndSealed() {
    owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
    authority = String.format("X%08d", AUTHORITIES.incrementAndGet());
    for (int i = 1; i <= 5; i++) {
      trail.record(new AuditRecord("demo-police", authority, 1000L + i, authority + "-2026-0000" + i, null,
          AuditAction.VIEW, AuditOutcome.GRANTED, new Purpose(Purpose.Code.TASK, "task-" + i), null));
    }
    ids = jdbc.queryForList("SELECT id FROM audit_event WHERE authority_code = ? ORDER BY id", Long.class, authority);
    assertThat(seal.seal()).isGreaterThanOrEqualTo(5);
  }

  Verification verify(ChainHead... keptByManagers) {
    return new Verification(verification.verify(authority, "demo-manager", List.of(keptByManagers)));
  }

  record Verification(AuditVerification.Result result) {
    List<Kind> kinds() {
      return result.findings().stream().map(Finding::kind).toList();
    }
  }

  static YearMonth thisMonth() {
    return YearMonth.now(ZoneOffset.UTC);
  }

  Map<String, Object> rowAsOwner(long id) {
    return owner.queryForMap("SELECT * FROM audit_event WHERE id = ?", id);
  }

  void putBackAsOwner(Map<String, Object> row) {
    owner.update("INSERT INTO audit_event (id, at, user_id, authority_code, case_id, case_reference, subject_user_id, "
            + "action, outcome, purpose_code, purpose_detail, recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.get("id"), row.get("at"), row.get("user_id"), row.get("authority_code"), row.get("case_id"),
        row.get("case_reference"), row.get("subject_user_id"), row.get("action"), row.get("outcome"),
        row.get("purpose_code"), row.get("purpose_detail"), row.get("recipient"));
  }

  void putSealBackAsOwner(Map<String, Object> seal) {
    owner.update("INSERT INTO audit_seal (event_id, authority_code, chain_month, position, hash, run_id) "
            + "VALUES (?, ?, ?, ?, ?, ?)", seal.get("event_id"), seal.get("authority_code"), seal.get("chain_month"),
        seal.get("position"), seal.get("hash"), seal.get("run_id"));
  }

  @Test
  void theApplicationRoleCannotInsertABackDatedRowNorTakeAnId() {
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("prevent_app");
    for (String forged : List.of(
        "INSERT INTO audit_event (at, user_id, authority_code, action, outcome, purpose_code) "
            + "VALUES ('2026-01-05T10:00:00Z', 'demo-police', 'E06000031', 'VIEW', 'GRANTED', 'TASK')",
        "INSERT INTO audit_event_default (id, at, user_id, authority_code, action, outcome, purpose_code) "
            + "VALUES (1, '2020-01-05T10:00:00Z', 'demo-police', 'E06000031', 'VIEW', 'GRANTED', 'TASK')",
        "SELECT nextval('audit_event_id_seq')",
        "UPDATE audit_seal SET hash = hash", "DELETE FROM audit_seal", "UPDATE audit_seal_run SET taken_at = now()",
        "UPDATE audit_verification SET intact = true")) {
      assertThatThrownBy(() -> jdbc.execute(forged)).as(forged).rootCause().hasMessageContaining("permission denied");
    }
  }

  @Test
  void theDatabaseStampsTheTimeOfEveryRow() {
    OffsetDateTime before = jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class);
    trail.record(AuditRecord.ofCase("demo-police", authority, null, "stamped", AuditAction.VIEW, AuditOutcome.NOT_FOUND,
        Purpose.of(Purpose.Code.CASE_PAGE)));
    OffsetDateTime after = jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class);
    OffsetDateTime at = jdbc.queryForObject("SELECT at FROM audit_event WHERE authority_code = ? AND case_reference = "
        + "'stamped'", OffsetDateTime.class, authority);
    assertThat(at).isBetween(before, after);
  }

  @Test
  void sealedRowsAreChainedInIdOrderAndVerifyIntact() {
    List<Long> positions = jdbc.queryForList("SELECT position FROM audit_seal WHERE authority_code = ? ORDER BY event_id",
        Long.class, authority);
    assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L);
    Verification verified = verify();
    assertThat(verified.result().intact()).isTrue();
    assertThat(verified.result().rowsChecked()).isEqualTo(5);
    assertThat(verified.result().chainsChecked()).isEqualTo(1);
    assertThat(verification.heads(authority)).singleElement()
        .satisfies(head -> assertThat(head.position()).isEqualTo(5));
  }

  @Test
  void aRowChangedByTheSchemaOwnerIsFound() {
    Object detail = rowAsOwner(ids.get(2)).get("purpose_detail");
    owner.update("UPDATE audit_event SET purpose_detail = 'task-forged' WHERE id = ?", ids.get(2));
    try {
      assertThat(verify().result().findings()).containsExactly(
          new Finding(Kind.CHANGED, thisMonth(), ids.get(2), 3L));
    } finally {
      owner.update("UPDATE audit_event SET purpose_detail = ? WHERE id = ?", detail, ids.get(2));
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aBackDatedTimeIsAChange() {
    owner.update("UPDATE audit_event SET at = at - interval '3 seconds' WHERE id = ?", ids.get(0));
    try {
      assertThat(verify().kinds()).containsExactly(Kind.CHANGED);
    } finally {
      owner.update("UPDATE audit_event SET at = at + interval '3 seconds' WHERE id = ?", ids.get(0));
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aRowRemovedByTheSchemaOwnerIsFound() {
    Map<String, Object> removed = rowAsOwner(ids.get(1));
    owner.update("DELETE FROM audit_event WHERE id = ?", ids.get(1));
    try {
      assertThat(verify().result().findings()).containsExactly(
          new Finding(Kind.REMOVED, thisMonth(), ids.get(1), 2L));
    } finally {
      putBackAsOwner(removed);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aRowRemovedWithItsSealIsFound() {
    Map<String, Object> removed = rowAsOwner(ids.get(1));
    Map<String, Object> itsSeal = owner.queryForMap("SELECT * FROM audit_seal WHERE event_id = ?", ids.get(1));
    owner.update("DELETE FROM audit_event WHERE id = ?", ids.get(1));
    owner.update("DELETE FROM audit_seal WHERE event_id = ?", ids.get(1));
    try {
      assertThat(verify().kinds()).containsExactly(Kind.REMOVED);
    } finally {
      putBackAsOwner(removed);
      putSealBackAsOwner(itsSeal);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aRowInsertedByTheSchemaOwnerAmongSealedOnesIsFound() {
    // the same id as a sealed row, a microsecond later: the primary key (id, at) lets it in
    owner.update("INSERT INTO audit_event (id, at, user_id, authority_code, action, outcome, purpose_code) "
        + "SELECT id, at + interval '1 microsecond', 'demo-chair', authority_code, 'VIEW', 'GRANTED', 'TASK' "
        + "FROM audit_event WHERE id = ?", ids.get(3));
    try {
      assertThat(verify().result().findings()).containsExactly(
          new Finding(Kind.INSERTED, thisMonth(), ids.get(3), null));
    } finally {
      owner.update("DELETE FROM audit_event WHERE id = ? AND user_id = 'demo-chair'", ids.get(3));
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aBackDatedRowInsertedByTheSchemaOwnerIsFoundOnceSealed() {
    // a fresh id, as the function would give, but a time before the last sealing run
    long forged = owner.queryForObject("INSERT INTO audit_event (at, user_id, authority_code, action, outcome, "
        + "purpose_code) SELECT max(at) - interval '1 second', 'demo-chair', ?, 'VIEW', 'GRANTED', 'TASK' "
        + "FROM audit_event WHERE authority_code = ? RETURNING id", Long.class, authority, authority);
    try {
      seal.seal();
      assertThat(verify().result().findings()).containsExactly(
          new Finding(Kind.INSERTED, thisMonth(), forged, 6L));
    } finally {
      owner.update("DELETE FROM audit_event WHERE id = ?", forged);
      owner.update("DELETE FROM audit_seal WHERE event_id = ?", forged);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aRowBeyondTheIdsHandedOutIsFound() {
    long beyond = jdbc.queryForObject("SELECT last_value FROM audit_event_id_seq", Long.class) + 1_000_000;
    owner.update("INSERT INTO audit_event (id, at, user_id, authority_code, action, outcome, purpose_code) "
        + "VALUES (?, clock_timestamp(), 'demo-chair', ?, 'VIEW', 'GRANTED', 'TASK')", beyond, authority);
    try {
      assertThat(verify().result().findings()).extracting(Finding::kind, Finding::eventId)
          .containsExactly(tuple(Kind.INSERTED, beyond));
    } finally {
      owner.update("DELETE FROM audit_event WHERE id = ?", beyond);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void rowsCutFromTheEndOfAChainAreFound() {
    Map<String, Object> fourth = rowAsOwner(ids.get(3));
    Map<String, Object> fifth = rowAsOwner(ids.get(4));
    owner.update("DELETE FROM audit_event WHERE id IN (?, ?)", ids.get(3), ids.get(4));
    try {
      assertThat(verify().result().findings()).extracting(Finding::kind, Finding::position).containsExactly(
          tuple(Kind.TRUNCATED, 4L), tuple(Kind.TRUNCATED, 5L));
    } finally {
      putBackAsOwner(fourth);
      putBackAsOwner(fifth);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aChainCutShortWithItsSealsIsFoundByTheDigestItsManagersKept() throws Exception {
    String manager = "audit-manager-" + authority.toLowerCase();
    aManagerOfTheAuthority(manager);
    assertThat(digest.send(authority)).isEqualTo(1);
    ChainHead head = verification.heads(authority).get(0);
    dispatcher.dispatchDue();
    String digestMail = Arrays.stream(mail.getReceivedMessages())
        .filter(message -> recipients(message).contains(manager + "@example.invalid"))
        .map(GreenMailUtil::getBody).findFirst().orElseThrow();
    assertThat(digestMail).contains(head.line()).doesNotContain("demo-police").doesNotContain(authority + "-2026");
    // the delivery of the digest is itself audited; seal that row too
    seal.seal();
    List<Long> all = jdbc.queryForList("SELECT id FROM audit_event WHERE authority_code = ? ORDER BY id", Long.class,
        authority);
    assertThat(all).hasSize(6);

    // the schema owner removes the last two rows, their seals, and with them the chain's head
    List<Long> cut = all.subList(4, 6);
    List<Map<String, Object>> rows = cut.stream().map(this::rowAsOwner).toList();
    List<Map<String, Object>> seals = owner.queryForList("SELECT * FROM audit_seal WHERE event_id IN (?, ?)",
        cut.get(0), cut.get(1));
    owner.update("DELETE FROM audit_event WHERE id IN (?, ?)", cut.get(0), cut.get(1));
    owner.update("DELETE FROM audit_seal WHERE event_id IN (?, ?)", cut.get(0), cut.get(1));
    try {
      Verification verified = verify();
      assertThat(verified.result().anchorsChecked()).isEqualTo(1);
      assertThat(verified.result().findings()).extracting(Finding::kind, Finding::position)
          .containsExactly(tuple(Kind.TRUNCATED, 5L));
    } finally {
      rows.forEach(this::putBackAsOwner);
      seals.forEach(this::putSealBackAsOwner);
    }
    assertThat(verify().result().intact()).isTrue();
  }

  @Test
  void aChainRewrittenWithFreshSealsDiffersFromTheHeadAManagerKept() {
    ChainHead kept = verification.heads(authority).get(0);
    // the schema owner changes a row and re-seals the chain from there, as the verification would compute it
    Object detail = rowAsOwner(ids.get(4)).get("purpose_detail");
    owner.update("UPDATE audit_event SET purpose_detail = 'task-forged' WHERE id = ?", ids.get(4));
    byte[] previous = owner.queryForObject("SELECT hash FROM audit_seal WHERE event_id = ?", byte[].class, ids.get(3));
    byte[] original = owner.queryForObject("SELECT hash FROM audit_seal WHERE event_id = ?", byte[].class, ids.get(4));
    AuditChain.Row forged = owner.queryForObject("SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE id = ?",
        AuditChain.ROW, ids.get(4));
    owner.update("UPDATE audit_seal SET hash = ? WHERE event_id = ?", AuditChain.link(previous, forged), ids.get(4));
    try {
      assertThat(verify().result().intact()).as("consistent without the kept head").isTrue();
      assertThat(verify(kept).kinds()).containsExactly(Kind.DIFFERS_FROM_DIGEST);
    } finally {
      owner.update("UPDATE audit_event SET purpose_detail = ? WHERE id = ?", detail, ids.get(4));
      owner.update("UPDATE audit_seal SET hash = ? WHERE event_id = ?", original, ids.get(4));
    }
    assertThat(verify(kept).result().intact()).isTrue();
  }

  @Test
  void managersSeeTheVerificationAndMayRunItWithTheHeadsTheyKept() {
    HttpResponse<String> latest = call("GET", "/api/audit/verification", "demo-manager", null);
    assertThat(latest.statusCode()).isEqualTo(200);
    HttpResponse<String> run = call("POST", "/api/audit/verification", "demo-manager", "{\"heads\":[]}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(run.body()).contains("\"authorityCode\":\"E06000031\"").contains("\"requestedBy\":\"demo-manager\"");
    HttpResponse<String> bad = call("POST", "/api/audit/verification", "demo-manager", "{\"heads\":[\"Ellison\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("heads: line 1").doesNotContain("Ellison");
    for (String other : List.of("demo-coordinator", "demo-police", "demo-admin")) {
      assertThat(call("GET", "/api/audit/verification", other, null).statusCode()).as(other).isEqualTo(404);
      assertThat(call("POST", "/api/audit/verification", other, "{}").statusCode()).as(other).isEqualTo(404);
    }

    Browser browser = signIn("demo-manager");
    HttpResponse<String> page = browser.get("/audit/verification");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Audit trail verification").contains("Intact");
    HttpResponse<String> verified = browser.postForm("/audit/verification",
        "heads=&_csrf=" + browser.csrfToken());
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("demo-manager");
    assertThat(signIn("demo-coordinator").get("/audit/verification").statusCode()).isEqualTo(404);
  }

  void aManagerOfTheAuthority(String userId) {
    identity.saveTenant(identity.newTenant(authority));
    User user = identity.newUser(userId);
    user.setFirstName("Audit");
    user.setLastName("Manager");
    user.setEmail(userId + "@example.invalid");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(userId, Role.PREVENT_MANAGER.groupId());
    identity.createTenantUserMembership(authority, userId);
  }

  static String recipients(jakarta.mail.internet.MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
