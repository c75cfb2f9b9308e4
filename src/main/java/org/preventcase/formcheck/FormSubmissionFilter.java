package org.preventcase.formcheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.engine.AsUser;
import org.preventcase.failures.Problem;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.EngineRoutes;
import org.preventcase.security.ExpressionQueryGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every form submitted to the engine, through the engine REST API or the webapps' engine API that
 * Tasklist calls, is checked against its own deployed form before the engine's command runs:
 * {@code task/{id}/complete} and {@code submit-form}, {@code process-definition/.../start} and
 * {@code submit-form}. A refused form answers 400 with the {@link Problem} body naming each field
 * by its label; nothing reaches the engine. Around it: variables are written only through forms
 * (the variable-writing routes and the task routes that carry variables past the form are refused,
 * 403), a start cannot skip its listeners or start elsewhere, and no value in Java's serialisation
 * format is accepted (400). A task or definition the user may not see is left to the engine, which
 * answers as it does for one that does not exist.
 */
public class FormSubmissionFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionFilter.class);
  private static final Pattern TASK_FORM = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(?:start|submit-form)/?$");
  private static final Pattern START_BY_KEY = Pattern.compile(
      "^/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(?:start|submit-form)/?$");
  private static final Pattern VARIABLE_WRITE = Pattern.compile(
      "^/(?:(?:task|execution|process-instance|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?"
      + "|task/[^/]+/(?:bpmnError|bpmnEscalation|resolve)/?|process-instance/variables-async/?)$");
  private static final List<String> START_OPTIONS = List.of("startInstructions", "skipCustomListeners", "skipIoMappings");
  private static final ObjectMapper STRICT = new ObjectMapper()
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
  private final ObjectMapper json = new ObjectMapper();
  private final DeployedForms forms;
  private final FormSubmissions submissions;
  private final Actors actors;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public FormSubmissionFilter(DeployedForms forms, FormSubmissions submissions, Actors actors, IdentityService identity,
      AuthorizationService authorizations) {
    this.forms = forms;
    this.submissions = submissions;
    this.actors = actors;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String path = EngineRoutes.engineApiPath(request.getRequestURI().substring(request.getContextPath().length()))
        .orElse("");
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    if (VARIABLE_WRITE.matcher(path).matches()) {
      refuse(response, Problem.of(403, "variables-through-forms",
          "Values are changed only by submitting a task's form: open the task and submit its form."));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(ExpressionQueryGuard.MAX_BODY_BYTES + 1);
    if (body.length > ExpressionQueryGuard.MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    HttpServletRequest replay = new ExpressionQueryGuard.CachedBodyRequest(request, body);
    JsonNode parsed = body.length == 0 ? json.createObjectNode() : readTree(body);
    if (parsed != null && holdsJavaSerialisation(parsed)) {
      refuse(response, Problem.of(400, "java-serialisation",
          "Values in Java's serialisation format are not accepted: send plain values or JSON."));
      return;
    }
    Optional<Problem> problem = parsed != null && parsed.isObject() && method.equals("POST") ? check(path, parsed)
        : Optional.empty();
    if (problem.isPresent()) {
      refuse(response, problem.get());
      return;
    }
    chain.doFilter(replay, response);
  }

  private Optional<Problem> check(String path, JsonNode body) {
    Matcher task = TASK_FORM.matcher(path);
    Matcher byId = START_BY_ID.matcher(path);
    Matcher byKey = START_BY_KEY.matcher(path);
    if (!task.matches() && !byId.matches() && !byKey.matches()) {
      return Optional.empty();
    }
    if (!task.matches() && START_OPTIONS.stream().anyMatch(option -> present(body.path(option)))) {
      return Optional.of(Problem.of(400, "start-options", "A process starts only at its start event, through its "
          + "start form: leave out startInstructions, skipCustomListeners and skipIoMappings."));
    }
    Map<String, Object> submitted = variables(body.path("variables"));
    Actor actor;
    try {
      actor = actors.current();
    } catch (IllegalStateException nobody) {
      return Optional.empty();
    }
    try {
      return AsUser.call(identity, actor.userId(), actor.groups(), actor.authorities(), () -> {
        if (task.matches()) {
          return forms.task(decoded(task.group(1))).filter(open -> mayWork(actor, open.task()))
              .map(open -> submissions.check(open.form(), submitted, open.variables()))
              .flatMap(FormSubmissionFilter::refused);
        }
        Optional<ProcessDefinition> definition = byId.matches() ? forms.definitionById(decoded(byId.group(1)))
            : forms.latestDefinition(decoded(byKey.group(1)), byKey.group(2) == null ? null : decoded(byKey.group(2)));
        return definition.filter(found -> mayStart(actor, found)).flatMap(forms::startForm)
            .map(form -> submissions.check(form, submitted, Map.of())).flatMap(FormSubmissionFilter::refused);
      });
    } catch (ProcessEngineException notVisible) {
      // not found, or not the user's to see: the engine gives its own answer to the command
      return Optional.empty();
    }
  }

  /** Only someone who may work the task hears about its form; anyone else gets the engine's refusal. */
  private boolean mayWork(Actor actor, Task task) {
    List<String> groups = List.copyOf(actor.groups());
    return authorizations.isUserAuthorized(actor.userId(), groups, Permissions.TASK_WORK, Resources.TASK, task.getId())
        || authorizations.isUserAuthorized(actor.userId(), groups, Permissions.UPDATE, Resources.TASK, task.getId())
        || authorizations.isUserAuthorized(actor.userId(), groups, Permissions.TASK_WORK, Resources.PROCESS_DEFINITION,
            definitionKey(task))
        || authorizations.isUserAuthorized(actor.userId(), groups, Permissions.UPDATE_TASK, Resources.PROCESS_DEFINITION,
            definitionKey(task));
  }

  private boolean mayStart(Actor actor, ProcessDefinition definition) {
    List<String> groups = List.copyOf(actor.groups());
    return authorizations.isUserAuthorized(actor.userId(), groups, Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, definition.getKey())
        && authorizations.isUserAuthorized(actor.userId(), groups, Permissions.CREATE, Resources.PROCESS_INSTANCE);
  }

  private String definitionKey(Task task) {
    return forms.definitionById(task.getProcessDefinitionId()).map(ProcessDefinition::getKey).orElse("");
  }

  private static Optional<Problem> refused(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String message = "There is a problem: " + String.join("; ", errors.stream().map(FieldError::message).toList()) + ".";
    return Optional.of(new Problem("invalid-form", "There is a problem", 400, message, errors));
  }

  /** The REST API's variables ({"name": {"value": ..., "type": ...}}) as plain values; Json ones parsed. */
  static Map<String, Object> variables(JsonNode variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue().path("value");
      String type = entry.getValue().path("type").asText("").toLowerCase(Locale.ROOT);
      Object plain = value.isMissingNode() || value.isNull() ? null : mapper.convertValue(value, Object.class);
      if (type.equals("json") && plain instanceof String text) {
        plain = strictJson(text);
      } else if (List.of("object", "file", "bytes").contains(type)) {
        plain = new Object(); // not a value any form field takes: refused as the wrong kind
      }
      values.put(entry.getKey(), plain);
    }
    return values;
  }

  /** A Json variable's value; a {@link DuplicateKey} if an object in it gives a key twice; the text if not JSON. */
  private static Object strictJson(String text) {
    try {
      return STRICT.readValue(text, Object.class);
    } catch (JsonProcessingException notJson) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(notJson.getOriginalMessage()));
      return duplicate.find() ? new DuplicateKey(duplicate.group(1)) : text;
    }
  }

  private static boolean present(JsonNode option) {
    return !option.isMissingNode() && !option.isNull() && !(option.isBoolean() && !option.asBoolean())
        && !(option.isArray() && option.isEmpty());
  }

  static boolean holdsJavaSerialisation(JsonNode node) {
    if (node.isTextual()) {
      return node.asText().toLowerCase(Locale.ROOT).contains("x-java-serialized-object");
    }
    for (JsonNode child : node) {
      if (holdsJavaSerialisation(child)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode readTree(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException notJson) {
      return null; // the engine answers malformed JSON itself
    }
  }

  private static String decoded(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
    LOG.info("Refused {} ({})", problem.kind(), problem.status());
    problem.write(response);
  }
}
