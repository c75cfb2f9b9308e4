package org.preventcase.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in by account and address together, without ever locking an account: after the
 * free attempts, each further attempt from the same address for the same account id must wait a
 * delay that doubles up to the longest delay; a success clears it, and a quiet period forgets it.
 * The account id is taken as given, whether such a user exists or not, so an unknown id gets exactly
 * the same answers and delays as a known one; and requests from elsewhere never delay an account's
 * owner. Kept in memory, per instance.
 */
@Component
public class SignInThrottle {

  /** The longest account id and address remembered; longer ones are cut (they fail anyway). */
  private static final int LONGEST_KEY_PART = 128;

  private record Key(String account, String address) {}

  private record Attempts(int count, Instant last, Instant notBefore) {}

  private final Map<Key, Attempts> attempts = new ConcurrentHashMap<>();
  private final SignInThrottleProperties properties;
  private final Clock clock;

  public SignInThrottle(SignInThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Counts an attempt before the password is checked, so that parallel guesses are throttled too;
   * returns how long to wait first (zero: go ahead and check the password).
   */
  public Duration attempt(String account, String address) {
    Duration[] wait = {Duration.ZERO};
    attempts.compute(key(account, address), (key, before) -> {
      // read under the key's lock: an attempt read earlier but counted after a parallel one would find that
      // one's "not before" in its future and be refused, with no delay owed (a partner system's parallel requests)
      Instant now = clock.instant();
      if (before != null && now.isBefore(before.notBefore())) {
        wait[0] = Duration.between(now, before.notBefore());
        return before;
      }
      int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
      return new Attempts(count, now, now.plus(delayAfter(count)));
    });
    if (attempts.size() > properties.mostTracked()) {
      forgetOldest();
    }
    return wait[0];
  }

  /** The password was right: the account's owner at this address starts afresh. */
  public void succeeded(String account, String address) {
    attempts.remove(key(account, address));
  }

  /** Zero for the free attempts, then the first delay doubling up to the longest. */
  Duration delayAfter(int count) {
    int beyond = count - properties.freeAttempts();
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Duration delay = properties.firstDelay();
    for (int i = 1; i < beyond && delay.compareTo(properties.longestDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(properties.longestDelay()) > 0 ? properties.longestDelay() : delay;
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void forgetQuietOnes() {
    Instant now = clock.instant();
    attempts.values().removeIf(entry -> forgotten(entry, now));
  }

  private boolean forgotten(Attempts entry, Instant now) {
    return !now.isBefore(entry.notBefore().plus(properties.forgetAfter()));
  }

  /** Under a flood of distinct ids or addresses: keep the newest half. */
  private void forgetOldest() {
    forgetQuietOnes();
    int excess = attempts.size() - properties.mostTracked() / 2;
    if (excess > 0) {
      attempts.entrySet().stream().sorted(Comparator.comparing(entry -> entry.getValue().last())).limit(excess)
          .map(Map.Entry::getKey).toList().forEach(attempts::remove);
    }
  }

  private static Key key(String account, String address) {
    return new Key(cut(account == null ? "" : account.strip().toLowerCase(Locale.ROOT)), cut(address));
  }

  private static String cut(String value) {
    return value == null ? "" : value.length() > LONGEST_KEY_PART ? value.substring(0, LONGEST_KEY_PART) : value;
  }
}
