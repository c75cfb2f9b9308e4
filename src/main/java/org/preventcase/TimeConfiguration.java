package org.preventcase;

import java.time.Clock;
import org.preventcase.engine.EngineClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler (the notification dispatcher, the audit partitions' upkeep, the open-case
 * check; the engine's job executor is separate) and the application's clock, which is the engine's
 * clock: tests move the engine clock instead of waiting, and every deadline moves with it.
 */
@Configuration
@EnableScheduling
class TimeConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
