package org.preventcase.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as a given user (their groups and tenants), so that the engine's authorization
 * and tenant checks apply, and puts back whoever the thread ran as before.
 */
public final class AsUser {

  private AsUser() {}

  /**
   * Runs engine calls with no one signed in, as the engine runs its own jobs (no authorization or tenant
   * check): for the application's own housekeeping of the engine, never on a user's behalf.
   */
  public static <T> T asEngine(IdentityService identity, Supplier<T> work) {
    Authentication before = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      }
    }
  }

  public static <T> T call(IdentityService identity, String userId, Collection<String> groups,
      Collection<String> tenants, Supplier<T> work) {
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, new ArrayList<>(groups), new ArrayList<>(tenants));
    try {
      return work.get();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }
}
