package org.preventcase.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Closes CVE-2026-77226: the Admin webapp offers an anonymous "create the first administrator" setup
 * whenever no user is a direct member of camunda-admin. At every start the configured administrator
 * is made to exist and to be a direct member (its password is set only when the user is created).
 * The setup endpoint is also refused outright (SecurityConfiguration).
 */
@Component
public class AdministratorProvisioning {

  private final IdentityService identity;
  private final AdministratorProperties administrator;

  public AdministratorProvisioning(IdentityService identity, AdministratorProperties administrator) {
    this.identity = identity;
    this.administrator = administrator;
  }

  public void apply() {
    String userId = administrator.userId();
    if (!StringUtils.hasText(userId)) {
      throw new IllegalStateException("PREVENT_ADMIN_USER is not set: an administrator must be provisioned at start-up");
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      if (!StringUtils.hasText(administrator.initialPassword())) {
        throw new IllegalStateException("PREVENT_ADMIN_PASSWORD is not set: needed to create the administrator "
            + "named by PREVENT_ADMIN_USER");
      }
      User user = identity.newUser(userId);
      user.setFirstName("Prevent");
      user.setLastName("Administrator");
      user.setPassword(administrator.initialPassword());
      identity.saveUser(user);
    }
    String adminGroup = Role.ADMINISTRATOR.groupId();
    if (identity.createUserQuery().userId(userId).memberOfGroup(adminGroup).count() == 0) {
      identity.createMembership(userId, adminGroup);
    }
  }
}
