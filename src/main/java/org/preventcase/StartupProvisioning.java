package org.preventcase;

import org.preventcase.database.ClusterJobs;
import org.preventcase.demo.DemoUsers;
import org.preventcase.security.AccessPolicy;
import org.preventcase.security.AdministratorProvisioning;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies the access policy, then the administrator, then (demo profile) the demo users, before the
 * web server accepts its first request: in one transaction holding a database lock, so that instances
 * starting at once provision one after the other, each finding what the one before created
 * (docs/scale-out.md).
 */
@Component
public class StartupProvisioning implements SmartInitializingSingleton {

  /** The provisioning's advisory lock: "PROVI" in ASCII. */
  static final long LOCK = 0x50524F5649L;
  private final AccessPolicy accessPolicy;
  private final AdministratorProvisioning administrator;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ClusterJobs cluster;

  public StartupProvisioning(AccessPolicy accessPolicy, AdministratorProvisioning administrator,
      ObjectProvider<DemoUsers> demoUsers, ClusterJobs cluster) {
    this.cluster = cluster;
    this.accessPolicy = accessPolicy;
    this.administrator = administrator;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    cluster.inTurn(LOCK, () -> {
      accessPolicy.apply();
      administrator.apply();
      demoUsers.ifAvailable(DemoUsers::apply);
      return null;
    });
  }
}
