package org.preventcase.security;

import java.util.Set;

/**
 * Who is acting: the signed-in user, their groups (roles and agencies) and the authorities (tenants)
 * they work for. Never carries personal data beyond the user id.
 */
public record Actor(String userId, Set<String> groups, Set<String> authorities) {

  public Actor {
    groups = Set.copyOf(groups);
    authorities = Set.copyOf(authorities);
  }

  public boolean hasRole(Role role) {
    return groups.contains(role.groupId());
  }

  public boolean worksFor(String authorityCode) {
    return authorities.contains(authorityCode);
  }
}
