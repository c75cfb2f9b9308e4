package org.preventcase.models;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Model tests: every process instance carries one authority as its tenant (its caller's, or the one its start
 * variables name), as in the application.
 */
public final class FixedAuthority implements TenantIdProvider {

  private final String authority;

  private FixedAuthority(String authority) {
    this.authority = authority;
  }

  public static void use(ProcessEngine engine, String authority) {
    configuration(engine).setTenantIdProvider(authority == null ? null : new FixedAuthority(authority));
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    // as the application: a process started with no one signed in names its authority (a transfer's receiving one)
    Object named = context.getVariables() == null ? null : context.getVariables().get("authorityCode");
    return named instanceof String code ? code : authority;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return authority;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return authority;
  }
}
