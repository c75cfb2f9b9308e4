package org.preventcase.engine;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;

/** The user the engine's current command runs for, if someone is signed in (the engine's own type stays here). */
public final class SignedInUser {

  private SignedInUser() {}

  /** The user the command runs for with the groups and tenants it runs with, when the engine was told both. */
  public record Memberships(String userId, Set<String> groups, Set<String> tenants) {}

  /**
   * The signed-in user's memberships as the engine's current authentication carries them (the ones its own
   * authorization checks use); empty if no one is signed in or the authentication names the user alone.
   */
  public static Optional<Memberships> memberships(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || authentication.getGroupIds() == null
        || authentication.getTenantIds() == null) {
      return Optional.empty();
    }
    return Optional.of(new Memberships(authentication.getUserId(), Set.copyOf(authentication.getGroupIds()),
        Set.copyOf(authentication.getTenantIds())));
  }

  public static Optional<String> id(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null ? Optional.empty() : Optional.ofNullable(authentication.getUserId());
  }
}
