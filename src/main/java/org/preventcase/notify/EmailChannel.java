package org.preventcase.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, rendered from the repository's templates. The Message-ID is derived from the
 * message's de-duplication key, so a message sent twice (a crash after sending, before recording it)
 * arrives as the same message, which mail clients and gateways fold into one.
 */
@Component
class EmailChannel implements MessageChannel {

  private final JavaMailSenderImpl mail;
  private final MessageTemplates templates;
  private final NotificationsProperties properties;

  EmailChannel(JavaMailSenderImpl mail, MessageTemplates templates, NotificationsProperties properties) {
    this.mail = mail;
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  public NotificationsProperties.Channel kind() {
    return NotificationsProperties.Channel.EMAIL;
  }

  /** One SMTP connection for the whole batch; a failure is recorded per message. */
  @Override
  public Map<Long, Exception> deliver(List<OutboxMessage> messages) {
    Map<Long, Exception> failures = new HashMap<>();
    Map<MimeMessage, Long> ids = new IdentityHashMap<>();
    for (OutboxMessage message : messages) {
      try {
        ids.put(mime(message), message.id());
      } catch (MessagingException | RuntimeException e) {
        failures.put(message.id(), e);
      }
    }
    if (ids.isEmpty()) {
      return failures;
    }
    try {
      mail.send(ids.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      e.getFailedMessages().forEach((mime, failure) -> failures.put(ids.get(mime), failure));
    } catch (MailException e) {
      ids.values().forEach(id -> failures.put(id, e));
    }
    return failures;
  }

  MimeMessage mime(OutboxMessage message) throws MessagingException {
    MessageTemplates.Message text = templates.render(message.type(), message.placeholders(properties.publicUrl()));
    String messageId = messageId(message.dedupKey());
    MimeMessage mime = new MimeMessage(mail.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(message.recipient());
    helper.setSubject(text.subject());
    helper.setText(text.body());
    return mime;
  }

  String messageId(String dedupKey) {
    String from = properties.from();
    return "<" + dedupKey + "@" + from.substring(from.indexOf('@') + 1) + ">";
  }
}
