package org.preventcase.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine-side guards (one of the few places engine {@code impl} classes are used):
 * <ul>
 *   <li>models are parsed through {@link ModelSafetyParseListener}, decisions checked by
 *       {@link DecisionSafetyDeployer} (FEEL only, no Java), and a CMMN case model is refused
 *       ({@link NoCaseModelsDeployer});</li>
 *   <li>expressions see only the delegate beans ({@link DelegateBeans}), not the whole context;</li>
 *   <li>comments and attachments are refused: the engine writes them to history at any level, and
 *       they would carry free text about a person.</li>
 * </ul>
 */
@Component
public class EngineSafetyPlugin extends AbstractProcessEnginePlugin {

  private final DelegateBeans delegateBeans;

  public EngineSafetyPlugin(DelegateBeans delegateBeans) {
    this.delegateBeans = delegateBeans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new ModelSafetyParseListener());
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DecisionSafetyDeployer());
    configuration.getCustomPreDeployers().add(new NoCaseModelsDeployer());
    configuration.setBeans(delegateBeans);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new RefuseCommentsAndAttachments());
  }

  static class RefuseCommentsAndAttachments extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
        throw new ProcessEngineException(
            "Comments and attachments are switched off: record case information on the case page");
      }
      return next.execute(command);
    }
  }
}
