package org.preventcase.failures;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error answers of the engine REST API and of the webapps' APIs (issue 16 item 5), replacing
 * Camunda's, which return the exception's message (engine ids, SQL, class names) and log a stack
 * trace for every 500. Every failure answers with a {@link Problem} body in plain words:
 * <ul>
 *   <li>a {@link Refusal} anywhere in the cause chain: its status, message and field errors;</li>
 *   <li>a lost race (two completions, two claims): 409;</li>
 *   <li>the database out of reach: 503 with {@code Retry-After};</li>
 *   <li>otherwise the status Camunda would give, with a fixed message for it.</li>
 * </ul>
 * A client error (4xx) and an outage log one line (status and exception types, no message, which
 * may hold a value); only a server error logs its stack trace. Installed with the highest priority
 * for each exception type Camunda maps ({@link EngineApiErrorsConfiguration}).
 */
public final class EngineApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiErrors.class);
  private static final int MAX_CAUSES = 20;
  /** The engine's refusal of a weak password, a plain sentence worth passing on. */
  private static final String PASSWORD_POLICY = "Password does not match policy";

  private EngineApiErrors() {}

  /** The mapper classes, one per exception type Camunda's REST API maps. */
  public static final List<Class<?>> MAPPERS = List.of(ForThrowable.class, ForProcessEngineException.class,
      ForRestException.class, ForJsonMapping.class, ForJsonParse.class);

  public static Response response(Throwable failure) {
    Problem problem = answer(failure);
    Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store").entity(problem.json());
    if (problem.status() == 503) {
      response.header("Retry-After", Outages.RETRY_AFTER_SECONDS);
    }
    return response.build();
  }

  /** The answer to this failure, logged as {@link #response} logs it. */
  public static Problem answer(Throwable failure) {
    Problem problem = problem(failure);
    log(problem, failure);
    return problem;
  }

  static Problem problem(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable cause : chain) {
      if (cause instanceof Refusal refusal) {
        return new Problem(refusal.kind(), Problem.title(refusal.status()), refusal.status(), refusal.getMessage(),
            refusal.errors());
      }
    }
    if (Outages.isDatabaseOutage(failure)) {
      return Problem.of(503, "unavailable", Outages.MESSAGE);
    }
    for (Throwable cause : chain) {
      if (cause instanceof TaskAlreadyClaimedException) {
        return Problem.of(409, "already-claimed", "This task has already been claimed by someone else.");
      }
      if (cause instanceof OptimisticLockingException) {
        return Problem.of(409, "conflict",
            "Someone else changed this at the same moment: reload the page and try again.");
      }
      if (cause instanceof AuthorizationException) {
        return Problem.of(403, "forbidden", "You do not have permission to do this.");
      }
      if (cause instanceof NotFoundException || cause instanceof NullValueException) {
        return Problem.of(404, "not-found", "Not found, or you may not see it.");
      }
      if (PASSWORD_POLICY.equals(cause.getMessage())) {
        return Problem.of(400, "password-policy", PASSWORD_POLICY + ": use at least 10 characters with upper- and "
            + "lower-case letters, a digit and a symbol, and nothing of the user's name or id.");
      }
    }
    int status = status(failure);
    return Problem.of(status, kind(status), message(status));
  }

  private static int status(Throwable failure) {
    if (failure instanceof WebApplicationException web) {
      return web.getResponse().getStatus();
    }
    if (failure instanceof JsonMappingException || failure instanceof JsonParseException) {
      return 400;
    }
    return ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode();
  }

  private static String kind(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406, 415 -> "unsupported-media-type";
      default -> status >= 500 ? "server-error" : "client-error";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "The request could not be accepted: check the values sent.";
      case 401 -> "Sign in to continue.";
      case 403 -> "You do not have permission to do this.";
      case 404 -> "Not found, or you may not see it.";
      case 405 -> "This action is not available here.";
      case 406, 415 -> "Send and accept JSON.";
      default -> status >= 500 ? "Sorry, there is a problem with the service: try again later."
          : "The request could not be accepted.";
    };
  }

  private static void log(Problem problem, Throwable failure) {
    if (problem.status() >= 500 && problem.status() != 503) {
      LOG.error("Engine API answered {} ({})", problem.status(), types(failure), failure);
    } else if (problem.status() == 503) {
      LOG.warn("Engine API answered 503, the database is out of reach ({})", types(failure));
    } else {
      LOG.info("Engine API answered {} ({})", problem.status(), types(failure));
    }
  }

  private static String types(Throwable failure) {
    return String.join(" < ", chain(failure).stream().map(cause -> cause.getClass().getSimpleName()).toList());
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = failure; cause != null && chain.size() < MAX_CAUSES && !chain.contains(cause);
        cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  @Provider
  @Priority(1)
  public static class ForThrowable implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      return response(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException failure) {
      return response(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class ForRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException failure) {
      return response(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class ForJsonMapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException failure) {
      return response(failure);
    }
  }

  @Provider
  @Priority(1)
  public static class ForJsonParse implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException failure) {
      return response(failure);
    }
  }
}
