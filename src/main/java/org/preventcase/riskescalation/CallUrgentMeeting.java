package org.preventcase.riskescalation;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.panel.Panel;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * An extraordinary meeting of the case's panel today for a risk escalated on it (process.md §2.8), listing the
 * case to be decided (`${bringToExtraordinaryMeeting}`, panel-case: it moves from the meeting it waited for) or
 * reviewed (`${listUrgentReview}`, support); after an asynchronous boundary, so the police notice stands even
 * if calling the meeting has to be retried. Registered by {@link RiskEscalationBeans}.
 */
public class CallUrgentMeeting implements JavaDelegate {

  static final String WHY = "A risk was escalated on the case: the panel hears it urgently.";

  private final PanelMeetings meetings;
  private final Actors actors;
  private final Clock clock;
  private final ListingPurpose listing;

  public CallUrgentMeeting(PanelMeetings meetings, Actors actors, Clock clock, ListingPurpose listing) {
    this.meetings = meetings;
    this.actors = actors;
    this.clock = clock;
    this.listing = listing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.callExtraordinary(actors.acting(execution), (String) execution.getVariable(IntakeVariables.CASE_REF),
        LocalDate.now(clock.withZone(Panel.LONDON)), WHY, listing);
  }
}
