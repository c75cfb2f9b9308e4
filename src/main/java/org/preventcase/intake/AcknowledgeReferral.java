package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ReferralReference;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${acknowledgeReferral}`, an end listener of the intake's start event: at once, whatever the person
 * match, the referrer is told the referral was received and its referral reference (never the case
 * it may join), through the outbox in the same transaction (docs/notifications.md: nothing about the
 * person, the outcome or police interest). A referrer without an e-mail address (a member of the
 * public whose call an officer took) is told the reference by that officer.
 */
@Component("acknowledgeReferral")
public class AcknowledgeReferral implements ExecutionListener {

  private final CaseService cases;
  private final Notifications notifications;
  private final Actors actors;

  public AcknowledgeReferral(CaseService cases, Notifications notifications, Actors actors) {
    this.cases = cases;
    this.notifications = notifications;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(IntakeVariables.REFERRAL_ID);
    String address = cases.referrerAddress(actors.acting(execution), execution.getTenantId(), referralId);
    if (address == null) {
      return;
    }
    notifications.send(new Notification(execution.getTenantId(), ReferralReference.of(referralId),
        MessageType.REFERRAL_ACKNOWLEDGEMENT, new Recipient.Referrer(address), MessageFacts.NONE,
        "referral-" + referralId));
  }
}
