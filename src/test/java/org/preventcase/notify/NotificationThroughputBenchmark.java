package org.preventcase.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatcher throughput to GreenMail (`./mvnw verify -Pbench`), reported, never asserted: messages
 * per second through the outbox (queue in one transaction, then dispatch), and the same number of
 * messages rendered and sent one SMTP session each, measured in the same run.
 */
class NotificationThroughputBenchmark extends ApplicationIT {

  static final int MESSAGES = 300;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired Notifications notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired EmailChannel email;
  @Autowired TransactionTemplate transaction;
  @Autowired JavaMailSender mail;

  @Test
  void dispatcherThroughputToGreenMail() throws Exception {
    dispatcher.dispatchDue();
    long direct = time(() -> IntStream.range(0, MESSAGES).forEach(i -> uncheck(() -> mail.send(email.mime(
        new OutboxMessage(i, "E06000031", reference(i), MessageType.REFERRAL_ACKNOWLEDGEMENT,
            NotificationsProperties.Channel.EMAIL, "direct" + i + "@school.example", MessageFacts.NONE, "d" + i, 0))))));

    long queueing = time(() -> transaction.executeWithoutResult(status -> IntStream.range(0, MESSAGES).forEach(i ->
        notifications.send(new Notification("E06000031", reference(i), MessageType.REFERRAL_ACKNOWLEDGEMENT,
            new Recipient.Referrer("outbox" + i + "@school.example"), MessageFacts.NONE, "bench-" + i)))));
    int[] sent = new int[1];
    long dispatching = time(() -> sent[0] = dispatcher.dispatchDue());

    System.out.printf("""
        notification throughput, %d messages to GreenMail on loopback:
          one SMTP session per message:      %7.0f messages/s
          outbox: queue (one transaction):   %7.0f messages/s
          outbox dispatch, session per batch: %7.0f messages/s (%d sent)
          dispatch / per-message ratio:       %7.2f
        """, MESSAGES, rate(direct), rate(queueing), rate(dispatching), sent[0], (double) direct / dispatching);
  }

  static String reference(int i) {
    return String.format("E06000031-2026-%05d", 90000 + i % 9999);
  }

  static double rate(long nanos) {
    return MESSAGES / (nanos / 1e9);
  }

  static long time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  interface Work {
    void run() throws Exception;
  }

  static void uncheck(Work work) {
    try {
      work.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
