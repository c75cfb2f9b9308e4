package org.preventcase.failures;

import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Honest failures: the database-outage filter, outermost, and the mail server's health. */
@Configuration
public class FailuresConfiguration {

  /** @param engineApiPath {@code SecurityConfiguration}'s bean of that name: EngineRoutes' one answer */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
      @Qualifier("engineApiPath") Predicate<String> engineApiPath) {
    FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
        new DatabaseOutageFilter(engineApiPath));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean("mailHealthIndicator")
  MailHealth mailHealth(JavaMailSenderImpl mail) {
    return new MailHealth(mail);
  }
}
