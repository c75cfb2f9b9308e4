package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
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
 * on the caller's key, answers a retry with the first submission's referral, refuses the same key with
 * another body, or starts the intake as the caller (whose start listener records the referral) and
 * remembers the key with the body's hash.
 */
@Service
public class PartnerSubmissions {

  /** What became of a submission: the referral (never its case: the referrer is told only the referral's reference). */
  public sealed interface Outcome {
    record Received(long referralId, boolean replayed) implements Outcome {}

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

  /**
   * {@code referral} is the body as parsed; the intake's start listener checks it ({@link ReferralValidator}), and a
   * {@link ReferralRefusedException} naming every bad field rolls the whole submission back. The key is remembered
   * with the body's canonical SHA-256.
   */
  @Transactional
  public Outcome submit(Actor actor, String idempotencyKey, Map<String, Object> referral) {
    String bodyHash = ReferralJson.canonicalHash(referral);
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || ' ' || ?, 0))")
        .params(actor.userId(), idempotencyKey).query().singleValue();
    record Earlier(String hash, long referralId) {}
    Optional<Earlier> earlier = jdbc.sql("""
            SELECT s.body_sha256 AS hash, s.referral_id FROM referral_submission s
            WHERE s.submitted_by = ? AND s.idempotency_key = ?""")
        .params(actor.userId(), idempotencyKey).query(Earlier.class).optional();
    if (earlier.isPresent()) {
      return earlier.get().hash().equals(bodyHash)
          ? new Outcome.Received(earlier.get().referralId(), true)
          : new Outcome.KeyReused();
    }
    var intake = startIntake(actor, referral);
    long referralId = (Long) intake.getVariables().get(IntakeVariables.REFERRAL_ID);
    jdbc.sql("""
            INSERT INTO referral_submission (submitted_by, idempotency_key, body_sha256, authority_code, referral_id)
            SELECT ?, ?, ?, authority_code, id FROM referral WHERE id = ?""")
        .params(actor.userId(), idempotencyKey, bodyHash, referralId).update();
    return new Outcome.Received(referralId, false);
  }

  private org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables startIntake(Actor actor, Map<String, ?> referral) {
    Map<String, Object> variables = new LinkedHashMap<>();
    // a list or an object as a Json value, which the start listener reads back as sent (and refuses where the form
    // wants text): the engine could store neither as it is
    referral.forEach((key, value) -> variables.put(key, value instanceof List<?> || value instanceof Map<?, ?>
        ? SpinValues.jsonValue(ReferralJson.write(value)).create() : value));
    variables.put(IntakeVariables.SUBMITTED_THROUGH, "API");
    identity.setAuthentication(actor.userId(), List.copyOf(actor.groups()), List.copyOf(actor.authorities()));
    try {
      return runtime.createProcessInstanceByKey(ReferralIntake.PROCESS_KEY).setVariables(variables)
          .executeWithVariablesInReturn();
    } finally {
      identity.clearAuthentication();
    }
  }
}
