package org.preventcase;

import org.preventcase.demo.DemoUsers;
import org.preventcase.security.AccessPolicy;
import org.preventcase.security.AdministratorProvisioning;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies the access policy, then the administrator, then (demo profile) the demo users, before the
 * web server accepts its first request.
 */
@Component
public class StartupProvisioning implements SmartInitializingSingleton {

  private final AccessPolicy accessPolicy;
  private final AdministratorProvisioning administrator;
  private final ObjectProvider<DemoUsers> demoUsers;

  public StartupProvisioning(AccessPolicy accessPolicy, AdministratorProvisioning administrator,
      ObjectProvider<DemoUsers> demoUsers) {
    this.accessPolicy = accessPolicy;
    this.administrator = administrator;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    accessPolicy.apply();
    administrator.apply();
    demoUsers.ifAvailable(DemoUsers::apply);
  }
}
