package org.preventcase.notify;

import java.util.List;
import java.util.Map;

/** A way of delivering queued messages. */
interface MessageChannel {

  NotificationsProperties.Channel kind();

  /** Delivers a batch; returns the failures by outbox id (every message not named was delivered). */
  Map<Long, Exception> deliver(List<OutboxMessage> messages);
}
