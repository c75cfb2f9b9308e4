package org.preventcase.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.preventcase.engine.IdentityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Machine clients' HTTP Basic sign-ins, remembered (issue 17 item 4): a partner system sends its
 * credentials with every request, and checking them each time cost the password check and the
 * reading of the user's groups and authorities, four identity transactions per referral. A sign-in
 * whose account id and password were verified less than {@code prevent.security.membership-refresh}
 * ago (default 60 s, the time a session may act on memberships it read) is accepted with the groups
 * and authorities read then. Never the password itself: a keyed digest of id and password, under a
 * key made at start and held in memory only, so a wrong password never matches. Revocable: any
 * change of a user, a membership or a tenant membership made through this instance's engine forgets
 * every remembered sign-in at once (including a verification still under way when it happened);
 * one made on another instance takes effect there within the lifetime, as for sessions. In memory,
 * per instance.
 */
@Component
public class RememberedSignIns {

  /** More accounts than any installation has machine clients: beyond it, everything is forgotten. */
  static final int MOST_REMEMBERED = 10_000;

  private record Remembered(byte[] digest, Actor actor, Instant verifiedAt) {}

  private final Map<String, Remembered> byAccount = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration lifetime;

  public RememberedSignIns(Clock clock, Environment environment) {
    this.clock = clock;
    this.lifetime = MembershipRefreshConfiguration.refresh(environment);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The actor of a sign-in with exactly these credentials verified within the lifetime, if there is one. */
  Optional<Actor> recall(String account, String password) {
    Remembered remembered = byAccount.get(account);
    if (remembered == null || !clock.instant().isBefore(remembered.verifiedAt().plus(lifetime))
        || !MessageDigest.isEqual(remembered.digest(), digest(account, password))) {
      return Optional.empty();
    }
    return Optional.of(remembered.actor());
  }

  /** Taken before verifying: a sign-in verified across an identity change is not remembered. */
  long generation() {
    return generation.get();
  }

  void remember(String account, String password, Actor actor, long verifiedInGeneration, Instant verifiedAt) {
    if (byAccount.size() >= MOST_REMEMBERED) {
      byAccount.clear();
    }
    byAccount.put(account, new Remembered(digest(account, password), actor, verifiedAt));
    if (generation.get() != verifiedInGeneration) {
      byAccount.remove(account);
    }
  }

  @EventListener
  void forgetAll(IdentityChanged change) {
    generation.incrementAndGet();
    byAccount.clear();
  }

  private byte[] digest(String account, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal((account + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
