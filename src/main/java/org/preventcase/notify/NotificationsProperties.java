package org.preventcase.notify;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.notifications.*: the sender, the channel of each message type, GOV.UK Notify's key and
 * template ids, and the dispatcher's timings.
 */
@ConfigurationProperties(prefix = "prevent.notifications")
public record NotificationsProperties(
    String from,
    String publicUrl,
    Duration dispatchInterval,
    int batchSize,
    Duration firstRetryAfter,
    Duration longestRetryInterval,
    int alertAfterAttempts,
    Duration claimTimeout,
    Map<MessageType, Channel> channels,
    Notify govUkNotify) {

  public enum Channel { EMAIL, NOTIFY }

  /** GOV.UK Notify: the API key, the API's address, and a template id per message type sent through it. */
  public record Notify(String apiKey, String baseUrl, Map<MessageType, String> templates) {
    public Notify {
      templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
  }

  public NotificationsProperties {
    channels = channels == null ? Map.of() : Map.copyOf(channels);
    govUkNotify = govUkNotify == null ? new Notify(null, null, Map.of()) : govUkNotify;
  }

  public Channel channelOf(MessageType type) {
    return channels.getOrDefault(type, Channel.EMAIL);
  }

  /** The wait before attempt n+1 after n failed attempts: doubling from the first, capped. */
  public Duration retryAfter(int failedAttempts) {
    Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    return wait.compareTo(longestRetryInterval) > 0 ? longestRetryInterval : wait;
  }
}
