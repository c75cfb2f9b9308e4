package org.preventcase.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.app.ApplicationIT;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.app.TestClock;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseFixtures;
import org.preventcase.casefile.NewCase;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on PostgreSQL with GreenMail as the mail server: nothing is lost, nothing is sent twice. */
class NotificationsIT extends ApplicationIT {

  static final String AUTHORITY = "E06000031";
  static final AtomicInteger CASES = new AtomicInteger(100);

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      ServerSetupTest.SMTP.port(Integer.getInteger("greenmail.smtp.port", 3025))).withPerMethodLifecycle(true);

  @Autowired Notifications notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired StuckNotifications stuck;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired RuntimeService runtime;
  @Autowired EmailChannel email;
  @Autowired CaseService cases;
  @Autowired Actors actors;

  static String newCaseReference() {
    return AUTHORITY + "-2026-" + String.format("%05d", CASES.incrementAndGet());
  }

  int queue(Notification notification) {
    return transaction.execute(status -> notifications.send(notification));
  }

  static Notification acknowledgement(String caseReference, String referrerAddress) {
    return new Notification(AUTHORITY, caseReference, MessageType.REFERRAL_ACKNOWLEDGEMENT,
        new Recipient.Referrer(referrerAddress), MessageFacts.NONE, "referral-" + caseReference);
  }

  List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(message -> GreenMailUtil.getAddressList(
        uncheck(() -> message.getAllRecipients())).contains(address)).toList();
  }

  @Test
  void theReferrerReceivesTheAcknowledgementWithTheReferenceAndNothingAboutThePerson() throws Exception {
    String reference = newCaseReference();
    String referrer = "year-head@school.example";
    queue(acknowledgement(reference, referrer));

    assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(1);

    List<MimeMessage> received = receivedBy(referrer);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(message.getSubject()).isEqualTo("Prevent referral received: " + reference);
    assertThat(GreenMailUtil.getBody(message)).contains(reference).contains("call 999").doesNotContain("/cases/");
    assertThat(message.getFrom()[0].toString()).isEqualTo("prevent-case-engine@localhost");
    assertThat(message.getMessageID()).isEqualTo(email.messageId(dedupKeyOf(reference, referrer)));
  }

  @Test
  void everyMemberOfTheAgencyGroupInTheAuthorityGetsTheNewTaskWithLinks() throws Exception {
    String reference = newCaseReference();
    queue(new Notification(AUTHORITY, reference, MessageType.NEW_TASK_FOR_AGENCY,
        new Recipient.GroupMembers("prevent-police-officer"),
        MessageFacts.task("Screen referral and deconflict", LocalDate.of(2026, 12, 1)), "task-1-" + reference));

    dispatcher.dispatchDue();

    List<MimeMessage> received = receivedBy("demo-police@example.invalid");
    assertThat(received).hasSize(1);
    assertThat(GreenMailUtil.getBody(received.get(0))).contains("Screen referral and deconflict")
        .contains("1 December 2026").contains(baseUrlOfMessages() + "/cases/" + reference)
        .contains("/camunda/app/tasklist/");
    assertThat(receivedBy("demo-referrer@example.invalid")).isEmpty();
  }

  @Test
  void withTheMailServerDownTheMessageStaysQueuedIsRetriedRaisedAndArrivesOnceWhenTheServerIsBack() {
    String reference = newCaseReference();
    String referrer = "dsl@college.example";
    mail.stop();
    queue(acknowledgement(reference, referrer));

    dispatcher.dispatchDue();
    assertThat(attemptsOf(reference)).isEqualTo(1);
    dispatcher.dispatchDue();
    assertThat(attemptsOf(reference)).as("not retried before its wait is over").isEqualTo(1);

    for (int failed = 1; failed < 5; failed++) {
      clock.advance(Duration.ofSeconds(30L << (failed - 1)).plusSeconds(1));
      dispatcher.dispatchDue();
      assertThat(attemptsOf(reference)).isEqualTo(failed + 1);
    }
    assertThat(stuck.list()).extracting(StuckNotifications.Stuck::caseReference).contains(reference);
    assertThat(stuck.health().getStatus()).isEqualTo(StuckNotifications.DEGRADED);
    assertThat(call("GET", "/api/notifications/stuck", "demo-manager", null).body()).contains(reference);
    assertThat(call("GET", "/actuator/prometheus", "demo-manager", null).body())
        .containsPattern("prevent_notifications_stuck\\S* [1-9]");

    mail.start();
    clock.advance(Duration.ofMinutes(9));
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    assertThat(receivedBy(referrer)).hasSize(1);
    assertThat(stuck.list()).extracting(StuckNotifications.Stuck::caseReference).doesNotContain(reference);
    assertThat(stuck.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aRolledBackCaseChangeSendsNothing() {
    String reference = newCaseReference();
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      runtime.startProcessInstanceByKey(PreventCase.PROCESS_KEY, reference, java.util.Map.of("taskPriority", 50));
      notifications.send(acknowledgement(reference, "nurse@practice.example"));
      throw new IllegalStateException("the case change fails after queueing");
    })).isInstanceOf(IllegalStateException.class);

    dispatcher.dispatchDue();

    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE case_reference = ?", Long.class,
        reference)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(receivedBy("nurse@practice.example")).isEmpty();
  }

  @Test
  void aCrashAfterTheCaseChangeLosesNothingAndACrashMidSendResendsTheSameMessage() throws Exception {
    String reference = newCaseReference();
    String referrer = "youth-worker@charity.example";
    queue(acknowledgement(reference, referrer));

    // a dispatcher claims the message, sends it, and dies before recording that it did
    OutboxMessage claimed = dispatcher.claimDue().stream()
        .filter(message -> message.caseReference().equals(reference)).findFirst().orElseThrow();
    email.deliver(List.of(claimed));
    assertThat(dispatcher.dispatchDue()).as("the claim still holds").isZero();

    clock.advance(Duration.ofMinutes(3));
    dispatcher.dispatchDue();

    List<MimeMessage> received = receivedBy(referrer);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).getMessageID()).as("the same message, which the receiving side folds into one")
        .isEqualTo(received.get(1).getMessageID());
    assertThat(jdbc.queryForObject("SELECT status FROM notification_outbox WHERE case_reference = ?", String.class,
        reference)).isEqualTo("SENT");
  }

  @Test
  void noMessageOfAnyTypeCarriesThePersonsNameDateOfBirthOrAddressAndEverySendIsAuditedWithItsRecipient()
      throws Exception {
    NewCase.Person person = new NewCase.Person("Ellison", "Quarrendon", LocalDate.of(2009, 4, 17), "MALE",
        List.of("Elli Q"), "14 Tannery Row, Fenbridge", "PE9 7ZX");
    String reference = CaseFixtures.open(cases, actors.of("demo-coordinator"), new NewCase(AUTHORITY, person,
        new NewCase.Referral(OffsetDateTime.now(), "EDUCATION", "EXTREME_RIGHT_WING", "ROUTINE",
            "Ellison Quarrendon of 14 Tannery Row said ...")));
    MessageFacts facts = new MessageFacts("Screen referral and deconflict", LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 3), List.of(reference), "Luton Borough Council",
        List.of("E06000031 2026-12 57 " + "3fa2".repeat(16)));
    String address = "coordinator.mailbox@council.example";
    for (MessageType type : MessageType.values()) {
      queue(new Notification(AUTHORITY, reference, type, new Recipient.Address(address), facts, "all-types"));
    }

    dispatcher.dispatchDue();

    List<MimeMessage> received = receivedBy(address);
    assertThat(received).hasSize(MessageType.values().length);
    List<String> personal = List.of("Ellison", "Quarrendon", "Elli Q", "2009", "17 April", "Tannery", "Fenbridge",
        "PE9 7ZX");
    for (MimeMessage message : received) {
      String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
      assertThat(personal).noneMatch(text::contains);
    }
    String outbox = String.join("\n", jdbc.queryForList(
        "SELECT concat_ws(' ', recipient, facts::text, message_type) FROM notification_outbox WHERE case_reference = ?",
        String.class, reference));
    assertThat(personal).noneMatch(outbox::contains);
    assertThat(jdbc.queryForList("SELECT recipient FROM audit_event WHERE case_reference = ? AND action = 'NOTIFY' "
        + "AND purpose_code = 'NOTIFICATION' AND user_id = ?", String.class, reference, CaseService.NOTIFICATIONS_USER))
        .hasSize(MessageType.values().length).containsOnly(address);
  }

  @Test
  void theSameEventNotifiedTwiceQueuesTheMessageOnce() {
    String reference = newCaseReference();
    assertThat(queue(acknowledgement(reference, "pastoral@school.example"))).isEqualTo(1);
    assertThat(queue(acknowledgement(reference, "pastoral@school.example"))).isZero();
  }

  @Test
  void queueingOutsideTheTransactionOfACaseChangeIsRefused() {
    assertThatThrownBy(() -> notifications.send(acknowledgement(newCaseReference(), "a@b.example")))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aMessageCannotCarryFreeTextOrAStrangeAddress() {
    assertThatThrownBy(() -> MessageFacts.task("<script>alert(1)</script>", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue(acknowledgement(newCaseReference(), "not an address")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Not an e-mail address");
  }

  private String baseUrlOfMessages() {
    return "http://localhost:8080";
  }

  private int attemptsOf(String reference) {
    return jdbc.queryForObject("SELECT attempts FROM notification_outbox WHERE case_reference = ?", Integer.class,
        reference);
  }

  private static String dedupKeyOf(String reference, String address) {
    return Notifications.dedupKey(acknowledgement(reference, address), address);
  }

  interface Failing<T> {
    T get() throws Exception;
  }

  static <T> T uncheck(Failing<T> call) {
    try {
      return call.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
