package org.preventcase.engine;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/** The user the engine's current command runs for, if someone is signed in (the engine's own type stays here). */
public final class SignedInUser {

  private SignedInUser() {}

  public static Optional<String> id(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null ? Optional.empty() : Optional.ofNullable(authentication.getUserId());
  }
}
