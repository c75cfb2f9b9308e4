package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ReferralReference;
import org.preventcase.casefile.ReferrerContact;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${tellReferrersTheReferralWasHandled}`, on every closing end event of the case process: every
 * referrer of the case's referrals who gave an address is told, through the outbox, the same neutral
 * thing whatever the outcome: that their referral (by its referral reference, never the case's) has
 * been handled. A message withheld where police are interested would itself tip the referrer off.
 */
@Component("tellReferrersTheReferralWasHandled")
public class TellReferrersTheReferralWasHandled implements ExecutionListener {

  private final CaseService cases;
  private final Notifications notifications;
  private final Actors actors;

  public TellReferrersTheReferralWasHandled(CaseService cases, Notifications notifications, Actors actors) {
    this.cases = cases;
    this.notifications = notifications;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    for (ReferrerContact referrer : cases.referrersOf(actors.acting(execution), reference,
        new Purpose(Purpose.Code.NOTIFICATION, MessageType.REFERRAL_HANDLED.name()))) {
      if (referrer.address() == null) {
        continue;
      }
      notifications.send(new Notification(execution.getTenantId(), ReferralReference.of(referrer.referralId()),
          MessageType.REFERRAL_HANDLED, new Recipient.Referrer(referrer.address()), MessageFacts.NONE,
          "referral-handled-" + referrer.referralId()));
    }
  }
}
