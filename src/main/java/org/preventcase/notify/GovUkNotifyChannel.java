package org.preventcase.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify: the template lives in Notify (its id in configuration), the message's placeholders
 * are its personalisation, and the de-duplication key is its `reference`. Before a retry the channel
 * asks Notify whether a message with that reference was already accepted, and does not send it twice.
 */
@Component
class GovUkNotifyChannel implements MessageChannel {

  private final NotificationsProperties properties;
  private final NotificationClient client;

  GovUkNotifyChannel(NotificationsProperties properties) {
    this.properties = properties;
    NotificationsProperties.Notify notify = properties.govUkNotify();
    boolean used = properties.channels().containsValue(NotificationsProperties.Channel.NOTIFY);
    if (used && !StringUtils.hasText(notify.apiKey())) {
      throw new IllegalStateException("GOV.UK Notify is chosen for a message type but NOTIFY_API_KEY is not set");
    }
    properties.channels().forEach((type, channel) -> {
      if (channel == NotificationsProperties.Channel.NOTIFY && !notify.templates().containsKey(type)) {
        throw new IllegalStateException("No GOV.UK Notify template id configured for " + type);
      }
    });
    this.client = used ? new NotificationClient(notify.apiKey(), notify.baseUrl()) : null;
  }

  @Override
  public NotificationsProperties.Channel kind() {
    return NotificationsProperties.Channel.NOTIFY;
  }

  @Override
  public Map<Long, Exception> deliver(List<OutboxMessage> messages) {
    Map<Long, Exception> failures = new HashMap<>();
    for (OutboxMessage message : messages) {
      try {
        deliver(message);
      } catch (NotificationClientException | RuntimeException e) {
        failures.put(message.id(), e);
      }
    }
    return failures;
  }

  void deliver(OutboxMessage message) throws NotificationClientException {
    if (message.attempts() > 0 && alreadyAccepted(message.dedupKey())) {
      return;
    }
    Map<String, Object> personalisation = message.placeholders(properties.publicUrl()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    client.sendEmail(properties.govUkNotify().templates().get(message.type()), message.recipient(), personalisation,
        message.dedupKey());
  }

  private boolean alreadyAccepted(String reference) throws NotificationClientException {
    return !client.getNotifications(null, "email", reference, null).getNotifications().isEmpty();
  }
}
