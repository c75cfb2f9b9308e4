package org.preventcase.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes expression injection through task queries: Camunda evaluates `*Expression` fields of a
 * query (also inside `orQueries`), so any engine API request, by the REST API or the webapps, whose
 * query string or JSON body holds such a key is refused with 400 before the engine sees it. Stored
 * filters may hold expressions, and only administrators may create or update filters. A JSON body
 * that gives a key twice in one object is refused too (the engine would silently keep the last).
 */
public class ExpressionQueryGuard extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final Pattern FILTER_WRITE = Pattern.compile(".*/filter/(create|[^/]+)$");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
  private final ObjectMapper json = new ObjectMapper().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> parameter = request.getParameterMap().keySet().stream().filter(ExpressionQueryGuard::isExpressionKey).findFirst();
    if (parameter.isPresent()) {
      refuse(response, "Expressions are not allowed in queries (" + safe(parameter.get()) + ")");
      return;
    }
    if (!hasJsonBody(request) || isFilterWrite(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : json.readTree(body);
    } catch (JsonProcessingException notJson) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(notJson.getOriginalMessage()));
      if (duplicate.find()) {
        refuse(response, "The key '" + safe(duplicate.group(1)) + "' is given more than once in one object");
        return;
      }
      tree = null; // the engine answers malformed JSON itself
    }
    Optional<String> key = expressionKey(tree);
    if (key.isPresent()) {
      refuse(response, "Expressions are not allowed in queries (" + safe(key.get()) + ")");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  static boolean isExpressionKey(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  static Optional<String> expressionKey(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpressionKey(field.getKey())) {
          return Optional.of(field.getKey());
        }
        Optional<String> nested = expressionKey(field.getValue());
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> nested = expressionKey(element);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasJsonBody(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  private static boolean isFilterWrite(HttpServletRequest request) {
    return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
        && FILTER_WRITE.matcher(request.getRequestURI()).matches();
  }

  private static String safe(String key) {
    return key.replaceAll("[^A-Za-z0-9_.-]", "");
  }

  /** 400 in the engine API's own error shape; the message holds only filtered key names. */
  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
  }

  /** Hands the already-read body on to the engine. */
  public static class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
