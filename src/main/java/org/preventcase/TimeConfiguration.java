package org.preventcase;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler (the notification dispatcher, the audit partitions' upkeep; the engine's job
 * executor is separate) and the application's clock, which tests move instead of waiting.
 */
@Configuration
@EnableScheduling
class TimeConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
