package org.preventcase.formcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The form a task or a start event shows, read from the deployment its process definition belongs
 * to (formRef with binding "deployment", through the engine's {@link FormService}), parsed once per
 * definition. A task or start event without a Camunda Form has the empty form: it accepts no values.
 * Call with the requesting user's authentication, so a task the user may not see is not found.
 */
@Component
public class DeployedForms {

  static final FormSchema NO_FORM = new FormSchema("no-form", List.of());
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final ConcurrentMap<String, FormSchema> parsed = new ConcurrentHashMap<>();

  public DeployedForms(FormService forms, RepositoryService repository, TaskService tasks) {
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
  }

  /** The task the user may see, with its form and the variables it was opened with; empty if none. */
  public Optional<OpenTask> task(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    FormSchema schema = parsed.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> forms.getTaskFormData(taskId).getCamundaFormRef() == null ? NO_FORM
            : read(forms.getDeployedTaskForm(taskId)));
    return Optional.of(new OpenTask(task, schema, plain(tasks.getVariablesTyped(taskId, true))));
  }

  /** The start form of a definition the user may see; empty if none. */
  public Optional<FormSchema> startForm(ProcessDefinition definition) {
    return Optional.of(startForm(definition.getId()));
  }

  /** The start form of the definition with this id (a start listener's own), from its deployment. */
  public FormSchema startForm(String definitionId) {
    return parsed.computeIfAbsent(definitionId + "#start",
        key -> forms.getStartFormData(definitionId).getCamundaFormRef() == null ? NO_FORM
            : read(forms.getDeployedStartForm(definitionId)));
  }

  public Optional<ProcessDefinition> definitionById(String id) {
    return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
  }

  /** The definition {@code /process-definition/key/{key}} starts: the latest shared one, or the tenant's. */
  public Optional<ProcessDefinition> latestDefinition(String key, String tenantId) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
    return Optional.ofNullable((tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult());
  }

  private static FormSchema read(InputStream form) {
    try (InputStream in = form) {
      return FormSchema.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variables as plain values, JSON ones (form-js lists, valuesKey options) as lists and maps. */
  public static Map<String, Object> plain(VariableMap variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      TypedValue typed = variables.getValueTyped(name);
      Object value = typed == null ? null : typed.getValue();
      if (typed != null && typed.getType() != null && "json".equals(typed.getType().getName()) && value != null) {
        value = fromJson(value.toString());
      }
      values.put(name, value);
    }
    return values;
  }

  static Object fromJson(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException notJson) {
      return json;
    }
  }

  /** A task as its form was opened: the form, and the variables it was filled from. */
  public record OpenTask(Task task, FormSchema form, Map<String, Object> variables) {}
}
