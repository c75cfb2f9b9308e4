package org.preventcase.audit;

import java.util.List;
import java.util.Optional;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' audit view: a case's trail and a user's reads, for Prevent managers of the
 * authority concerned; every look is itself audited (AUDIT_VIEW, purpose AUDIT_REVIEW), refused or not.
 */
@Service
@Transactional
public class AuditReview {

  private final AuditTrail trail;
  private final JdbcClient jdbc;

  public AuditReview(AuditTrail trail, JdbcClient jdbc) {
    this.trail = trail;
    this.jdbc = jdbc;
  }

  public Optional<List<AuditEvent>> caseTrail(Actor manager, String reference) {
    record Case(long id, String authorityCode) {}
    Optional<Case> found = jdbc.sql("SELECT id, authority_code FROM case_file WHERE reference = ?").param(reference)
        .query((rs, row) -> new Case(rs.getLong(1), rs.getString(2))).optional();
    AuditOutcome outcome = found.map(c -> !manager.worksFor(c.authorityCode()) ? AuditOutcome.REFUSED_AUTHORITY
        : manager.hasRole(Role.PREVENT_MANAGER) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE)
        .orElse(AuditOutcome.NOT_FOUND);
    Optional<List<AuditEvent>> events = outcome == AuditOutcome.GRANTED
        ? found.map(c -> trail.caseTrail(c.id())) : Optional.empty();
    trail.record(AuditRecord.ofCase(manager.userId(), found.map(Case::authorityCode).orElseGet(() -> home(manager)),
        found.map(Case::id).orElse(null), reference.length() > 40 ? reference.substring(0, 40) : reference,
        AuditAction.AUDIT_VIEW, outcome, Purpose.of(Purpose.Code.AUDIT_REVIEW)));
    return events;
  }

  /** A user's accesses to the case data of the authorities the manager works for. */
  public Optional<List<AuditEvent>> userTrail(Actor manager, String userId) {
    boolean granted = manager.hasRole(Role.PREVENT_MANAGER) && !manager.authorities().isEmpty();
    Optional<List<AuditEvent>> events = granted ? Optional.of(trail.userTrail(userId, manager.authorities()))
        : Optional.empty();
    trail.record(new AuditRecord(manager.userId(), home(manager), null, null,
        userId.length() > 64 ? userId.substring(0, 64) : userId, AuditAction.AUDIT_VIEW,
        granted ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE, Purpose.of(Purpose.Code.AUDIT_REVIEW), null));
    return events;
  }

  private static String home(Actor actor) {
    return actor.authorities().stream().sorted().findFirst().orElse("NONE");
  }
}
