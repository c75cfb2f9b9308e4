package org.preventcase.riskescalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${tellPoliceOfRiskEscalation}` (support and panel-case, Task_TellPoliceOfRisk): the police Prevent officers
 * of the case's authority are told at once through the outbox, in the transaction that records the escalation
 * (RISK_ESCALATED: the case reference and its link; what changed stays in the case record).
 */
@Component("tellPoliceOfRiskEscalation")
public class TellPoliceOfRiskEscalation implements JavaDelegate {

  private final Notifications notifications;

  public TellPoliceOfRiskEscalation(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(new Notification(execution.getTenantId(), (String) execution.getVariable(IntakeVariables.CASE_REF),
        MessageType.RISK_ESCALATED, new Recipient.GroupMembers(Role.POLICE_PREVENT_OFFICER.groupId()),
        MessageFacts.NONE, execution.getActivityInstanceId()));
  }
}
