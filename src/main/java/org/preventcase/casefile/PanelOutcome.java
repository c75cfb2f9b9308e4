package org.preventcase.casefile;

/**
 * What happened to a case at a meeting (panel_listing): the outcome (a PanelDecision, a ReviewDecision,
 * or INQUORATE), the recommendation the panel had, the decision's method, and whether the meeting was
 * quorate for the case. Codes only; the reasons are case entries.
 */
public record PanelOutcome(String outcome, String recommendation, String decisionMethod, Boolean quorate) {

  public static final String INQUORATE = "INQUORATE";

  public static PanelOutcome inquorate() {
    return new PanelOutcome(INQUORATE, null, null, false);
  }
}
