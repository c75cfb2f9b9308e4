package org.preventcase.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * No self-granted access (issue 16 item 2): when a signed-in user asks the engine (Admin, the engine
 * REST API) for a group or tenant membership, or to create, change or delete a user-level or group-level
 * authorization, and is allowed to, the {@link AccessChangeGate} decides; a change that needs a Prevent manager's approval is
 * recorded as a request, the engine command does nothing and the caller is told so
 * ({@link AccessChangeAwaitsApproval}). Changes made with nobody signed in to
 * the engine (the access policy at start-up, an approved request being applied) go through as asked.
 * Runs before the engine's transaction, so the request is kept whatever the caller does next.
 */
@Component
public class AccessChangePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AccessChangeGate> gate;

  public AccessChangePlugin(ObjectProvider<AccessChangeGate> gate) {
    this.gate = gate;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new AccessChangeInterceptor(configuration));
  }

  class AccessChangeInterceptor extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    AccessChangeInterceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!AccessChange.changesAccess(command)) {
        return next.execute(command);
      }
      IdentityService identityService = configuration.getIdentityService();
      AuthorizationService authorizations = configuration.getAuthorizationService();
      Authentication signedIn = identityService.getCurrentAuthentication();
      if (signedIn == null || signedIn.getUserId() == null) {
        return next.execute(command);
      }
      List<String> groups = signedIn.getGroupIds() == null ? List.of() : signedIn.getGroupIds();
      boolean takesEffect;
      Optional<AccessChange> change;
      identityService.clearAuthentication(); // the gate reads users, groups, tenants and authorizations as the system
      try {
        change = AccessChange.of(command, authorizations);
        if (change.isEmpty() || !change.get().mayBeAskedBy(authorizations, signedIn.getUserId(), groups)) {
          takesEffect = true; // nothing to decide, or the engine refuses it with its own error
        } else {
          takesEffect = gate.getObject().takesEffectNow(change.get(), signedIn.getUserId(), groups);
        }
      } finally {
        identityService.setAuthentication(signedIn);
      }
      if (takesEffect) {
        return next.execute(command);
      }
      throw new AccessChangeAwaitsApproval(change.get().describe());
    }
  }
}
