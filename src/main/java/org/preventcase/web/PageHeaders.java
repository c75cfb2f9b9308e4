package org.preventcase.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Builds the {@link PageHeader} for the layout (templates/layout.html calls
 * {@code @pageHeaders.current()}): empty for a visitor who is not signed in, so the sign-in and
 * error pages render for anyone.
 */
@Component("pageHeaders")
public class PageHeaders {

  private final Actors actors;
  private final IdentityService identity;

  public PageHeaders(Actors actors, IdentityService identity) {
    this.actors = actors;
    this.identity = identity;
  }

  public Optional<PageHeader> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(of(actors.of(authentication.getName()), currentPath()));
  }

  PageHeader of(Actor actor, String path) {
    User user = identity.createUserQuery().userId(actor.userId()).singleResult();
    String name = user == null ? actor.userId()
        : String.join(" ", Arrays.stream(new String[] {user.getFirstName(), user.getLastName()})
            .filter(part -> part != null && !part.isBlank()).toList());
    List<String> authorities = identity.createTenantQuery().userMember(actor.userId()).includingGroupsOfUser(true)
        .orderByTenantName().asc().list().stream().map(Tenant::getName).toList();
    List<String> roles = Arrays.stream(Role.values()).filter(actor::hasRole).map(Role::displayName).toList();
    List<PageHeader.Link> links = Place.of(actor).stream()
        .map(place -> new PageHeader.Link(place.text(), place.href(), isUnder(path, place.href()))).toList();
    return new PageHeader(actor.userId(), name.isBlank() ? actor.userId() : name, authorities, roles, links);
  }

  private static boolean isUnder(String path, String href) {
    return path != null && (path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/"));
  }

  /** The path the user asked for (on an error page: the path that failed). */
  private static String currentPath() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return null;
    }
    HttpServletRequest request = attributes.getRequest();
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return failed instanceof String uri ? uri : request.getRequestURI();
  }
}
