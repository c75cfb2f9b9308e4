package org.preventcase.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.preventcase.engine.EngineClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the engine's clock (as in production), stopped
 * when the context starts and moving only when a test moves it, so timers, due dates and the
 * application's "now" move together.
 */
public class TestClock extends Clock {

  TestClock() {
    ClockUtil.setCurrentTime(new Date());
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

  /** Moves the engine's clock, and with it the application's, to this instant. */
  public void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
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
