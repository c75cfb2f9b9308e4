package org.preventcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * No existence oracles (issue 16 item 1). The engine answers "belongs to no authenticated tenant",
 * "does not have READ permission" or "is part of a running process" about a real id of something
 * the user may not see, and "not found" (or nothing) about an invented one. On every id-taking route
 * of the engine REST API and of the webapps' engine API ({@link EngineRoutes}), an error answer about
 * something the user may not read (its read route does not answer 200) is replaced by exactly the
 * answer the same route gives for an id that does not exist (status and body, the id put back): the
 * route is asked again, within the request, with an invented id. An error about something the user
 * may read (a manager's refused change, a bad parameter) is kept.
 */
public class NoExistenceOracle extends OncePerRequestFilter {

  /** An id nothing has: a well-formed UUID-like word that passes the engine's id pattern. */
  static final String INVENTED_ID = "f0000000-0000-4000-8000-000000000000";
  private final EngineRoutes routes;
  private final ObjectProvider<IdentityService> identity;
  private final ObjectProvider<Actors> actors;

  public NoExistenceOracle(EngineRoutes routes, ObjectProvider<IdentityService> identity, ObjectProvider<Actors> actors) {
    this.routes = routes;
    this.identity = identity;
    this.actors = actors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<EngineRoutes.Match> match = routes.match(path, request.getMethod());
    if (match.isEmpty() || INVENTED_ID.equals(match.get().id())
        || request.getContentLengthLong() > ExpressionQueryGuard.MAX_BODY_BYTES) {
      chain.doFilter(request, response); // a large upload is not kept to be asked again
      return;
    }
    byte[] body = request.getInputStream().readNBytes(ExpressionQueryGuard.MAX_BODY_BYTES + 1);
    if (body.length > ExpressionQueryGuard.MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    HttpServletRequest again = new ExpressionQueryGuard.CachedBodyRequest(request, body);
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(again, answer);
    EngineRoutes.Match on = match.get();
    if (answer.getStatus() >= 400 || on.route().beyondTheDocument()) {
      normalise(again, response, answer, on);
    }
    answer.copyBodyToResponse();
  }

  /** Within the engine identity of the signed-in user (set here if the webapps' own filter has cleared it). */
  private void normalise(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper answer,
      EngineRoutes.Match on) throws ServletException, IOException {
    IdentityService engine = identity.getObject();
    boolean setHere = engine.getCurrentAuthentication() == null && request.getUserPrincipal() != null;
    if (setHere) {
      Actor user = actors.getObject().of(request.getUserPrincipal().getName());
      engine.setAuthentication(user.userId(), List.copyOf(user.groups()), List.copyOf(user.authorities()));
    }
    try {
      if (!mayRead(request, response, on)) {
        replaceWithNotFound(request, response, answer, on);
      }
    } finally {
      if (setHere) {
        engine.clearAuthentication();
      }
    }
  }

  private static void replaceWithNotFound(HttpServletRequest request, HttpServletResponse response,
      ContentCachingResponseWrapper answer, EngineRoutes.Match on) throws ServletException, IOException {
    CapturedResponse notFound = ask(request, response, on.prefix() + on.route().withId(on.path(), INVENTED_ID));
    answer.resetBuffer();
    response.setStatus(notFound.status());
    if (notFound.contentType() != null) {
      response.setContentType(notFound.contentType());
    }
    answer.getOutputStream().write(notFound.body().replace(INVENTED_ID, on.id()).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the user may read the thing (then a refused change is not an oracle): its read route answers 200. */
  private boolean mayRead(HttpServletRequest request, HttpServletResponse response, EngineRoutes.Match on)
      throws ServletException, IOException {
    String thing = on.route().thing(on.path());
    if ("GET".equals(request.getMethod()) && thing.equals(on.path())) {
      return false; // the thing's own read route refused: the user may not see it
    }
    for (String read : new String[] {thing, thing + "/profile"}) {
      if (routes.readable(read)) {
        return ask(new ReadRequest(request), response, on.prefix() + read).status() == HttpServletResponse.SC_OK;
      }
    }
    return false;
  }

  /** Asks the same API for another path within this request (the user, their groups and tenants as they are). */
  private static CapturedResponse ask(HttpServletRequest request, HttpServletResponse response, String path)
      throws ServletException, IOException {
    CapturedResponse captured = new CapturedResponse(response);
    String query = request.getQueryString();
    request.getRequestDispatcher(path + (query == null ? "" : "?" + query)).forward(request, captured);
    return captured;
  }

  /** The same request as a GET without a body: reading the thing the refused change was about. */
  static class ReadRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    ReadRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public int getContentLength() {
      return 0;
    }

    @Override
    public long getContentLengthLong() {
      return 0;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
      return new ExpressionQueryGuard.CachedBodyRequest((HttpServletRequest) getRequest(), new byte[0]).getInputStream();
    }
  }
}
