package org.preventcase.gateway;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.deadline.Deadlines;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.Urgency;

/**
 * `${setScreeningDeadlines}`, on the flow into the screening: screeningDueAt (5 working days for
 * a routine referral, the same day for an immediate risk) and screeningReminderAt (the configured
 * reminder, never later than the due date), counted from now: the referral's receipt the first
 * time, the day it is screened again after that.
 */
public class SetScreeningDeadlines implements ExecutionListener {

  private final Deadlines deadlines;
  private final java.time.Clock clock;

  public SetScreeningDeadlines(Deadlines deadlines, java.time.Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    boolean urgent = Urgency.IMMEDIATE_RISK.name().equals(execution.getVariable(IntakeVariables.URGENCY));
    Instant now = clock.instant();
    Instant due = deadlines.dueAt(urgent ? GatewayDeadlines.URGENT_SCREENING : GatewayDeadlines.SCREENING, now);
    Instant reminder = deadlines.dueAt(urgent ? GatewayDeadlines.URGENT_SCREENING_REMINDER
        : GatewayDeadlines.SCREENING_REMINDER, now);
    execution.setVariable(Deadlines.variableName(GatewayDeadlines.SCREENING), Date.from(due));
    execution.setVariable(GatewayVariables.SCREENING_REMINDER_AT, Date.from(reminder.isBefore(due) ? reminder : due));
  }
}
