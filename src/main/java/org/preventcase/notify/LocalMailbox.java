package org.preventcase.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A local run's mail (`./mvnw spring-boot:run`, demo profile, no `SMTP_HOST`): instead of an SMTP
 * server that is not there, every message is written to a folder as a `.eml` file a newcomer can open
 * with any mail program or text editor (`prevent.notifications.local-mailbox`, `.local/mail` by
 * default; README "Local run"). Messages go through the outbox, the templates and the audit exactly
 * as over SMTP; nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${prevent.notifications.local-mailbox:}' != '' and '${SMTP_HOST:}' == ''")
class LocalMailbox {

  @Bean
  JavaMailSenderImpl localMailboxSender(@Value("${prevent.notifications.local-mailbox}") Path folder, Clock clock) {
    return new FolderMailSender(folder, clock);
  }

  /** A mail sender that writes each message to {@code folder} as {@code <London time>-<n>.eml}. */
  static class FolderMailSender extends JavaMailSenderImpl {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneId.of("Europe/London"));
    private final Path folder;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();

    FolderMailSender(Path folder, Clock clock) {
      this.folder = folder;
      this.clock = clock;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
      Map<Object, Exception> failures = new LinkedHashMap<>();
      for (MimeMessage message : messages) {
        try {
          Files.createDirectories(folder);
          Path file = folder.resolve(NAME.format(clock.instant()) + "-" + written.incrementAndGet() + ".eml");
          try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
          }
        } catch (IOException | MessagingException e) {
          failures.put(message, e);
        }
      }
      if (!failures.isEmpty()) {
        throw new MailSendException(failures);
      }
    }

    /** The mail health check: the folder can be written. */
    @Override
    public void testConnection() throws MessagingException {
      try {
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) {
          throw new MessagingException("The local mailbox folder cannot be written");
        }
      } catch (IOException e) {
        throw new MailPreparationException("The local mailbox folder cannot be created", e);
      }
    }
  }
}
