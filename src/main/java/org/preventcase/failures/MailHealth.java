package org.preventcase.failures;

import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail server's health: out of reach is {@code DEGRADED}, not {@code DOWN}, since messages wait
 * in the outbox and nothing is lost (docs/notifications.md); the application keeps serving (200).
 * Replaces Spring Boot's own mail indicator ({@code management.health.mail.enabled: false}).
 */
public class MailHealth implements HealthIndicator {

  public static final Status DEGRADED = new Status("DEGRADED", "the mail server is out of reach; messages wait in the outbox");
  private final JavaMailSenderImpl mail;

  public MailHealth(JavaMailSenderImpl mail) {
    this.mail = mail;
  }

  @Override
  public Health health() {
    try {
      mail.testConnection();
      return Health.up().withDetail("location", mail.getHost() + ":" + mail.getPort()).build();
    } catch (MessagingException | RuntimeException unreachable) {
      return Health.status(DEGRADED).withDetail("location", mail.getHost() + ":" + mail.getPort()).build();
    }
  }
}
