package org.preventcase.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A task belongs to its assignee (issue 16 item 3), checked in the engine for every user task of
 * every model (built-in listeners, which no {@code skipCustomListeners} skips), whichever API asked:
 * <ul>
 *   <li>a claimed task is completed only by its assignee (409 otherwise);</li>
 *   <li>a claimed task is released (unclaimed) only by its assignee or a Prevent manager (409);</li>
 *   <li>a task is given to a named person other than oneself (claim for someone, set assignee,
 *       delegate) only by a Prevent manager (403), and that is written to the audit trail.</li>
 * </ul>
 * With nobody signed in (the engine's own jobs, delegates' own calls) nothing is refused.
 */
@Component
public class TaskOwnershipPlugin extends AbstractProcessEnginePlugin {

  static final String PREVENT_MANAGER = "prevent-manager";
  private static final String CREATED = "Created"; // TaskEntity.TaskState.STATE_CREATED, whose name is not public
  private final ManagerAssignments assignments;

  public TaskOwnershipPlugin(ManagerAssignments assignments) {
    this.assignments = assignments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener completion = this::completion;
    TaskListener assignment = this::assignment;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completion);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment);
      }
    });
  }

  void completion(DelegateTask task) {
    Authentication user = user(task);
    if (user != null && task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
      throw new TaskOwnershipException(409, "This task has been claimed by someone else: only they can complete it.");
    }
  }

  void assignment(DelegateTask task) {
    Authentication user = user(task);
    if (user == null || CREATED.equals(((TaskEntity) task).getTaskState())) {
      return; // nobody signed in, or an assignee the model gives a task as it is created
    }
    boolean manager = user.getGroupIds() != null && user.getGroupIds().contains(PREVENT_MANAGER);
    String assignee = task.getAssignee();
    if (assignee == null) {
      String previous = previousAssignee(task);
      if (previous != null && !previous.equals(user.getUserId()) && !manager) {
        throw new TaskOwnershipException(409,
            "This task has been claimed by someone else: only they or a Prevent manager can release it.");
      }
      return;
    }
    if (assignee.equals(user.getUserId())) {
      return;
    }
    if (!manager) {
      throw new TaskOwnershipException(403,
          "Only a Prevent manager can give a task to a named person: claim it for yourself instead.");
    }
    String caseReference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    assignments.assigned(user.getUserId(), task.getTenantId(), caseReference, assignee, task.getId());
  }

  private static Authentication user(DelegateTask task) {
    return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }

  private static String previousAssignee(DelegateTask task) {
    PropertyChange change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
    return change == null || change.getOrgValue() == null ? null : change.getOrgValue().toString();
  }

}
