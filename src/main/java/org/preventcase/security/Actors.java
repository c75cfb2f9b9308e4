package org.preventcase.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the signed-in user as an {@link Actor}: groups and tenant memberships from the identity service. */
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
    return of(authentication.getName());
  }

  public Actor of(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).collect(Collectors.toSet());
    return new Actor(userId, groups, tenants);
  }
}
