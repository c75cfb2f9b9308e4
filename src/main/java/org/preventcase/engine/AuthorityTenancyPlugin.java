package org.preventcase.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
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
 * tenant); an instance takes the authority of the process that called it, else the authority its
 * start variables name ({@value AuthorityNotChosenException#FIELD}), which must be one the starter
 * works for (so a user of several authorities can refer into any of them), else the starter's only
 * authority. With no one signed in (the system actor: a job starting a process) the named authority
 * must be a tenant, and may be left out only when the installation serves one authority.
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
    Object named = context.getVariables() == null ? null : context.getVariables().get(AuthorityNotChosenException.FIELD);
    String requested = named instanceof String code && !code.isBlank() ? code.strip() : null;
    if (named != null && !(named instanceof String)) {
      throw new AuthorityNotChosenException(AuthorityNotChosenException.LABEL + " must be text, like E06000031");
    }
    Authentication user = identityService.getObject().getCurrentAuthentication();
    if (user == null) {
      return forTheSystemActor(requested);
    }
    List<String> memberships = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (requested != null) {
      if (!memberships.contains(requested)) {
        throw new AuthorityNotChosenException("Enter the code of a local authority you work for");
      }
      return requested;
    }
    if (memberships.size() == 1) {
      return memberships.get(0);
    }
    throw new AuthorityNotChosenException(memberships.isEmpty()
        ? "You work for no authority: ask an administrator to add you to one"
        : "Enter the code of the local authority this is for: you work for more than one");
  }

  private String forTheSystemActor(String requested) {
    List<String> served = authorities.authorities().stream().map(AuthoritiesProperties.Authority::code).toList();
    if (requested != null && identityService.getObject().createTenantQuery().tenantId(requested).count() == 1) {
      return requested;
    }
    if (requested == null && served.size() == 1) {
      return served.get(0);
    }
    throw new AuthorityNotChosenException(requested == null
        ? "A process started with no one signed in must name its authority (" + AuthorityNotChosenException.FIELD + ")"
        : "Enter the code of a local authority this service works for");
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
