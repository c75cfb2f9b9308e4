package org.preventcase.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.preventcase.engine.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves the signed-in user as an {@link Actor} (groups and tenant memberships from the identity
 * service), or the system actor where a model's step runs with no one signed in.
 */
@Component
public class Actors {

  private final IdentityService identity;

  public Actors(IdentityService identity) {
    this.identity = identity;
  }

  public Actor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("No signed-in user");
    }
    if (authentication.getDetails() instanceof Actor remembered && remembered.userId().equals(authentication.getName())) {
      return remembered; // an HTTP Basic sign-in's, read with it (RememberedSignIns)
    }
    return of(authentication.getName());
  }

  /**
   * Who a model's step acts for: the user signed in to the engine's current command, or, when nobody
   * is (the job executor: timers, asynchronous continuations, retries), the system actor of the
   * process instance's authority.
   */
  public Actor acting(DelegateExecution execution) {
    IdentityService engineIdentity = execution.getProcessEngineServices().getIdentityService();
    // the memberships the command was started with (read once per request), else read now
    return SignedInUser.memberships(engineIdentity)
        .map(signedIn -> new Actor(signedIn.userId(), signedIn.groups(), signedIn.tenants()))
        .or(() -> SignedInUser.id(engineIdentity).map(this::of))
        .orElseGet(() -> Actor.system(execution.getTenantId()));
  }

  public Actor of(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).collect(Collectors.toSet());
    return new Actor(userId, groups, tenants);
  }
}
