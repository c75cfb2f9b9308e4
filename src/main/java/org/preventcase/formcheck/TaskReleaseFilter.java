package org.preventcase.formcheck;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.preventcase.engine.AsUser;
import org.preventcase.failures.EngineApiErrors;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.EngineRoutes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST task/{id}/unclaim}: the assignee releases their task. The engine REST API does it by
 * setting the assignee, which needs {@code TASK_ASSIGN}, a Prevent manager's permission only; here it
 * is the engine's own release (a claim for nobody, {@code TASK_WORK}), and the engine's ownership
 * check lets only the assignee or a Prevent manager release a claimed task.
 */
public class TaskReleaseFilter extends OncePerRequestFilter {

  private static final Pattern UNCLAIM = Pattern.compile("^/task/([^/]+)/unclaim/?$");
  private final TaskService tasks;
  private final Actors actors;
  private final IdentityService identity;

  public TaskReleaseFilter(TaskService tasks, Actors actors, IdentityService identity) {
    this.tasks = tasks;
    this.actors = actors;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher unclaim = UNCLAIM.matcher(EngineRoutes.engineApiPath(
        request.getRequestURI().substring(request.getContextPath().length())).orElse(""));
    if (!"POST".equals(request.getMethod()) || !unclaim.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String taskId = URLDecoder.decode(unclaim.group(1), StandardCharsets.UTF_8);
    Actor actor = actors.current();
    try {
      AsUser.call(identity, actor.userId(), actor.groups(), actor.authorities(), () -> {
        tasks.claim(taskId, null);
        return null;
      });
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (ProcessEngineException refused) {
      EngineApiErrors.answer(refused).write(response);
    }
  }
}
