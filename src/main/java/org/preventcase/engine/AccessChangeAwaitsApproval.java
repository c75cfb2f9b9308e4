package org.preventcase.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The answer to a change of access that was recorded as a request and has not taken effect: Admin
 * shows its message, the engine REST API answers 400 with type AccessChangeAwaitsApproval.
 */
public class AccessChangeAwaitsApproval extends BadUserRequestException {

  public AccessChangeAwaitsApproval(String change) {
    super("Requested, not yet done: " + change + ". A Prevent manager of the authority approves or refuses it "
        + "on the Access requests page");
  }
}
