package org.preventcase.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.preventcase.authority.AuthoritiesProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every process instance carries its owning authority as its tenant id. Definitions are shared (no
 * tenant); the instance takes the authority of the process that called it, or of the user who
 * started it, or the installation's only authority.
 */
@Component
public class AuthorityTenancyPlugin extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final ObjectProvider<IdentityService> identityService;
  private final AuthoritiesProperties authorities;

  public AuthorityTenancyPlugin(ObjectProvider<IdentityService> identityService, AuthoritiesProperties authorities) {
    this.identityService = identityService;
    this.authorities = authorities;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    Authentication user = identityService.getObject().getCurrentAuthentication();
    List<String> userAuthorities = user == null || user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (userAuthorities.size() == 1) {
      return userAuthorities.get(0);
    }
    if (userAuthorities.isEmpty() && authorities.authorities().size() == 1) {
      return authorities.authorities().get(0).code();
    }
    throw new ProcessEngineException(userAuthorities.isEmpty()
        ? "This user works for no authority: ask an administrator to add them to one"
        : "This user works for several authorities: the authority must be chosen when starting");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() != null ? context.getExecution().getTenantId() : null;
  }
}
