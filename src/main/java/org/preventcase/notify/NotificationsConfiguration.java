package org.preventcase.notify;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class NotificationsConfiguration {

  /** The dispatcher's clock; tests move it instead of waiting. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
