package org.preventcase.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stops the application's one clock ({@link EngineClock}, the engine's own) at an instant of a what-if
 * run's virtual time, and gives it back to real time afterwards. Timers, due dates, case references and
 * every "today" of the application follow it; nothing else may set the engine's clock in business code.
 */
public final class VirtualClock {

  private VirtualClock() {}

  /** The engine's clock stands at {@code instant} until set again or {@link #reset}. */
  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Back to real time. */
  public static void reset() {
    ClockUtil.reset();
  }
}
