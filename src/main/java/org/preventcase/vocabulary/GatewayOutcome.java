package org.preventcase.vocabulary;

/** The outcome of the gateway screening (process.md §2.2, issue 9): the contract for the forms, the variable {@code gatewayOutcome}, statistics and the API. A model path per value. */
public enum GatewayOutcome implements FormOption {
  NFA_CLOSED("No further action: close the case"),
  SIGNPOSTED("Signpost to another service and close the case"),
  POLICE_MANAGED("Police manage the case in their own case management"),
  PURSUE("Pursue: part of a live counter-terrorism investigation"),
  MAPPA("Hand the case to MAPPA"),
  LOCAL_BELOW_THRESHOLD("Below the threshold: keep it open under the local arrangement and review it"),
  REFER_TO_PANEL("Refer towards the Channel panel (information gathering and preliminary assessment)");

  private final String label;

  GatewayOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
