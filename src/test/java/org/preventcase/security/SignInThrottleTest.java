package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The throttle under parallel sign-ins of one account and address (a partner system's parallel requests). */
class SignInThrottleTest {

  static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

  /**
   * The first reading of the time is T0 and is slow (the thread is descheduled just after it); every later one
   * is a millisecond later. An attempt that read T0 but was counted after a parallel one must not find that
   * one's "not before" (T0 + 1 ms) in its future.
   */
  static final class SlowFirstReading extends Clock {
    final CountDownLatch firstRead = new CountDownLatch(1);
    final AtomicInteger readings = new AtomicInteger();

    @Override
    public Instant instant() {
      if (readings.getAndIncrement() == 0) {
        firstRead.countDown();
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return T0;
      }
      return T0.plusMillis(1);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void parallelAttemptsWithinTheFreeAttemptsAreNeverRefused() throws Exception {
    SlowFirstReading clock = new SlowFirstReading();
    SignInThrottle throttle = new SignInThrottle(
        new SignInThrottleProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), 100), clock);

    CompletableFuture<Duration> first = CompletableFuture.supplyAsync(() -> throttle.attempt("partner", "10.0.0.7"));
    assertThat(clock.firstRead.await(5, TimeUnit.SECONDS)).isTrue();
    Duration second = throttle.attempt("partner", "10.0.0.7");

    assertThat(first.get(5, TimeUnit.SECONDS)).as("the attempt that read the time first").isZero();
    assertThat(second).isZero();
  }
}
