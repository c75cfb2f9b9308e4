package org.preventcase.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.preventcase.engine.EngineClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the engine's clock (as in production), running
 * with real time plus an offset that tests move forward (or set), so timers, due dates and the
 * application's "now" move together. It never stands still: the engine's own time-based locks (a
 * user locked for seconds after a failed sign-in) must still expire.
 */
public class TestClock extends Clock {

  TestClock() {
    ClockUtil.reset();
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  public void advance(Duration duration) {
    set(instant().plus(duration));
  }

  /** Moves the engine's clock, and with it the application's, to this instant; it runs on from there. */
  public void set(Instant instant) {
    ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock().withZone(zone);
  }
}
