package org.preventcase.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** A user's groups in the engine's identity store (managed in Admin) as authorities GROUP_&lt;id&gt;. */
@Component
public class EngineAuthorities {

  private final IdentityService identity;

  public EngineAuthorities(IdentityService identity) {
    this.identity = identity;
  }

  public List<SimpleGrantedAuthority> of(String userId) {
    return asAuthorities(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }

  static List<SimpleGrantedAuthority> asAuthorities(java.util.Collection<String> groupIds) {
    return groupIds.stream().sorted().map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
  }
}
