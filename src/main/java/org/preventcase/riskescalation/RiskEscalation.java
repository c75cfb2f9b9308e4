package org.preventcase.riskescalation;

import java.util.List;

/**
 * The names risk escalation shares with the models (process.md §2.8, docs/support.md): the message a case's
 * support stage or panel stage takes at any time, without cancelling the work in hand.
 */
public final class RiskEscalation {

  /** Correlated by the case reference and its authority, to the support or the panel stage of the case. */
  public static final String MESSAGE = "RiskEscalated";
  /**
   * Set by every escalation, on the scope of the escalation's event sub-process: whether the panel is hearing the
   * case now, and so hears the escalation there.
   */
  public static final String PANEL_HEARING_NOW = "panelHearingNow";
  /** The longest account of what changed the case record takes here (longer belongs in the case's documents). */
  public static final int WHAT_CHANGED_MAX = 2000;
  /** The tasks of the panel hearing the case: its assessment, its decision, its review. */
  static final List<String> HEARINGS = List.of("Task_AssessCase", "Task_DecideCase", "Task_ReviewAdoptedCase");

  private RiskEscalation() {}
}
