package org.preventcase.failures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one error body of the engine REST API, the webapps' engine API and the form check
 * (docs/forms.md): {@code application/problem+json} that Camunda's clients read too, since
 * {@code message} is where Tasklist looks.
 * <pre>
 * {"type": "urn:preventcase:problem:invalid-form", "title": "There is a problem", "status": 400,
 *  "detail": "...", "message": "...", "errors": [{"field": "urgency", "label": "Urgency", "message": "Select the urgency"}]}
 * </pre>
 * {@code errors} only for a refused form; never an engine id, class name, SQL, regular expression or value.
 */
public record Problem(String kind, String title, int status, String message, List<?> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Problem of(int status, String kind, String message) {
    return new Problem(kind, title(status), status, message, List.of());
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:preventcase:problem:" + kind);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", message);
    body.put("message", message);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }

  public String json() {
    try {
      return JSON.writeValueAsString(body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void write(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(json());
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "There is a problem";
      case 401 -> "Sign in";
      case 403 -> "You may not do this";
      case 404 -> "Not found";
      case 409 -> "Someone else got there first";
      case 503 -> "Sorry, the service is unavailable";
      default -> status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
    };
  }
}
