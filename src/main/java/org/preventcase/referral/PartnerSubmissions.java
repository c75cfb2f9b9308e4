package org.preventcase.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.preventcase.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner system's referral, exactly once per Idempotency-Key: in one transaction it takes a lock
 * on the caller's key, answers a retry with the first submission's case, refuses the same key with
 * another body, or starts the intake as the caller (whose start listener records the referral) and
 * remembers the key with the body's hash.
 */
@Service
public class PartnerSubmissions {

  /** What became of a submission. */
  public sealed interface Outcome {
    record Created(String caseReference) implements Outcome {}

    record Replayed(String caseReference) implements Outcome {}

    record KeyReused() implements Outcome {}
  }

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public PartnerSubmissions(JdbcClient jdbc, RuntimeService runtime, IdentityService identity) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** {@code referral} has passed the {@link ReferralValidator}; {@code bodyHash} is its canonical SHA-256. */
  @Transactional
  public Outcome submit(Actor actor, String idempotencyKey, String bodyHash, Map<String, ?> referral) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || ' ' || ?, 0))")
        .params(actor.userId(), idempotencyKey).query().singleValue();
    record Earlier(String hash, String caseReference) {}
    Optional<Earlier> earlier = jdbc.sql("""
            SELECT body_sha256 AS hash, case_reference FROM referral_submission WHERE submitted_by = ? AND idempotency_key = ?""")
        .params(actor.userId(), idempotencyKey).query(Earlier.class).optional();
    if (earlier.isPresent()) {
      return earlier.get().hash().equals(bodyHash) ? new Outcome.Replayed(earlier.get().caseReference())
          : new Outcome.KeyReused();
    }
    String reference = startIntake(actor, referral);
    jdbc.sql("""
            INSERT INTO referral_submission (submitted_by, idempotency_key, body_sha256, authority_code, case_reference)
            SELECT ?, ?, ?, authority_code, reference FROM case_file WHERE reference = ?""")
        .params(actor.userId(), idempotencyKey, bodyHash, reference).update();
    return new Outcome.Created(reference);
  }

  private String startIntake(Actor actor, Map<String, ?> referral) {
    Map<String, Object> variables = new LinkedHashMap<>();
    referral.forEach((key, value) -> variables.put(key, value instanceof List<?> list
        ? SpinValues.jsonValue(ReferralJson.write(list)).create() : value));
    variables.put(IntakeVariables.SUBMITTED_THROUGH, "API");
    identity.setAuthentication(actor.userId(), List.copyOf(actor.groups()), List.copyOf(actor.authorities()));
    try {
      return runtime.createProcessInstanceByKey(ReferralIntake.PROCESS_KEY).setVariables(variables).execute()
          .getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }
  }
}
