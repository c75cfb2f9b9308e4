package org.preventcase.security;

import java.util.Set;

/**
 * Who is acting: the signed-in user, their groups (roles and agencies) and the authorities (tenants)
 * they work for; or, where nobody is signed in (timers, asynchronous continuations, retries,
 * scheduled jobs), the system actor {@value #SYSTEM_ENGINE} acting for one process instance's
 * authority. Never carries personal data beyond the user id.
 */
public record Actor(String userId, Set<String> groups, Set<String> authorities) {

  /**
   * The system actor's id in the audit trail. It exists only in code: identity ids are letters,
   * digits and hyphens (general-resource-whitelist-pattern), so no user or group can be named so.
   */
  public static final String SYSTEM_ENGINE = "system:engine";

  /** The engine working with no one signed in, for the process instance's authority (its tenant id). */
  public static Actor system(String authorityCode) {
    if (authorityCode == null || authorityCode.isBlank()) {
      throw new IllegalStateException("The system actor acts for a process instance's authority: it has none");
    }
    return new Actor(SYSTEM_ENGINE, Set.of(), Set.of(authorityCode));
  }

  public Actor {
    groups = Set.copyOf(groups);
    authorities = Set.copyOf(authorities);
  }

  public boolean isSystem() {
    return SYSTEM_ENGINE.equals(userId);
  }

  public boolean hasRole(Role role) {
    return groups.contains(role.groupId());
  }

  public boolean worksFor(String authorityCode) {
    return authorities.contains(authorityCode);
  }
}
