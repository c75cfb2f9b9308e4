package org.preventcase.panel;

/** The fields of the form panel-decision (docs/panel.md). */
final class DecisionForm {

  static final String FORM_ID = "panel-decision";
  static final String METHOD = "decisionMethod";
  static final String DISSENT = "dissent";
  static final String DEPARTURE_REASON = "departureReason";
  static final String ALTERNATIVE = "alternativeSupport";
  static final String AWAITED = "awaited";
  static final String RATIONALE = "decisionRationale";

  private DecisionForm() {}
}
