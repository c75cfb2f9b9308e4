package org.preventcase.gateway;

/** The gateway stage (processes/gateway/gateway.bpmn), called by the case process with its business key. */
public final class Gateway {

  public static final String PROCESS_KEY = "gateway";
  /** The rule whether a closure needs a Prevent manager's assurance review (processes/gateway/assurance-review.dmn). */
  public static final String ASSURANCE_DECISION_KEY = "assurance-review";

  private Gateway() {}
}
