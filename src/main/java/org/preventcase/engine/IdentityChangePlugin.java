package org.preventcase.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link IdentityChanged} once an engine command that changes who a user is or what they
 * belong to has run (Admin, the engine REST API, the access requests' approvals, the provisioning at
 * start), whether it succeeded or failed: outside the command's transaction, so after its commit, and
 * again after an enclosing transaction's end.
 */
@Component
public class IdentityChangePlugin extends AbstractProcessEnginePlugin {

  static final List<Class<?>> CHANGES = List.of(SaveUserCmd.class, DeleteUserCmd.class, CreateMembershipCmd.class,
      DeleteMembershipCmd.class, CreateTenantUserMembershipCmd.class, DeleteTenantUserMembershipCmd.class,
      CreateTenantGroupMembershipCmd.class, DeleteTenantGroupMembershipCmd.class, DeleteGroupCmd.class,
      DeleteTenantCmd.class);
  private final ApplicationEventPublisher events;

  public IdentityChangePlugin(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (CHANGES.stream().noneMatch(change -> change.isInstance(command))) {
          return next.execute(command);
        }
        try {
          return next.execute(command);
        } finally {
          changed();
        }
      }
    });
  }

  /** Now, and again once an enclosing transaction the change joined has ended (reads before it saw the old state). */
  private void changed() {
    events.publishEvent(new IdentityChanged());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          events.publishEvent(new IdentityChanged());
        }
      });
    }
  }
}
