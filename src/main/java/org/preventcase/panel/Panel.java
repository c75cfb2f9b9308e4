package org.preventcase.panel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The Channel panel's processes and their variables (processes/panel/, docs/panel.md): the meeting
 * ({@value #MEETING_PROCESS}, business key = the meeting's reference) and one case before the panel
 * ({@value #CASE_PROCESS}, business key = the case reference, called by the case process).
 */
public final class Panel {

  public static final String MEETING_PROCESS = "panel-meeting";
  public static final String CASE_PROCESS = "panel-case";
  public static final String RECOMMENDATION_DECISION = "panel-recommendation";

  /** Messages (docs/messages.md). */
  public static final String MEETING_SCHEDULED = "PanelMeetingScheduled";
  public static final String MEETING_OPENED = "PanelMeetingOpened";
  public static final String REVIEW_DUE = "PanelReviewDue";

  /** Both processes: the meeting's id (panel_meeting.id) and its day in words ("15 December 2026"). */
  public static final String MEETING_ID = "panelMeetingId";
  public static final String MEETING_DATE_LABEL = "panelMeetingDateLabel";
  /** The meeting: when its agenda falls due and when it meets (timers). */
  public static final String AGENDA_DUE_AT = "agendaDueAt";
  public static final String MEETS_AT = "meetsAt";
  /** The case: whether the meeting that opened is quorate for it (s37(3)), from the message. */
  public static final String QUORATE = "panelMeetingQuorate";
  /** The case: the recommendation table's result, and the panel's decision (returned to the case process). */
  public static final String RECOMMENDATION = "panelRecommendation";
  public static final String RECOMMENDATION_LABEL = "panelRecommendationLabel";
  public static final String DECISION = "panelDecision";
  /** The assessment form's rating scale (valuesKey: a JSON list of label and value). */
  public static final String RATING_SCALE = "ratingScale";

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Panel() {}

  /** The meeting's reference, its process's business key and the agenda notice's reference. */
  public static String meetingReference(long meetingId) {
    return "PM-" + meetingId;
  }

  static long meetingId(VariableScope scope) {
    if (!(scope.getVariable(MEETING_ID) instanceof Number id)) {
      throw new IllegalStateException("The step belongs to no panel meeting");
    }
    return id.longValue();
  }

  static String caseReference(VariableScope scope) {
    if (!(scope.getVariable("caseRef") instanceof String reference)) {
      throw new IllegalStateException("The step has no case reference");
    }
    return reference;
  }
}
