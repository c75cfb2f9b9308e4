package org.preventcase.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.preventcase.failures.Refusal;

/**
 * The answer to a change of access that was recorded as a request and has not taken effect: Admin
 * shows its message, the engine REST API answers 400 with type
 * {@code urn:preventcase:problem:access-change-awaits-approval} (docs/forms.md).
 */
public class AccessChangeAwaitsApproval extends BadUserRequestException implements Refusal {

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String kind() {
    return "access-change-awaits-approval";
  }


  public AccessChangeAwaitsApproval(String change) {
    super("Requested, not yet done: " + change + ". A Prevent manager of the authority approves or refuses it "
        + "on the Access requests page");
  }
}
